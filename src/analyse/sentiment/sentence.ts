// Clause and sentence bookkeeping for the rules: contrast weighting, concessive clauses,
// rhetorical and complaining questions, and exclamation marks act on whole sentences.
import { STRONG_RHETORIC } from "./modifiers";

const BEFORE_CONTRAST = 0.35;
const AFTER_CONTRAST = 1.3;
const CONCESSIVE_WEIGHT = 0.5;
// A trailing ellipsis (……) reads as a sigh on Chinese social media: a faint negative.
const ELLIPSIS = /…|\.\.|。。/;
const SIGH = -0.2;
/** Lexicon weights below this mark topic words (疫情, 口罩), not opinions. */
export const TOPIC_WEIGHT = 0.5;

/** The sentence being read: finished clauses, the open clause and sentence-level cues. */
export class Sentence {
  private parts: number[] = [];
  private clause = 0;
  private boost = 1;
  private strongest = 0;
  concessive = false;
  exclaim = 0;
  question = false;
  rhet: string | null = null;
  qword: string | null = null;
  private sigh = false;
  /** Plain, impersonal text: an ellipsis there leaves something out (a list, a cut-off report), it does not sigh. */
  constructor(readonly plain = false) {}

  /** Whether a rhetorical or complaining question made this sentence a judgement. */
  judged = false;

  /** Adds a word's value to the open clause (boosted after a contrast word). */
  add(v: number, weight: number): void {
    this.clause += v * this.boost;
    this.strongest = Math.max(this.strongest, Math.abs(weight));
  }

  /** Reads the punctuation that ends the sentence: !, ? and …… all count. */
  end(punctuation: string): void {
    this.exclaim += (punctuation.match(/!/g) ?? []).length;
    if (punctuation.includes("?")) this.question = true;
    if (ELLIPSIS.test(punctuation) && !this.plain) this.sigh = true;
  }

  /** Whether nothing has been scored in this sentence yet. */
  isEmpty(): boolean {
    return this.parts.length === 0 && this.clause === 0;
  }

  /** 但是/可是: what came before shrinks, what follows grows. */
  contrast(): void {
    for (let i = 0; i < this.parts.length; i++) this.parts[i] *= BEFORE_CONTRAST;
    this.parts.push(this.clause * BEFORE_CONTRAST);
    this.clause = 0;
    this.boost = AFTER_CONTRAST;
    this.concessive = false;
  }

  /** Ends the open clause; a concessive clause (虽然…) counts half. */
  closeClause(): void {
    this.parts.push(this.concessive ? this.clause * CONCESSIVE_WEIGHT : this.clause);
    this.clause = 0;
    this.concessive = false;
  }

  /** The sentence's value after question and exclamation rules; reports the rules that fired. */
  close(reason: (r: string) => void): number {
    this.closeClause();
    let v = 0;
    for (const p of this.parts) v += p;
    const strong = this.rhet !== null && STRONG_RHETORIC.has(this.rhet);
    if (this.rhet && (this.question || strong)) {
      // A rhetorical question means the opposite of its words; with no opinion word (only
      // topic words such as 病人) it is a complaint.
      const opinion = this.strongest >= TOPIC_WEIGHT;
      v = opinion ? -v * 0.8 : strong ? -0.8 : 0;
      if (v !== 0) reason(`${this.rhet}…(反问)`);
      this.judged = v !== 0;
    } else if (this.qword && this.question && v <= 0) {
      v -= 0.6;
      reason(`${this.qword}…?(质问)`);
      this.judged = true;
    }
    if (this.sigh) {
      v += SIGH;
      this.judged = true;
      reason("……(无奈)");
    }
    if (this.exclaim > 0 && v !== 0) {
      v *= 1 + 0.2 * Math.min(this.exclaim, 3);
      if (this.exclaim > 1) reason("!!(加强)");
    }
    return v;
  }
}
