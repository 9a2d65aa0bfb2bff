// Splits a title into plain and matching runs so the UI can wrap matches in <mark> elements.

/** A run of text, flagged when it matches one of the query terms. */
export interface HighlightPart {
  text: string;
  match: boolean;
}

const OPERATORS = new Set(["AND", "OR"]);

/** Terms worth highlighting in a search query: words and quoted phrases, minus operators and exclusions. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  let skipNext = false;
  for (const match of query.matchAll(/"([^"]+)"|(\S+)/g)) {
    const phrase = match[1]?.trim();
    const word = (match[2] ?? "").replace(/^[(“"]+|[)”"]+$/g, "");
    // The term after NOT (or a -term) is excluded from results, so it never appears to highlight.
    if (skipNext) {
      skipNext = false;
      continue;
    }
    if (word === "NOT") {
      skipNext = true;
      continue;
    }
    if (phrase) terms.add(phrase);
    else if (word && !OPERATORS.has(word) && !word.startsWith("-") && !/^NEAR\/\d+$/.test(word)) terms.add(word);
  }
  return [...terms];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function termPattern(terms: readonly string[], flags: string): RegExp | null {
  const usable = [...new Set(terms.filter((term) => term.length > 0))].sort((a, b) => b.length - a.length);
  return usable.length === 0 ? null : new RegExp(`(${usable.map(escapeRegExp).join("|")})`, flags);
}

/** Where any term occurs in `text` (case-insensitive, longest term wins), as UTF-16 ranges. */
export function termSpans(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const pattern = termPattern(terms, "giu");
  if (!pattern || text === "") return [];
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Splits `text` into runs, marking case-insensitive occurrences of any term (longest term wins). */
export function splitHighlight(text: string, terms: readonly string[]): HighlightPart[] {
  if (text === "") return [];
  const pattern = termPattern(terms, "giu");
  if (!pattern) return [{ text, match: false }];
  // With one capture group, split() puts the matches at the odd indexes.
  return text
    .split(pattern)
    .map((run, index) => ({ text: run, match: index % 2 === 1 }))
    .filter((part) => part.text !== "");
}
