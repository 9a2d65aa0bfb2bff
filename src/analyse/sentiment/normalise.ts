// Text normalisation for sentiment: the lexicon is written in simplified Chinese with half-width
// punctuation, so every input is brought to that form first. Kept local to this folder until the
// shared normaliser lands (the lead merges them).
import { Converter } from "opencc-js";

/** Longest input analysed: a 1 MB post must not cost more than a long article. */
export const MAX_ANALYSED_CHARS = 6_000;
const HEAD_CHARS = 5_000;
const TAIL_CHARS = 1_000;

type Convert = (text: string) => string;
let toSimplified: Convert | null = null;
// One flag per code unit of U+3400–U+9FFF: whether opencc changes that character.
const FIRST = 0x3400;
const LAST = 0x9fff;
let traditionalChars: Uint8Array | null = null;

// Building the converter costs ~15 ms and converting costs more than the rest of the analysis,
// so both are lazy and conversion runs only when a character that opencc changes is present.
function converter(): Convert {
  toSimplified ??= Converter({ from: "hk", to: "cn" });
  return toSimplified;
}

function traditionalSet(): Uint8Array {
  if (traditionalChars) return traditionalChars;
  const conv = converter();
  const flags = new Uint8Array(LAST - FIRST + 1);
  for (let cp = FIRST; cp <= LAST; cp++) {
    const ch = String.fromCharCode(cp);
    if (conv(ch) !== ch) flags[cp - FIRST] = 1;
  }
  traditionalChars = flags;
  return flags;
}

/** Cuts text to the head and tail we analyse, never splitting a surrogate pair. */
export function capLength(text: string): string {
  if (text.length <= MAX_ANALYSED_CHARS) return text;
  let head = HEAD_CHARS;
  if (isHighSurrogate(text.charCodeAt(head - 1))) head -= 1;
  let tail = text.length - TAIL_CHARS;
  if (isLowSurrogate(text.charCodeAt(tail))) tail += 1;
  return `${text.slice(0, head)}\n${text.slice(tail)}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Full-width ASCII (！？ＡＢ１２) to half-width, and the ideographic space to a plain one. */
export function toHalfWidth(text: string): string {
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000) {
      out += " ";
      changed = true;
    } else out += text[i];
  }
  return changed ? out : text;
}

/** Traditional to simplified Chinese; returns the input untouched when it has no traditional characters. */
export function toSimplifiedChinese(text: string): string {
  const flags = traditionalSet();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FIRST && code <= LAST && flags[code - FIRST] === 1) return converter()(text);
  }
  return text;
}

/** Capped, half-width, simplified, lower-case text with runs of whitespace collapsed. */
export function normaliseText(text: string): string {
  const capped = capLength(text);
  const half = toHalfWidth(capped);
  return toSimplifiedChinese(half).toLowerCase().replace(/\s+/g, " ").trim();
}
