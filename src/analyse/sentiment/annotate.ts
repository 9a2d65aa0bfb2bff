// Maps tokens to the units the scoring rules understand. Jieba splits some lexicon phrases
// (心/塞, 凭/什么) and glues others into words we lack (好开心, 不太好), so phrases are merged
// across tokens and unknown words are split into modifier prefixes plus a known word.
import { bracketValue, EMOJI, KAOMOJI } from "./emoticons";
import { isPrefix, lookup, sentimentLexicon } from "./lexicon";
import { BLOCKERS, DEGREE, NEGATORS } from "./modifiers";
import type { Token } from "./tokenise";

/** A scoring unit: a sentiment word, a modifier or a boundary. */
export type Unit =
  | { kind: "senti"; value: number; text: string }
  | { kind: "emo"; value: number; text: string }
  | { kind: "oppose"; value: number; text: string }
  | { kind: "neg" | "contrast" | "concess" | "rhet" | "ending" | "qword" | "other"; text: string }
  | { kind: "deg"; mult: number; text: string }
  | { kind: "clause" | "sentence"; text: string };

const MAX_PHRASE_TOKENS = 4;
const SENTENCE_END = /[。.!?~…\n]|\/\//;

/** Converts a token stream into scoring units. */
export function annotate(tokens: readonly Token[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < tokens.length; ) {
    const tok = tokens[i];
    if (tok.kind !== "word") {
      units.push(nonWordUnit(tok));
      i++;
      continue;
    }
    const phrase = longestPhrase(tokens, i);
    if (phrase) {
      units.push(phrase.unit);
      i += phrase.length;
      continue;
    }
    units.push(...decomposeCached(tok.text));
    i++;
  }
  return units;
}

function nonWordUnit(tok: Token): Unit {
  if (tok.kind === "emoticon") {
    const value = (tok.text.startsWith("[") ? bracketValue(tok.text.slice(1, -1)) : KAOMOJI.get(tok.text)) ?? 0;
    return { kind: "emo", value, text: tok.text };
  }
  if (tok.kind === "emoji") return { kind: "emo", value: EMOJI.get(tok.text) ?? 0, text: tok.text };
  return { kind: SENTENCE_END.test(tok.text) ? "sentence" : "clause", text: tok.text };
}

function longestPhrase(tokens: readonly Token[], start: number): { unit: Unit; length: number } | null {
  let text = "";
  let best: { unit: Unit; length: number } | null = null;
  for (let n = 0; n < MAX_PHRASE_TOKENS && start + n < tokens.length; n++) {
    const tok = tokens[start + n];
    if (tok.kind !== "word") break;
    text += tok.text;
    const unit = lookup(text);
    if (unit) best = { unit, length: n + 1 };
    if (!isPrefix(text)) break;
  }
  return best;
}

const cache = new Map<string, readonly Unit[]>();
const CACHE_LIMIT = 50_000;

// Unknown words recur (names, topics), and splitting them is the slowest step: remember.
function decomposeCached(word: string): readonly Unit[] {
  let units = cache.get(word);
  if (units) return units;
  units = decompose(word) ?? [{ kind: "other", text: word }];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, units);
  return units;
}

const PARTICLE_SUFFIX = /[了啊呀啦吧哦哈的呢嘛]$/;

// 好开心 → 好 + 开心, 不太好 → 不 + 太 + 好, 心塞了 → 心塞. Returns null when no split works,
// so an unknown word never borrows sentiment from a random character inside it.
function decompose(word: string): Unit[] | null {
  if (word.length < 2 || BLOCKERS.has(word)) return null;
  for (let p = Math.min(3, word.length - 1); p >= 1; p--) {
    const head = word.slice(0, p);
    if (!NEGATORS.has(head) && !DEGREE.has(head)) continue;
    const rest = word.slice(p);
    const tail = lookupSentiment(rest) ?? decompose(rest);
    if (tail) return [lookup(head) ?? { kind: "other", text: head }, ...tail];
  }
  if (PARTICLE_SUFFIX.test(word)) {
    const stem = lookupSentiment(word.slice(0, -1));
    if (stem) return stem;
  }
  return innerWords(word);
}

const MAX_WORD = 6;

// Last resort for compounds jieba knows and we do not (积极响应, 大力支持): forward maximum
// matching of lexicon words inside it, two characters or more so 美国 never reads as 美. A part
// must sit at the compound's start or end or right after another part: one straddling two
// morphemes in the middle (野|生动|物, 流|动人|口) is a coincidence, not a word.
function innerWords(word: string): Unit[] | null {
  if (word.length < 3) return null;
  const lexicon = sentimentLexicon();
  const found: Unit[] = [];
  let lastEnd = 0;
  for (let i = 0; i < word.length - 1; ) {
    let hit = 0;
    for (let len = Math.min(MAX_WORD, word.length - i); len >= 2 && hit === 0; len--) {
      if (i !== lastEnd && i + len !== word.length) continue;
      const part = word.slice(i, i + len);
      const value = lexicon.get(part);
      if (value !== undefined) {
        found.push({ kind: "senti", value, text: part });
        hit = len;
      } else if (BLOCKERS.has(part) || NEGATORS.has(part)) hit = len;
    }
    if (hit > 0) lastEnd = i + hit;
    i += hit || 1;
  }
  return found.length > 0 ? found : null;
}

function lookupSentiment(word: string): Unit[] | null {
  const value = sentimentLexicon().get(word);
  return value === undefined ? null : [{ kind: "senti", value, text: word }];
}
