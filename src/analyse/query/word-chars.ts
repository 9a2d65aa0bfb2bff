// Word boundaries for Latin and digit terms. Chinese is written without spaces, so a Chinese term
// matches anywhere; a Latin word must not run on into letters or digits (`ai` is not in `said`).
// The check is made at each end of a term separately, by the character at that end, so mixed
// terms behave sensibly: `a股` needs a boundary before the `a` and none after `股`, and `ai`
// still matches inside `使用ai技术` because Chinese characters are not word characters.

const WORD = /^[\p{L}\p{N}]$/u;
const NOT_WORD = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]$/u;
let table: Uint8Array | null = null; // BMP code unit → 1 when a letter or digit of an alphabetic script

function wordTable(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // astral letters are rare in Latin words; treat as breaks
    const ch = String.fromCharCode(c);
    if (WORD.test(ch) && !NOT_WORD.test(ch)) table[c] = 1;
  }
  return table;
}

/** Which ends of a normalised term need a word boundary: bit 1 the start, bit 2 the end. */
export function termEdges(term: string): number {
  if (term === "") return 0;
  const words = wordTable();
  return (words[term.charCodeAt(0)] ? 1 : 0) | (words[term.charCodeAt(term.length - 1)] ? 2 : 0);
}

/** Whether an occurrence [start, end) of a term with `edges` sits on word boundaries in `text`. */
export function onBoundaries(text: string, start: number, end: number, edges: number): boolean {
  if (edges === 0) return true;
  const words = wordTable();
  if (edges & 1 && start > 0 && words[text.charCodeAt(start - 1)]) return false;
  if (edges & 2 && end < text.length && words[text.charCodeAt(end)]) return false;
  return true;
}
