// From the rules' evidence to a verdict. Neutral is a label of its own, not a weak score: text
// that only names topics is neutral, and plain, impersonal text (no 我/你, particles, !, faces,
// graded predicates) must carry more evaluation the longer, the more notice-like and the more
// edited it is before it counts as an opinion. The figures were chosen by measurement on the
// development sets (docs/ARCHITECTURE.md, Decisions); they are few and round on purpose.
import type { Register } from "./register";
import type { RuleResult, SentimentLabel } from "./types";

/** Scores below this magnitude are neutral: a lone weak word is not an opinion. */
export const NEUTRAL_BAND = 0.1;
// Impersonal text needs this much more evaluation per doubling of its length past FREE_LENGTH (half
// an ordinary word: a long report or essay mentions good and bad things without judging).
const PER_DOUBLING = 0.6;
const FREE_LENGTH = 32;
// Each notice cue (通知, 将于, dates, figures, 【headlines】) not outweighed by a personal cue asks for
// as much evaluation as almost two ordinary opinion words (an ordinary word weighs 1.2).
const PER_NOTICE_CUE = 2;
const NOTICE_CUES = 5;
// Once someone speaks (a graded predicate such as 特别差, or two personal cues), the notice around
// it no longer raises the bar: 【通知】… 工作人员态度特别差 is a complaint inside a notice.
const SPEAKING = 2;
// Impersonal text closing on a full stop is edited prose: two ordinary opinion words (2.4) are not
// enough there, two strong ones are.
const EDITED_PROSE = 3;
// Raw sums are squashed with tanh(raw / SCALE): one ordinary word scores about 0.5.
const SCALE = 2;

/** A label with its score in [-1, 1]: the sign leans negative or positive, the size is how sure. */
export type Verdict = { label: SentimentLabel; score: number };

/** Evaluation a text needs before it is called positive or negative. */
export function evidenceNeeded(register: Register, length: number): number {
  let need = 0;
  if (register.personal === 0) {
    need += PER_DOUBLING * Math.max(0, Math.log2(Math.max(length, 1) / FREE_LENGTH));
    if (register.closed) need += EDITED_PROSE;
  }
  const notice = register.informative - register.personal;
  if (notice > 0 && register.personal < SPEAKING) need += PER_NOTICE_CUE * Math.min(notice, NOTICE_CUES);
  return need;
}

/**
 * The verdict for the rules' result. A positive or negative score grows with the sum of the
 * evidence and shrinks as the evidence only just clears what the register asks for; a neutral
 * verdict's score stays inside ±NEUTRAL_BAND and only shows which way the text leans.
 */
export function verdictOf(rules: RuleResult, register: Register, length: number): Verdict {
  const polarity = Math.tanh(rules.raw / SCALE);
  const need = evidenceNeeded(register, length);
  if (rules.opinion === 0 || rules.opinion < need || Math.abs(polarity) < NEUTRAL_BAND) {
    return { label: "neu", score: polarity * NEUTRAL_BAND * 0.99 };
  }
  const clearance = rules.opinion / (rules.opinion + need);
  const sure = NEUTRAL_BAND + (Math.abs(polarity) - NEUTRAL_BAND) * clearance;
  return { label: polarity > 0 ? "pos" : "neg", score: Math.sign(polarity) * sure };
}
