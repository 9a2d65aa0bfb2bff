import { describe, expect, it } from "vitest";
import type { IncidentLogView } from "../../src/shared/incidents-api";
import { MESSAGES, translate } from "../locales/translate";
import { formatTime } from "./format";
import { logEntryText } from "./incidents";

const t = (lang: "zh-CN" | "en") => (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(MESSAGES[lang], key, p);
const entry = (kind: IncidentLogView["kind"], text: string): IncidentLogView => ({ id: 1, at: "2026-12-06T08:00:00.000Z", userId: 1, userName: "值班员", kind, text });

describe("logEntryText", () => {
  it("words system entries from their parameters in the UI's language and shows notes as written", () => {
    const until = Date.UTC(2026, 11, 7, 8, 0);
    const shown = formatTime(new Date(until).toISOString());
    expect(logEntryText(entry("started", JSON.stringify({ until, pollSeconds: 120, sources: 3 })), t("zh-CN"))).toBe(
      `启动值守，至 ${shown}，每 2 分钟采集 3 个信息源`,
    );
    expect(logEntryText(entry("extended", JSON.stringify({ until, sources: 4 })), t("en"))).toBe(`Watch extended until ${shown} (4 sources)`);
    expect(logEntryText(entry("interval", JSON.stringify({ pollSeconds: 60 })), t("zh-CN"))).toBe("采集间隔改为每 1 分钟");
    expect(logEntryText(entry("escalation", JSON.stringify({ escalateMinutes: null })), t("zh-CN"))).toBe("升级时限改为 未设置");
    expect(logEntryText(entry("closed", ""), t("en"))).toBe("Watch closed");
    expect(logEntryText(entry("note", '{"until":1} 不是参数'), t("zh-CN"))).toBe('{"until":1} 不是参数');
  });
});
