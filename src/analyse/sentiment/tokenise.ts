// Turns normalised text into tokens: jieba words, Weibo bracket emoticons, emoji and
// punctuation. Mentions, links and repost chains are noise for sentiment (a user called
// @风息神泪 is not sad), so they are removed first.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { bracketValue, EMOJI, KAOMOJI } from "./emoticons";

/** What a token is, as far as the rules care. */
export type TokenKind = "word" | "emoticon" | "emoji" | "punct";

/** One token with its kind. */
export type Token = { text: string; kind: TokenKind };

/** Tokens plus how many characters were repeated for emphasis (好好好, 啊啊啊啊). */
export type Tokenised = { tokens: Token[]; repeats: number };

let jieba: Jieba | null = null;

/** The shared jieba instance; loading its dictionary takes ~0.3 s, so it happens on first use. */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const URL = /https?:\/\/[\x21-\x7e]+/g;
const REPOST = /\/\/@[^\s:：]{1,30}[:：]?/g;
const MENTION = /@[^\s:：,，。!?@#\[]{1,20}[:：]?/g;
const REPEAT = /(\P{P})\1{2,}|(\p{P})\2{2,}/gu;
const SPECIAL = /\[[^\[\]\s]{1,12}\]|\p{Extended_Pictographic}\ufe0f?/gu;
const HASH = /#/g;
const PUNCT = /^[\p{P}\p{S}\s]+$/u;

/** Removes links, @mentions and repost markers; repost boundaries become sentence breaks. */
export function stripNoise(text: string): string {
  let out = text.includes("http") ? text.replace(URL, " ") : text;
  if (out.includes("@")) out = out.replace(REPOST, "。").replace(MENTION, " ");
  return out.includes("#") ? out.replace(HASH, " ") : out;
}

/** Splits normalised text into tokens. */
export function tokenise(normalised: string): Tokenised {
  let repeats = 0;
  const text = stripNoise(normalised).replace(REPEAT, (run: string, letter?: string) => {
    if (letter) repeats++;
    const first = Array.from(run)[0];
    return first + first;
  });
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(SPECIAL)) {
    const index = m.index ?? 0;
    if (index > last) pushWords(tokens, text.slice(last, index));
    pushSpecial(tokens, m[0]);
    last = index + m[0].length;
  }
  if (last < text.length) pushWords(tokens, text.slice(last));
  for (const face of KAOMOJI.keys()) if (text.includes(face)) tokens.push({ text: face, kind: "emoticon" });
  return { tokens, repeats };
}

function pushSpecial(tokens: Token[], raw: string): void {
  if (raw.startsWith("[")) {
    // Unknown bracket codes ([超话], [组图共3张]) are platform furniture, not feelings.
    if (bracketValue(raw.slice(1, -1)) !== undefined) tokens.push({ text: raw, kind: "emoticon" });
    return;
  }
  const base = raw.replace("\ufe0f", "");
  if (EMOJI.has(base)) tokens.push({ text: base, kind: "emoji" });
}

function pushWords(tokens: Token[], piece: string): void {
  for (const word of segmenter().cut(piece, false)) {
    // A space between Chinese phrases works as a comma; it bounds negation and contrast.
    const first = word.charCodeAt(0);
    const kind: TokenKind = first >= 0x4e00 && first <= 0x9fff ? "word" : PUNCT.test(word) ? "punct" : "word";
    const prev = tokens[tokens.length - 1];
    // Runs of punctuation (!!, ?!, 。。) are one boundary whose marks the rules count.
    if (kind === "punct" && prev?.kind === "punct") prev.text += word;
    else tokens.push({ text: word, kind });
  }
}
