// Query words for the ledger benchmarks: runs of Han characters sampled from the generated corpus,
// so that frequent and rare words both occur.
import { generateChineseItems } from "../../src/ingest";

/** `n` words of `len` characters sampled from generated text. */
export function sampleTerms(len: number, n: number): string[] {
  const docs = generateChineseItems(400, 987654);
  const out: string[] = [];
  let k = 0;
  while (out.length < n) {
    const chars = Array.from(docs[k++ % docs.length].text).filter((c) => /\p{Script=Han}/u.test(c));
    const at = (k * 7919) % Math.max(1, chars.length - len);
    const term = chars.slice(at, at + len).join("");
    if (term.length === len) out.push(term);
  }
  return out;
}

/** The value at percentile p of xs. */
export const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** A number for a figure line. */
export const fmt = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
