import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { checkSentences, sentenceBlocks, splitSentences, summariseWithCitations, supported, type LlmItem, type LlmSettings } from "./llm";
import type { CitedItem } from "../shared/report-types";

const ITEMS: LlmItem[] = [
  { n: 1, id: 101, title: "禾溪镇小学被指乱收费", text: "家长反映禾溪镇小学每学期额外收取补课费八百元，要求教育局调查。", href: "/items/101" },
  { n: 2, id: 102, title: "县城东区供水管道爆裂", text: "东区多个小区停水超过十二小时，居民排队接水，自来水公司称正在抢修。", href: "/items/102" },
  { n: 3, id: 103, title: "自来水公司回应停水", text: "自来水公司表示管道老化导致爆裂，预计今晚恢复供水。", href: "/items/103" },
];

describe("supported", () => {
  it("keeps a sentence whose content words occur in the cited texts and refuses one that adds facts", () => {
    const texts = [`${ITEMS[0].title}\n${ITEMS[0].text}`];
    expect(supported("家长反映禾溪镇小学额外收取补课费。", texts)).toBe(true);
    expect(supported("禾溪镇小学校长已被免职，县纪委介入调查。", texts)).toBe(false);
    // Numbers count as words: a figure the items do not give is not supported.
    expect(supported("东区停水 12 小时", ["东区停水 12 小时"])).toBe(true);
    expect(supported("东区停水 36 小时，影响 5000 户", ["东区停水 12 小时"])).toBe(false);
    // Function characters and citation markers are not content; a sentence of nothing else is not supported.
    expect(supported("的了是在[1]。", texts)).toBe(false);
  });

  it("compares traditional and simplified forms alike", () => {
    expect(supported("東區停水，居民排隊接水", [ITEMS[1].text])).toBe(true);
  });
});

describe("splitSentences", () => {
  it("splits at 。 and after citation markers, before or after the punctuation, and strips list numbers", () => {
    expect(splitSentences("1. 甲乙丙丁[1][3]。戊己庚。[2]\n- 辛壬癸\n（2）子丑寅[9]")).toEqual([
      { text: "甲乙丙丁。", refs: [1, 3] },
      { text: "戊己庚。", refs: [2] },
      { text: "辛壬癸", refs: [] },
      { text: "子丑寅", refs: [9] },
    ]);
  });
});

describe("checkSentences", () => {
  it("keeps supported, cited sentences with the cited items' links and counts the others dropped", () => {
    const content = [
      "禾溪镇小学被家长反映额外收取补课费八百元[1]。",
      "东区供水管道爆裂导致多个小区停水，自来水公司称管道老化，预计今晚恢复供水[2][3]。",
      "县长已就此事公开道歉并承诺全额赔偿[1]。",
      "总体来看舆情平稳可控。",
      "东区居民排队接水[7]。",
    ].join("\n");
    const { kept, dropped } = checkSentences(content, ITEMS);
    expect(kept).toEqual([
      { text: "禾溪镇小学被家长反映额外收取补课费八百元。", citations: [{ label: "[1]", href: "/items/101" }] },
      { text: "东区供水管道爆裂导致多个小区停水，自来水公司称管道老化，预计今晚恢复供水。", citations: [{ label: "[2]", href: "/items/102" }, { label: "[3]", href: "/items/103" }] },
    ]);
    expect(dropped).toBe(3);
  });
});

// A fake OpenAI-compatible server on 127.0.0.1.
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

interface Seen { url: string; auth: string | undefined; body: { model: string; messages: { role: string; content: string }[] } }
async function fakeModel(answer: (req: IncomingMessage, res: ServerResponse) => void, seen: Seen[] = []): Promise<string> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ url: req.url ?? "", auth: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Seen["body"] });
      answer(req, res);
    });
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}
const completion = (content: string) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ id: "x", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }] }));
};
const settings = (llmUrl: string, over: Partial<LlmSettings> = {}): LlmSettings => ({ llmUrl, llmModel: "qwen2.5-7b-instruct", llmApiKey: "sk-test-0f9e", llmTimeoutMs: 2000, ...over });

