// The process-wide segmenter and IDF table, loaded on first use: jieba's dictionary takes 0.1–0.25 s
// to load and the IDF table about 0.3 s (together about 90 MB of RSS), which a CLI command that never
// analyses text should not pay. Neither is ever modified after loading, so every KeywordExtractor (each with
// its own user dictionary) can share them; user words are applied around jieba, not inside it,
// because @node-rs/jieba 2 can add words (`loadDict`) but never remove them.
import { Jieba } from "@node-rs/jieba";
import { dict, idf } from "@node-rs/jieba/dict";

/** The loaded segmenter, part-of-speech and IDF lookups. */
export type Engine = {
  jieba: Jieba;
  /** Inverse document frequency of a word; words jieba's table lacks get its median, as jieba does. */
  idfOf: (word: string) => number;
  /**
   * The part-of-speech tag jieba's `tag` gives a word of its `cut`: the dictionary's tag, else "m" for
   * ASCII digits, "eng" for other ASCII letters and digits, "x" for the rest. Looked up here because
   * `cut` plus this lookup costs a third of `tag`, which builds an object per word across N-API.
   */
  tagOf: (word: string) => string;
  /**
   * The word's packed table entry, which `tagOfEntry`, `idfOfEntry` and `knownEntry` read: one
   * lookup in the 350,000-word table serves all three (each lookup is a few cache misses).
   */
  entry: (word: string) => number;
  /** One string per distinct recent word (for the cut's words to share), with its entry. */
  hot: (word: string) => HotWord;
  tagOfEntry: (word: string, entry: number) => string;
  idfOfEntry: (entry: number) => number;
  /** Whether the entry is of a word in jieba's dictionary (words its HMM found, and IDF-only words, are not). */
  knownEntry: (entry: number) => boolean;
  /** Milliseconds spent loading (segmenter dictionary, tag and IDF tables). */
  loadMs: { dict: number; idf: number };
};

/** A word of the hot table: its shared string and its entry. */
export type HotWord = { readonly word: string; readonly entry: number };

let engine: Engine | null = null;

/** The shared engine, loading it on the first call. */
export function loadEngine(): Engine {
  if (engine) return engine;
  const t0 = performance.now();
  const jieba = Jieba.withDict(dict);
  const t1 = performance.now();
  const lexicon = parseLexicon(new TextDecoder().decode(dict), new TextDecoder().decode(idf));
  const t2 = performance.now();
  engine = { jieba, ...lexicon, loadMs: { dict: t1 - t0, idf: t2 - t1 } };
  return engine;
}

// One Map holds both tables, a small integer per word: (IDF in ten-thousandths + 1) << 6 | tag index.
// V8 keeps small integers unboxed in a Map, while each fractional number would be a separate heap
// object (270,000 of them); IDF 0 means "not in the IDF table", tag index 0 "not in the dictionary".
const IDF_SCALE = 10_000;
const TAG_BITS = 6;
const HOT_WORDS = 16_384;

/** Parses jieba's dictionary (`word freq tag` lines) and IDF table (`word idf` lines) into lookups. */
export function parseLexicon(dictText: string, idfText: string): Omit<Engine, "jieba" | "loadMs"> & { median: number } {
  const table = new Map<string, number>();
  const tagNames = [""];
  const tagIndex = new Map<string, number>();
  eachLine(dictText, (line) => {
    const last = line.lastIndexOf(" ");
    const first = line.indexOf(" ");
    if (first <= 0 || last === first) return;
    const tag = line.slice(last + 1);
    let index = tagIndex.get(tag);
    if (index === undefined) {
      index = tagNames.push(tag) - 1;
      if (index >= 1 << TAG_BITS) throw new Error(`jieba dictionary has more than ${(1 << TAG_BITS) - 1} tags`);
      tagIndex.set(tag, index);
    }
    table.set(line.slice(0, first), index);
  });
  const values: number[] = [];
  eachLine(idfText, (line) => {
    const space = line.lastIndexOf(" ");
    if (space <= 0) return;
    const value = Number(line.slice(space + 1));
    if (!Number.isFinite(value) || value < 0) return;
    const word = line.slice(0, space);
    table.set(word, ((Math.round(value * IDF_SCALE) + 1) << TAG_BITS) | ((table.get(word) ?? 0) & ((1 << TAG_BITS) - 1)));
    values.push(value);
  });
  const sorted = Float64Array.from(values).sort();
  const median = sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)] : 1;
  // The table is ~20 MB, so each lookup in it misses the CPU caches several times (~0.6 µs). Words
  // follow Zipf's law, so words looked up recently are kept in a small table that stays in cache
  // and answers most lookups (emptied when full, so it follows what the posts talk about now):
  // prepare 578 → 455 µs per bench post (four interleaved runs each).
  const hotWords = new Map<string, HotWord>();
  const hot = (word: string) => {
    let h = hotWords.get(word);
    if (h === undefined) {
      h = { word, entry: table.get(word) ?? 0 };
      if (hotWords.size >= HOT_WORDS) hotWords.clear();
      hotWords.set(word, h);
    }
    return h;
  };
  const entry = (word: string) => hot(word).entry;
  const idfOfEntry = (e: number) => {
    const scaled = e >> TAG_BITS;
    return scaled === 0 ? median : (scaled - 1) / IDF_SCALE;
  };
  const tagOfEntry = (word: string, e: number) => {
    const index = e & ((1 << TAG_BITS) - 1);
    return index === 0 ? unknownTag(word) : tagNames[index];
  };
  const knownEntry = (e: number) => (e & ((1 << TAG_BITS) - 1)) !== 0;
  return {
    median,
    entry,
    hot,
    idfOfEntry,
    tagOfEntry,
    knownEntry,
    idfOf: (word) => idfOfEntry(entry(word)),
    tagOf: (word) => tagOfEntry(word, entry(word)),
  };
}

function eachLine(text: string, fn: (line: string) => void): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    if (line) fn(line);
    start = end + 1;
  }
}

// jieba's rule for words outside its dictionary (jieba-rs `Jieba::tag`).
function unknownTag(word: string): string {
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (digit || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letters++;
      if (digit) digits++;
    }
  }
  return letters === 0 ? "x" : letters === digits ? "m" : "eng";
}
