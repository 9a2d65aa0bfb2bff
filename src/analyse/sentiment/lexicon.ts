// The combined hand-written lexicon, and one lookup table for everything the rules recognise.
// Order matters: later tables override earlier ones, so the domain tables (public affairs,
// safety) get the last word over general usage.
import type { Unit } from "./annotate";
import { EVERYDAY_NEGATIVE, EVERYDAY_POSITIVE } from "./lexicon-everyday";
import { GENERAL_NEGATIVE, GENERAL_POSITIVE } from "./lexicon-general";
import { IDIOM_NEGATIVE, IDIOM_POSITIVE } from "./lexicon-idioms";
import { MOOD_NEGATIVE, MOOD_POSITIVE } from "./lexicon-mood";
import { PUBLIC_NEGATIVE, PUBLIC_POSITIVE } from "./lexicon-public";
import { REVIEW_NEGATIVE, REVIEW_POSITIVE } from "./lexicon-review";
import { SAFETY_NEGATIVE, SAFETY_POSITIVE } from "./lexicon-safety";
import { SLANG_NEGATIVE, SLANG_POSITIVE } from "./lexicon-slang";
import {
  BLOCKERS, CONCESSIVE, CONTRAST, DEGREE, ENDING, INDIGNANT, NEGATORS, OPPOSE, QUESTION_COMPLAINT, RHETORICAL_FLIP,
} from "./modifiers";
import type { WeightTable } from "./types";

let lexicon: Map<string, number> | null = null;

/** Word → polarity weight (positive > 0), built once on first use. */
export function sentimentLexicon(): ReadonlyMap<string, number> {
  if (lexicon) return lexicon;
  lexicon = expandTables([
    GENERAL_POSITIVE,
    GENERAL_NEGATIVE,
    IDIOM_POSITIVE,
    IDIOM_NEGATIVE,
    MOOD_POSITIVE,
    MOOD_NEGATIVE,
    EVERYDAY_POSITIVE,
    EVERYDAY_NEGATIVE,
    SLANG_POSITIVE,
    SLANG_NEGATIVE,
    REVIEW_POSITIVE,
    REVIEW_NEGATIVE,
    PUBLIC_POSITIVE,
    PUBLIC_NEGATIVE,
    SAFETY_POSITIVE,
    SAFETY_NEGATIVE,
  ]);
  for (const [word, weight] of INDIGNANT) lexicon.set(word, weight);
  return lexicon;
}

/** Words whose irony turns nearby praise sour (呵呵 "great", [微笑] "smile"). */
export const IRONY_MARKERS: ReadonlySet<string> = new Set(["呵呵", "呵呵哒", "呵呵了", "[微笑]", "[doge]", "🙂"]);

/** Expands weight tables into word → weight; later tables override earlier ones. */
export function expandTables(tables: readonly WeightTable[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const table of tables) {
    for (const [weight, list] of Object.entries(table)) {
      const value = Number(weight);
      for (const word of list.split(/\s+/)) if (word) out.set(word, value);
    }
  }
  return out;
}

type Vocabulary = { units: Map<string, Unit>; prefixes: Set<string> };
let vocabulary: Vocabulary | null = null;

// A single Map probe per candidate word keeps annotation fast, and the prefix set lets phrase
// matching stop early. Later entries win, so the order below is the priority: a negator is a
// negator before it is a lexicon word (不够), and an opposing verb keeps its own praise (治愈).
function build(): Vocabulary {
  const units = new Map<string, Unit>();
  const words = sentimentLexicon();
  for (const w of BLOCKERS) units.set(w, { kind: "other", text: w });
  for (const [w, mult] of DEGREE) units.set(w, { kind: "deg", mult, text: w });
  for (const [w, value] of words) units.set(w, { kind: "senti", value, text: w });
  for (const w of ENDING) units.set(w, { kind: "ending", text: w });
  for (const w of OPPOSE) units.set(w, { kind: "oppose", value: Math.max(words.get(w) ?? 0, 0), text: w });
  for (const w of QUESTION_COMPLAINT) units.set(w, { kind: "qword", text: w });
  for (const w of RHETORICAL_FLIP) units.set(w, { kind: "rhet", text: w });
  for (const w of CONCESSIVE) units.set(w, { kind: "concess", text: w });
  for (const w of CONTRAST) units.set(w, { kind: "contrast", text: w });
  for (const w of NEGATORS) units.set(w, { kind: "neg", text: w });
  const prefixes = new Set<string>();
  for (const w of units.keys()) for (let i = 1; i < w.length; i++) prefixes.add(w.slice(0, i));
  return { units, prefixes };
}

/** The unit for an exact word, or undefined when the word means nothing to the rules. */
export function lookup(word: string): Unit | undefined {
  vocabulary ??= build();
  return vocabulary.units.get(word);
}

/** Whether some recognised word starts with text (and is longer). */
export function isPrefix(text: string): boolean {
  vocabulary ??= build();
  return vocabulary.prefixes.has(text);
}