describe("summariseWithCitations", () => {
  it("asks the model with the numbered items and keeps only the supported, cited sentences; the key is sent, never logged", async () => {
    const seen: Seen[] = [];
    const url = await fakeModel(completion([
      "东区多个小区停水超过十二小时，居民排队接水[2]。",
      "自来水公司表示管道老化导致爆裂[3]。",
      "全县已有十万户居民受到影响，医院被迫停诊[2][3]。",
      "相关部门应加强舆情引导。",
      "禾溪镇小学乱收费[5]。",
    ].join("\n")), seen);
    const logs: string[] = [];
    const out = await summariseWithCitations(settings(url), { topic: "今日舆情", items: ITEMS }, { log: (m) => logs.push(m) });
    expect(out).toEqual([
      { text: "东区多个小区停水超过十二小时，居民排队接水。", citations: [{ label: "[2]", href: "/items/102" }] },
      { text: "自来水公司表示管道老化导致爆裂。", citations: [{ label: "[3]", href: "/items/103" }] },
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0].url).toBe("/v1/chat/completions");
    expect(seen[0].auth).toBe("Bearer sk-test-0f9e");
    expect(seen[0].body.model).toBe("qwen2.5-7b-instruct");
    const user = seen[0].body.messages.find((m) => m.role === "user")!.content;
    expect(user).toContain("今日舆情");
    expect(user).toContain("[2] 标题：县城东区供水管道爆裂");
    expect(logs).toEqual(["llm: kept 2 sentences, dropped 3 (uncited or unsupported)"]);
  });

  it("is off without a URL or model, and gives null (not an error) when the model fails, hangs or floods", async () => {
    expect(await summariseWithCitations(settings(""), { topic: "x", items: ITEMS })).toBeNull();
    expect(await summariseWithCitations(settings("http://127.0.0.1:9/v1", { llmModel: "" }), { topic: "x", items: ITEMS })).toBeNull();

    const logs: string[] = [];
    const log = (m: string) => logs.push(m);
    let url = await fakeModel((_req, res) => (res.writeHead(503), res.end("overloaded")));
    expect(await summariseWithCitations(settings(url), { topic: "x", items: ITEMS }, { log })).toBeNull();
    server!.close();

    url = await fakeModel(() => {}); // never answers
    const t0 = Date.now();
    expect(await summariseWithCitations(settings(url, { llmTimeoutMs: 300 }), { topic: "x", items: ITEMS }, { log })).toBeNull();
    expect(Date.now() - t0).toBeLessThan(2000);
    server!.closeAllConnections();
    server!.close();

    url = await fakeModel((_req, res) => (res.writeHead(200, { "content-type": "application/json" }), res.end(`{"choices":[{"message":{"content":"${"长".repeat(200_000)}"}}]}`)));
    expect(await summariseWithCitations(settings(url), { topic: "x", items: ITEMS }, { log })).toBeNull();
    server!.close();

    url = await fakeModel((_req, res) => (res.writeHead(200), res.end("not json")));
    expect(await summariseWithCitations(settings(url), { topic: "x", items: ITEMS }, { log })).toBeNull();

    expect(logs[0]).toBe("llm: HTTP 503");
    expect(logs[1]).toMatch(/^llm: request failed \((TimeoutError|AbortError)\)$/);
    expect(logs[2]).toContain("larger than");
    expect(logs.join("\n")).not.toContain("sk-test-0f9e");
  });

  it("makes sentence blocks from a report's quoted items, numbered in order", async () => {
    const url = await fakeModel(completion("自来水公司表示管道老化导致爆裂，预计今晚恢复供水[1]。\n家长反映额外收取补课费[2]。\n家长反映额外收取补课费[3]。"));
    const cited = ITEMS.slice(0, 3).map((i): CitedItem => ({
      id: i.id, title: i.title, source: "青禾论坛", publishedAt: null, url: null, sentiment: "neg", reposts: 0, excerpt: i.text, href: i.href,
    })).reverse(); // 103, 102, 101: numbered 1, 2, 3
    expect(await sentenceBlocks(settings(url), "需关注的负面信息", cited)).toEqual([
      { type: "sentence", text: "自来水公司表示管道老化导致爆裂，预计今晚恢复供水。", citations: [{ label: "[1]", href: "/items/103" }] },
      { type: "sentence", text: "家长反映额外收取补课费。", citations: [{ label: "[3]", href: "/items/101" }] },
    ]);
    expect(await sentenceBlocks(settings(""), "x", cited)).toEqual([]);
  });
});
