// The process-wide segmenter and IDF table, loaded on first use: jieba's dictionary takes 0.1–0.25 s
// to load and the IDF table about 0.3 s (together about 90 MB of RSS), which a CLI command that never
// analyses text should not pay. Neither is ever modified after loading, so every KeywordExtractor (each with
// its own user dictionary) can share them; user words are applied around jieba, not inside it,
// because @node-rs/jieba 2 can add words (`loadDict`) but never remove them.
import { Jieba } from "@node-rs/jieba";
import { dict, idf } from "@node-rs/jieba/dict";

/** The loaded segmenter and IDF lookup. */
export type Engine = {
  jieba: Jieba;
  /** Inverse document frequency of a word; words jieba's table lacks get its median, as jieba does. */
  idfOf: (word: string) => number;
  /** Milliseconds spent loading (segmenter dictionary, IDF table). */
  loadMs: { dict: number; idf: number };
};

let engine: Engine | null = null;

/** The shared engine, loading it on the first call. */
export function loadEngine(): Engine {
  if (engine) return engine;
  const t0 = performance.now();
  const jieba = Jieba.withDict(dict);
  const t1 = performance.now();
  const { table, median } = parseIdf(new TextDecoder().decode(idf));
  const t2 = performance.now();
  engine = {
    jieba,
    idfOf: (word) => {
      const scaled = table.get(word);
      return scaled === undefined ? median : scaled / IDF_SCALE;
    },
    loadMs: { dict: t1 - t0, idf: t2 - t1 },
  };
  return engine;
}

// IDF values are stored as integers (ten-thousandths) because V8 keeps small integers unboxed in a
// Map, while each fractional number would be a separate heap object: 270,000 of them.
const IDF_SCALE = 10_000;

/** Parses jieba's `word idf` lines into a table of scaled integers and the median IDF. */
export function parseIdf(text: string): { table: Map<string, number>; median: number } {
  const table = new Map<string, number>();
  const values: number[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const space = text.lastIndexOf(" ", end);
    if (space > start) {
      const value = Number(text.slice(space + 1, end));
      if (Number.isFinite(value)) {
        table.set(text.slice(start, space), Math.round(value * IDF_SCALE));
        values.push(value);
      }
    }
    start = end + 1;
  }
  const sorted = Float64Array.from(values).sort();
  const median = sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)] : 1;
  return { table, median };
}
