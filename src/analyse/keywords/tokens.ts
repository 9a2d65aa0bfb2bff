// Segmentation with the user dictionary applied, and the rules for which tokens may be keywords.
import { capText, isHighSurrogate, type Segmentation } from "../segment";
import type { Engine } from "./engine";
import { isFragment } from "./fragments";
import { STOPWORDS } from "./stopwords";
import { findUserWords, type UserDictionary } from "./user-dictionary";
import type { Token } from "./types";

/** What tokenising needs of the engine. */
export type TaggingEngine = Pick<Engine, "jieba" | "entry" | "tagOfEntry">;

// Person names (nr, nrt, nrfg) are left out on purpose: the office monitors events, not the private
// individuals who post about or appear in them, and a name as an event keyword would file every post
// mentioning that person under it. jieba tags the names it does not know, and other words it finds
// with its HMM, as "x", so those are left out too (local names belong in the user dictionary), and
// Latin and digit runs (eng, m), which otherwise crowd out the Chinese words, unless they are user terms.
/** Tags that may be keywords: nouns, place and organisation names, other proper nouns, verbs. */
export const KEYWORD_TAGS: ReadonlySet<string> = new Set(["n", "ns", "nt", "nz", "vn", "v"]);

// Tag given to user-dictionary tokens; not a jieba tag, so no tag-based rule mistakes them for one.
const USER_TAG = "user";

const ADMIN_SUFFIX = new Set(["省", "市", "县", "区", "镇", "乡", "村"]);
const HAN_ONLY = /^\p{Script=Han}+$/u;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const DIGITS_ONLY = /^[\p{N}.,%]+$/u;

/**
 * Tagged tokens of a segmentation, user words kept whole. When a user word begins or ends inside
 * one of jieba's words (the term 禾溪 inside 禾溪镇), the text is cut again around the user words.
 */
export function tokensOf(seg: Segmentation, engine: TaggingEngine, dictionary: UserDictionary): Token[] {
  const { words, starts, entries } = seg;
  const tokens: Token[] = [];
  let w = 0;
  for (const m of findUserWords(seg.text, dictionary)) {
    for (; w < words.length && starts[w + 1] <= m.start; w++) pushTagged(words[w], entries[w], engine, tokens);
    if (w < words.length && starts[w] < m.start) return tokenise(seg.text, engine, dictionary);
    tokens.push({ word: m.entry.word, tag: USER_TAG, user: m.entry });
    while (w < words.length && starts[w + 1] <= m.end) w++;
    if (w < words.length && starts[w] < m.end) return tokenise(seg.text, engine, dictionary);
  }
  for (; w < words.length; w++) pushTagged(words[w], entries[w], engine, tokens);
  return tokens;
}

/** Segments text (cut to MAX_ANALYSED_CHARS) into tagged tokens, cutting the pieces between user words apart. */
export function tokenise(text: string, engine: TaggingEngine, dictionary: UserDictionary): Token[] {
  const input = capText(text);
  const tokens: Token[] = [];
  let last = 0;
  for (const m of findUserWords(input, dictionary)) {
    if (m.start > last) tagPiece(input.slice(last, m.start), engine, tokens);
    tokens.push({ word: m.entry.word, tag: USER_TAG, user: m.entry });
    last = m.end;
  }
  if (last < input.length) tagPiece(last === 0 ? input : input.slice(last), engine, tokens);
  return tokens;
}

// jieba splits unknown county and township names into a new word plus the suffix (青禾 / 县) or
// leaves them as one unknown "x" word (禾溪镇); both are rejoined and tagged as places, because local
// place names are what an office most needs to see and are rarely in jieba's dictionary.
function tagPiece(piece: string, engine: TaggingEngine, out: Token[]): void {
  for (const word of engine.jieba.cut(piece, true)) pushTagged(word, engine.entry(word), engine, out);
}

function pushTagged(word: string, entry: number, engine: TaggingEngine, out: Token[]): void {
  const tag = engine.tagOfEntry(word, entry);
  const prev = out.length > 0 ? out[out.length - 1] : null;
  if (ADMIN_SUFFIX.has(word) && prev && isPlaceStem(prev)) {
    out[out.length - 1] = { word: prev.word + word, tag: "ns", user: null };
  } else if (tag === "x" && word.length >= 3 && ADMIN_SUFFIX.has(word[word.length - 1]) && HAN_ONLY.test(word)) {
    out.push({ word, tag: "ns", user: null });
  } else out.push({ word, tag, user: null, entry });
}

// Single characters are never keywords: alone, 县 or 费 says nothing about which event a post is about.
function isSingleChar(word: string): boolean {
  return word.length === 1 || (word.length === 2 && isHighSurrogate(word.charCodeAt(0)));
}

// A stem already ending in a suffix is a whole name (北京市 before 区 is 北京市区, not a district).
function isPlaceStem({ word, tag, user }: Token): boolean {
  return (
    user === null && word.length >= 2 && (tag === "x" || tag === "ns") && !ADMIN_SUFFIX.has(word[word.length - 1]) && HAN_ONLY.test(word)
  );
}

/** A token that is a word at all: not punctuation, whitespace, emoji or a stopword. */
export function isWord(token: Token, stopwords: ReadonlySet<string>): boolean {
  if (token.user) return true;
  return HAS_WORD_CHAR.test(token.word) && !STOPWORDS.has(token.word) && !stopwords.has(token.word);
}

/**
 * A token that may be a keyword: user words always; otherwise a content tag, two or more characters,
 * no stopword, number or phrase fragment (fragments.ts; `tagOf` gives a single character's tag, and
 * null keeps fragments, which is how eval/keywords.ts measures what their filter does).
 */
export function isCandidate(token: Token, stopwords: ReadonlySet<string>, tagOf: ((word: string) => string) | null): boolean {
  if (token.user) return true;
  return (
    KEYWORD_TAGS.has(token.tag) &&
    !isSingleChar(token.word) &&
    !STOPWORDS.has(token.word) &&
    !stopwords.has(token.word) &&
    !DIGITS_ONLY.test(token.word) &&
    HAS_WORD_CHAR.test(token.word) &&
    (tagOf === null || !isFragment(token.word, token.tag, tagOf))
  );
}
