import { describe, expect, it } from "vitest";
import { ApiRequestError, NETWORK_ERROR, parseErrorBody } from "../api/client";
import { MESSAGES, translate } from "../locales/translate";
import { errorText } from "./use-report-error";

const i18n = (lang: "zh-CN" | "en") => ({ t: (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(MESSAGES[lang], key, p) });

describe("errorText", () => {
  it("shows the server's message as written (the server answers in the UI's language)", () => {
    const e = new ApiRequestError(409, { code: "unit.in_use", message: "The unit still has 1 sub-units / and 0 users" });
    expect(errorText(e, i18n("en"))).toBe("The unit still has 1 sub-units / and 0 users");
  });

  it("words a non-JSON answer and an unreachable server in the UI's language", () => {
    const proxy = new ApiRequestError(502, parseErrorBody(502, "<html>Bad Gateway</html>"));
    expect(errorText(proxy, i18n("zh-CN"))).toBe("服务器返回错误（HTTP 502），请稍后重试。");
    expect(errorText(proxy, i18n("en"))).toBe("The server answered with an error (HTTP 502); try again later.");
    expect(errorText(new ApiRequestError(0, { code: NETWORK_ERROR, message: "network error" }), i18n("zh-CN"))).toBe("无法连接服务器，请检查网络后重试。");
  });
});
