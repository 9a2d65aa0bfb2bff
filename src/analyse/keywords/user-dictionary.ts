// The user dictionary compiled for matching. User words are found in the text before jieba sees it
// and cut out as whole tokens, rather than added to jieba with `loadDict`: @node-rs/jieba 2 has no
// way to remove a word again (a rebuild reloads the 5 MB dictionary, about 0.2 s), and a jieba
// instance changed by one extractor's dictionary could not be shared with the others. Matching is
// leftmost-longest, so an entry wins over whatever jieba would have made of the same characters.
import { DEFAULT_USER_BOOST, normaliseWord } from "./user-words";
import type { CompiledUserWord, UserWord } from "./types";

/** One user word found in a text, as UTF-16 offsets. */
export type UserWordMatch = { start: number; end: number; entry: CompiledUserWord };

/** User words indexed by their first UTF-16 unit, longest first within each bucket. */
export type UserDictionary = { byFirst: Map<number, CompiledUserWord[]>; size: number };

const ALNUM = /[a-z0-9]/;

/** Compiles entries for matching; later duplicates of a word replace earlier ones. */
export function compileUserWords(words: readonly UserWord[]): UserDictionary {
  const unique = new Map<string, CompiledUserWord>();
  for (const entry of words) {
    const word = normaliseWord(entry.word);
    if (word === "") continue;
    const boost = entry.weight !== undefined && Number.isFinite(entry.weight) && entry.weight > 0 ? entry.weight : DEFAULT_USER_BOOST;
    unique.set(word, { word, kind: entry.kind ?? "term", boost });
  }
  const byFirst = new Map<number, CompiledUserWord[]>();
  for (const entry of unique.values()) {
    const key = entry.word.charCodeAt(0);
    const bucket = byFirst.get(key);
    if (bucket) bucket.push(entry);
    else byFirst.set(key, [entry]);
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.word.length - a.word.length);
  return { byFirst, size: unique.size };
}

/**
 * Leftmost-longest, non-overlapping occurrences of user words. A word that starts or ends with a
 * Latin letter or digit must not continue a Latin run (the term "ai" is not in "said").
 */
export function findUserWords(text: string, dictionary: UserDictionary): UserWordMatch[] {
  const matches: UserWordMatch[] = [];
  if (dictionary.size === 0) return matches;
  for (let i = 0; i < text.length; ) {
    const bucket = dictionary.byFirst.get(text.charCodeAt(i));
    const entry = bucket?.find((e) => text.startsWith(e.word, i) && atBoundary(text, i, i + e.word.length));
    if (entry) {
      matches.push({ start: i, end: i + entry.word.length, entry });
      i += entry.word.length;
    } else i++;
  }
  return matches;
}

function atBoundary(text: string, start: number, end: number): boolean {
  const before = start > 0 && ALNUM.test(text[start]) && ALNUM.test(text[start - 1]);
  const after = end < text.length && ALNUM.test(text[end - 1]) && ALNUM.test(text[end]);
  return !before && !after;
}
