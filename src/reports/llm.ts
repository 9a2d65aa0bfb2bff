// Optional language-model sentences for reports (off unless TINGFENG_LLM_URL and TINGFENG_LLM_MODEL
// are set): an OpenAI-compatible chat completion writes 2–4 Chinese sentences over numbered items,
// each ending with citations like [1][3]. A sentence is kept only when it cites an item that exists
// and its content words occur in the cited items (≥ 60 % of its CJK bigrams and ASCII words); the
// rest is dropped. Whatever goes wrong (no answer, an error, a timeout, a huge body) gives null: a
// report never fails because the model is down. The API key is sent, never logged.
import { fetch } from "undici";
import type { Config } from "../config";
import { normaliseText } from "../analyse/normalise";
import type { AppHref, CitedItem, ReportBlock } from "../shared/report-types";

/** The settings the model client reads. */
export type LlmSettings = Pick<Config, "llmUrl" | "llmModel" | "llmApiKey" | "llmTimeoutMs">;

/** One numbered item the model may cite. */
export interface LlmItem { n: number; id: number; title: string; text: string; href: AppHref }

/** A kept sentence and the items it cites. */
export interface CitedSentence { text: string; citations: { label: string; href: AppHref }[] }

/** Share of a sentence's content tokens that must occur in the items it cites. */
export const SUPPORT_THRESHOLD = 0.6;
const MAX_RESPONSE_BYTES = 256 * 1024;
const MAX_ITEMS = 20;
const ITEM_CHARS = 400;

// Function characters that carry no content: a run of CJK is cut at them before bigrams are made.
const STOP_CHARS = new Set("的了是在和与及等也都而并对中为将被这那之其或就把从向于以着过所该各此已又但且即则因由");
const CITATION = /\[(\d{1,3})\]/g;
const CJK_CHAR = /\p{Script=Han}/u;

/** The content tokens of a text: CJK bigrams (runs cut at function characters) and ASCII words, normalised. */
export function contentTokens(text: string): string[] {
  const norm = normaliseText(text.replace(CITATION, " "));
  const out: string[] = [];
  for (const word of norm.match(/[a-z0-9]+/g) ?? []) out.push(word);
  let run: string[] = [];
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
    run = [];
  };
  for (const ch of norm) {
    if (CJK_CHAR.test(ch) && !STOP_CHARS.has(ch)) run.push(ch);
    else flush();
  }
  flush();
  return out;
}

/** Whether a sentence is supported by the cited items' texts: ≥ 60 % of its content tokens occur in them. */
export function supported(sentence: string, citedTexts: readonly string[]): boolean {
  const tokens = contentTokens(sentence);
  if (!tokens.length) return false;
  const haystack = normaliseText(citedTexts.join("\n"));
  const words = new Set(haystack.match(/[a-z0-9]+/g) ?? []);
  const found = tokens.filter((t) => (/^[a-z0-9]+$/.test(t) ? words.has(t) : haystack.includes(t))).length;
  return found / tokens.length >= SUPPORT_THRESHOLD;
}

const END = "。！？!?";
const MARKERS = /^(?:\s*\[\d{1,3}\])+/;

// A line's sentences: one ends at 。！？ (taking the markers right after it) or after its markers (and the punctuation right after them).
function piecesOf(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < line.length; ) {
    const markers = line[i] === "[" ? MARKERS.exec(line.slice(i)) : null;
    if (markers) {
      i += markers[0].length;
      cur += markers[0];
      const punct = /^\s*([。！？!?])/.exec(line.slice(i));
      if (punct) (i += punct[0].length), (cur += punct[1]);
      out.push(cur);
      cur = "";
      continue;
    }
    const ch = line[i++];
    cur += ch;
    if (END.includes(ch)) {
      const after = MARKERS.exec(line.slice(i));
      if (after) (i += after[0].length), (cur += after[0]);
      out.push(cur);
      cur = "";
    }
  }
  if (cur.trim()) out.push(cur);
  return out;
}

/** The model's text cut into sentences, each with the item numbers it cites. */
export function splitSentences(content: string): { text: string; refs: number[] }[] {
  const out: { text: string; refs: number[] }[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/^\s*(?:[-*•]\s*|\d{1,2}(?:\.\s+|[、)）]\s*)|（\d{1,2}）\s*)/, "").trim();
    for (const piece of piecesOf(line)) {
      const refs = [...piece.matchAll(CITATION)].map((c) => Number(c[1]));
      const text = piece.replace(CITATION, "").replace(/\s+([。！？!?])/g, "$1").trim();
      if (text) out.push({ text, refs });
    }
  }
  return out;
}

