// CJK bigram splitting for the full-text index: SQLite's unicode61 tokenizer treats a run of Han
// characters as one token, and the trigram tokenizer cannot match 2-character words, so we
// index overlapping bigrams (plus the last character of each run, so 1-character queries work).

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}_]/u;

type Segment = { cjk: boolean; text: string };

/** Splits text into runs of CJK characters and runs of other word characters. */
function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | null = null;
  for (const ch of text.toLowerCase()) {
    const cjk = CJK.test(ch);
    const word = cjk || WORD.test(ch);
    if (!word) {
      cur = null;
      continue;
    }
    if (cur && cur.cjk === cjk) cur.text += ch;
    else {
      cur = { cjk, text: ch };
      out.push(cur);
    }
  }
  return out;
}

function cjkTokens(run: string, withTail: boolean): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  if (withTail) out.push(chars[chars.length - 1]);
  return out;
}

/** Text as stored in the FTS index: CJK runs become overlapping bigrams, other words stay whole. */
export function toIndexText(text: string): string {
  const out: string[] = [];
  for (const s of segments(text)) {
    if (s.cjk) out.push(...cjkTokens(s.text, true));
    else out.push(s.text);
  }
  return out.join(" ");
}

/** One user term as an FTS5 phrase that matches it as a substring of indexed text. */
function termToPhrase(term: string): string | null {
  const segs = segments(term);
  if (!segs.length) return null;
  const tokens: string[] = [];
  let prefix = false;
  segs.forEach((s, i) => {
    const last = i === segs.length - 1;
    if (!s.cjk) tokens.push(s.text);
    else {
      tokens.push(...cjkTokens(s.text, !last));
      // A lone trailing CJK character may be the start of a longer run in the document.
      if (last && Array.from(s.text).length === 1) prefix = true;
    }
  });
  const phrase = `"${tokens.join(" ").replace(/"/g, '""')}"`;
  return prefix ? `${phrase}*` : phrase;
}

/** A user's search string (space-separated terms, all required) as an FTS5 MATCH expression. */
export function toMatchQuery(query: string): string | null {
  const phrases = query
    .split(/\s+/)
    .map(termToPhrase)
    .filter((p): p is string => p !== null);
  return phrases.length ? phrases.join(" AND ") : null;
}
