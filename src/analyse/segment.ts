// One jieba cut per text, shared by keywords and sentiment. A cut of a 200-character post costs
// ~80 µs and the two used to cut the same text separately (keywords with jieba's HMM, sentiment
// without), a fifth of the whole analysis. Both now read one HMM cut of one cleaned text: keywords
// take its words as they are; sentiment splits the words jieba's HMM made up back into characters
// (`dictionaryCut`), which is what the cut without HMM gives (same eval accuracy, measured).
import { loadEngine } from "./keywords/engine";

/**
 * Analysis reads at most this many characters of a text. Keywords of a 1 MB page come from its
 * opening anyway, and segmentation time grows with length; the caller keeps the full original.
 */
export const MAX_ANALYSED_CHARS = 20_000;

/** Whether a UTF-16 code unit opens a surrogate pair. */
export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Whether a UTF-16 code unit closes a surrogate pair. */
export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The analysed prefix of a text, never ending inside a surrogate pair. */
export function capText(text: string): string {
  if (text.length <= MAX_ANALYSED_CHARS) return text;
  const splitsPair = isHighSurrogate(text.charCodeAt(MAX_ANALYSED_CHARS - 1));
  return text.slice(0, splitsPair ? MAX_ANALYSED_CHARS - 1 : MAX_ANALYSED_CHARS);
}

const URL = /https?:\/\/[\x21-\x7e]+/g;
const REPOST = /\/\/@[^\s:：]{1,30}[:：]?/g;
const MENTION = /@[^\s:：,，。!?@#\[]{1,20}[:：]?/g;
const HASH = /#/g;
/** Runs of three or more of one character, which `segment` shortens to two (hasRuns finds them first). */
export const REPEAT = /(\P{P})\1{2,}|(\p{P})\2{2,}/gu;
/** Runs of spaces, which `segment` makes one. */
export const SPACES = / {2,}/g;

/**
 * Removes links, @mentions and repost markers (a user called @风息神泪 is not sad, and a mention is a
 * person, never a keyword); repost boundaries become sentence breaks and hashtag marks spaces.
 */
export function stripNoise(text: string): string {
  let out = text.includes("http") ? text.replace(URL, " ") : text;
  if (out.includes("@")) out = out.replace(REPOST, "。").replace(MENTION, " ");
  return out.includes("#") ? out.replace(HASH, " ") : out;
}

/** A cleaned text and its words. */
export type Segmentation = {
  /** The text that was cut: capped, without links, mentions and hashtag marks, emphatic runs shortened. */
  text: string;
  /** jieba's words (HMM on) in order; they concatenate to `text`. */
  words: readonly string[];
  /** Offset of each word in `text`, plus the text's length at the end. */
  starts: Int32Array;
  /** How many runs of a repeated letter were shortened (好好好 → 好好), which sentiment counts. */
  repeats: number;
  /** Each word's entry in jieba's tables (Engine.entry), looked up once for keywords and sentiment. */
  entries: Int32Array;
  /** The dictionary words (see `dictionaryCut`), once asked for. */
  dictionary: DictionaryCut | null;
};

/** Words of a cut as jieba's cut without HMM would give them, with their offsets in the text. */
export type DictionaryCut = { readonly words: readonly string[]; readonly offsets: readonly number[] };

/**
 * Whether the text has a run that `segment` shortens: two spaces, or three of one character. Most
 * posts have none (93 % of bench posts), and on a bench post this scan takes 0.6 µs where the two
 * replacements it then skips take 8.
 */
export function hasRuns(text: string): boolean {
  let prev = -1;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (isHighSurrogate(c) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) c = text.codePointAt(i++) ?? c;
    run = c === prev ? run + 1 : 1;
    prev = c;
    if (run >= 3 || (run === 2 && c === 32)) return true;
  }
  return false;
}

/** Cleans normalised text (see Segmentation.text) and cuts it once. */
export function segment(normalised: string): Segmentation {
  let repeats = 0;
  const cleaned = stripNoise(capText(normalised));
  // Removed links and mentions leave runs of spaces, which are not emphasis.
  const text = hasRuns(cleaned)
    ? cleaned.replace(SPACES, " ").replace(REPEAT, (run: string, letter?: string) => {
        if (letter) repeats++;
        const first = String.fromCodePoint(run.codePointAt(0) ?? 0);
        return first + first;
      })
    : cleaned;
  const engine = loadEngine();
  const words = text === "" ? [] : engine.jieba.cut(text, true);
  const starts = new Int32Array(words.length + 1);
  const entries = new Int32Array(words.length);
  // jieba returns every character, whitespace and punctuation included (a lone surrogate comes back
  // as U+FFFD, also one code unit), so offsets are running lengths. Each word is swapped for the hot
  // table's copy of it: jieba's fresh strings then die at once, where they used to live through the
  // batch's steps and be copied by the young-generation GC (per bench post prepared: bytes surviving
  // a scavenge 8.5 → 5.7 KB, promoted to the old generation 8.4 → 5.7 KB).
  for (let i = 0; i < words.length; i++) {
    const h = engine.hot(words[i]);
    words[i] = h.word;
    starts[i + 1] = starts[i] + h.word.length;
    entries[i] = h.entry;
  }
  return { text, words, starts, repeats, entries, dictionary: null };
}

const HAN_RUN = /^\p{Script=Han}{2,}$/u;

/**
 * The words of the cut, and their offsets, close to how jieba's cut without HMM gives them: a
 * Chinese word that is not in jieba's dictionary (one its HMM put together) comes character by
 * character. A word the HMM put together that happens to be in the dictionary (这条 where the cut
 * without HMM gives 这 / 条) stays whole; on the sentiment sets that changes no result. Worked out
 * once per segmentation (sentiment's tokens and its morpheme score both read it), and read with
 * plain loops rather than a callback made per text (see docs/ARCHITECTURE.md, "No closures made
 * per call on hot paths").
 */
export function dictionaryCut(seg: Segmentation): DictionaryCut {
  if (seg.dictionary) return seg.dictionary;
  const { words, starts, entries } = seg;
  const { knownEntry } = loadEngine();
  const out: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word.length >= 2 && !knownEntry(entries[i]) && HAN_RUN.test(word)) {
      let offset = starts[i];
      for (const ch of word) {
        out.push(ch);
        offsets.push(offset);
        offset += ch.length;
      }
    } else {
      out.push(word);
      offsets.push(starts[i]);
    }
  }
  return (seg.dictionary = { words: out, offsets });
}

/** Whether a word of the cut starts at `offset` (or it is the end of the text). */
export function isWordStart({ starts }: Segmentation, offset: number): boolean {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] === offset) return true;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