/** The sentences kept (cite ≥ 1 existing item and are supported by what they cite) and how many were dropped. Pure. */
export function checkSentences(content: string, items: readonly LlmItem[]): { kept: CitedSentence[]; dropped: number } {
  const byN = new Map(items.map((i) => [i.n, i]));
  const kept: CitedSentence[] = [];
  let dropped = 0;
  for (const s of splitSentences(content)) {
    const cited = [...new Set(s.refs)].map((n) => byN.get(n)).filter((i): i is LlmItem => !!i);
    if (cited.length && supported(s.text, cited.map((i) => `${i.title}\n${i.text}`)))
      kept.push({ text: s.text, citations: cited.map((i) => ({ label: `[${i.n}]`, href: i.href })) });
    else dropped++;
  }
  return { kept, dropped };
}

function prompt(topic: string, items: readonly LlmItem[]): { role: string; content: string }[] {
  const material = items.slice(0, MAX_ITEMS).map((i) => `[${i.n}] 标题：${i.title}\n内容：${i.text.slice(0, ITEM_CHARS)}`).join("\n\n");
  return [
    { role: "system", content: "你是网络舆情报告的写作助手。只根据给出的编号材料写作，不得添加材料中没有的事实、数字或判断。" },
    {
      role: "user",
      content: `主题：${topic}\n请根据下列材料写 2–4 句简洁的中文概述，每句单独一行，每句末尾用方括号编号注明所依据的材料（可多个，如 [1][3]）。不要写标题、序号或其他说明。\n\n材料：\n${material}`,
    },
  ];
}

// The body as text, refusing more than `limit` bytes.
async function readCapped(body: AsyncIterable<Uint8Array> | null, limit: number): Promise<string | null> {
  if (!body) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Options of a call. */
export interface SummariseOptions {
  /** Told how many sentences were kept and dropped, and why a call failed (never the key). */
  log?: (m: string) => void;
}

/** 2–4 cited sentences on the topic from the model, only those the items support; null when off or failing. */
export async function summariseWithCitations(
  config: LlmSettings, input: { topic: string; items: LlmItem[] }, opts: SummariseOptions = {},
): Promise<CitedSentence[] | null> {
  const log = opts.log ?? (() => {});
  if (!config.llmUrl || !config.llmModel || !input.items.length) return null;
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (config.llmApiKey) headers.authorization = `Bearer ${config.llmApiKey}`;
  try {
    const res = await fetch(`${config.llmUrl}/chat/completions`, {
      method: "POST", headers, signal: AbortSignal.timeout(config.llmTimeoutMs), redirect: "error",
      body: JSON.stringify({ model: config.llmModel, messages: prompt(input.topic, input.items), temperature: 0.2, max_tokens: 800, stream: false }),
    });
    if (!res.ok) {
      await res.body?.cancel();
      log(`llm: HTTP ${res.status}`);
      return null;
    }
    const text = await readCapped(res.body, MAX_RESPONSE_BYTES);
    if (text == null) {
      log(`llm: answer larger than ${MAX_RESPONSE_BYTES} bytes`);
      return null;
    }
    const content = (JSON.parse(text) as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
    if (typeof content !== "string") {
      log("llm: no message content in the answer");
      return null;
    }
    const { kept, dropped } = checkSentences(content, input.items);
    log(`llm: kept ${kept.length} sentences, dropped ${dropped} (uncited or unsupported)`);
    return kept;
  } catch (err) {
    // The name only: a message might echo the request.
    log(`llm: request failed (${err instanceof Error ? err.name : "error"})`);
    return null;
  }
}

/** Sentence blocks over a report's quoted items, numbered in order (none when the model is off, failing or unsupported). */
export async function sentenceBlocks(config: LlmSettings, topic: string, items: readonly CitedItem[], opts: SummariseOptions = {}): Promise<ReportBlock[]> {
  const numbered = items.slice(0, MAX_ITEMS).map((c, i): LlmItem => ({ n: i + 1, id: c.id, title: c.title, text: c.excerpt, href: c.href }));
  const kept = await summariseWithCitations(config, { topic, items: numbered }, opts);
  return (kept ?? []).map((s) => ({ type: "sentence", text: s.text, citations: s.citations }));
}
