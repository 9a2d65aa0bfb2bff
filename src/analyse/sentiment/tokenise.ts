// Turns a segmentation (../segment.ts: one jieba cut shared with keywords, links, @mentions and
// repost chains already removed) into tokens: words, Weibo bracket emoticons, emoji and punctuation.
import { dictionaryCut, isWordStart, type Segmentation } from "../segment";
import { bracketValue, EMOJI, KAOMOJI } from "./emoticons";

/** What a token is, as far as the rules care. */
export type TokenKind = "word" | "emoticon" | "emoji" | "punct";

/** One token with its kind. */
export type Token = { text: string; kind: TokenKind };

/** Tokens plus how many characters were repeated for emphasis (好好好, 啊啊啊啊). */
export type Tokenised = { tokens: Token[]; repeats: number };

const SPECIAL = /\[[^\[\]\s]{1,12}\]|\p{Extended_Pictographic}\ufe0f?/gu;
const PUNCT = /^[\p{P}\p{S}\s]+$/u;

/**
 * Tokens of a segmentation. Words come as jieba cuts without its HMM (the lexicon and rules were
 * written against that cut); bracket codes and emoji are single tokens. A special that does not
 * start and end on word boundaries (jieba never joins brackets or emoji to a word) stays words.
 */
export function tokensOf(seg: Segmentation): Tokenised {
  const { text } = seg;
  const specials = new Map<number, { end: number; raw: string }>();
  for (const m of text.matchAll(SPECIAL)) specials.set(m.index ?? 0, { end: (m.index ?? 0) + m[0].length, raw: m[0] });
  const tokens: Token[] = [];
  let skipTo = -1;
  const { words, offsets } = dictionaryCut(seg);
  for (let i = 0; i < words.length; i++) {
    const at = offsets[i];
    if (at < skipTo) continue;
    const special = specials.get(at);
    if (special && isWordStart(seg, special.end)) {
      pushSpecial(tokens, special.raw);
      skipTo = special.end;
      continue;
    }
    if (isLostCharacter(text, at, words[i])) continue;
    pushWord(tokens, words[i]);
  }
  for (const face of KAOMOJI.keys()) if (text.includes(face)) tokens.push({ text: face, kind: "emoticon" });
  return { tokens, repeats: seg.repeats };
}

// A run of ? standing alone (after a space or at the start) is not a question: it is what is left
// of characters a legacy encoding could not hold (emoji, rare characters), as in "… 武汉加油 ??".
function isLostCharacter(text: string, at: number, word: string): boolean {
  if (word.charCodeAt(0) !== 63 || !/^\?+$/.test(word)) return false; // 63: "?"
  let i = at - 1;
  while (i >= 0 && text[i] === "?") i--;
  return i < 0 || /\s/.test(text[i]);
}

/** Whether a text asks a question: a ? after a word, not a lost-character run (see isLostCharacter). */
export const ASKS = /(?<=[^\s?])\?/;

function pushSpecial(tokens: Token[], raw: string): void {
  if (raw.startsWith("[")) {
    // Unknown bracket codes ([超话], [组图共3张]) are platform furniture, not feelings.
    if (bracketValue(raw.slice(1, -1)) !== undefined) tokens.push({ text: raw, kind: "emoticon" });
    return;
  }
  const base = raw.replace("\ufe0f", "");
  if (EMOJI.has(base)) tokens.push({ text: base, kind: "emoji" });
}

function pushWord(tokens: Token[], word: string): void {
  // A space between Chinese phrases works as a comma; it bounds negation and contrast.
  const first = word.charCodeAt(0);
  const kind: TokenKind = first >= 0x4e00 && first <= 0x9fff ? "word" : PUNCT.test(word) ? "punct" : "word";
  const prev = tokens[tokens.length - 1];
  // Runs of punctuation (!!, ?!, 。。) are one boundary whose marks the rules count.
  if (kind === "punct" && prev?.kind === "punct") prev.text += word;
  else tokens.push({ text: word, kind });
}
