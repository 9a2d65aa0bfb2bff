// The rule-based scorer: walks the units word by word, applying negation (with a short scope),
// degree adverbs, opposing and ending verbs, emoticons and irony; sentence.ts handles contrast,
// questions, exclamations and sighs.
import type { Unit } from "./annotate";
import { IRONY_MARKERS } from "./lexicon";
import { DEGREE, NEGATION_IMMUNE, POST_DEGREE } from "./modifiers";
import { Sentence, TOPIC_WEIGHT } from "./sentence";
import { DESCRIPTIVE_WORDS, EVENT_WORDS } from "./topics";
import type { RuleResult } from "./types";

const NEG_SCOPE = 3;
const DEG_SCOPE = 3;
const REPEATED_EMOTICON = 0.3;
const IRONIC_PRAISE = 0.3;
const MAX_REASONS = 8;
// An event or descriptive word in plain text weighs what a topic word weighs.
const TOPIC_LEVEL = 0.4;
// Topic words together say at most this much: ten mentions of 疫情 in a report are not ten complaints.
const TOPIC_CAP = 0.6;

/** Reads units in order; `out` holds the running result, `lastSentence` the last verdict. */
export class RuleScorer {
  readonly out: RuleResult = { raw: 0, positive: 0, negative: 0, opinion: 0, hits: 0, emoticons: 0, reasons: [] };
  lastSentence = 0;
  private s: Sentence;
  private lastNegative = 0;
  private opposeAge = 99;
  private negCount = 0;
  private negAge = 0;
  private degMult = 1;
  private degAge = 0;
  private degAfterNeg = false;
  private topicTotal = 0;
  private readonly seenEmo = new Map<string, number>();

  /** `plain`: the text has no personal cue (see register.ts), so event words are only topics. */
  constructor(readonly irony: boolean, readonly plain = false) {
    this.s = new Sentence(plain);
  }

  /** Consumes one unit; returns how many following units it also consumed. */
  step(u: Unit, next: Unit | undefined): number {
    if (++this.negAge > NEG_SCOPE) this.negCount = 0;
    if (++this.degAge > DEG_SCOPE) this.degMult = 1;
    this.opposeAge++;
    switch (u.kind) {
      case "neg": this.negCount++; this.negAge = 0; this.degAfterNeg = false; return 0;
      case "deg": this.setDegree(u.mult); return 0;
      case "concess": this.s.concessive = true; return 0;
      case "rhet": this.s.rhet = u.text; return 0;
      case "qword": this.s.qword = u.text; return 0;
      case "oppose": this.opposeAge = 0; this.add(u.value, u.value); return 0;
      case "ending": this.ending(u.text); return 0;
      case "contrast": this.contrast(u.text); return 0;
      case "emo": this.emoticon(u.text, u.value); return 0;
      case "senti": return this.sentiment(u.text, u.value, next);
      case "clause": this.closeClause(); return 0;
      case "sentence":
        this.s.end(u.text);
        this.closeSentence();
        return 0;
      default:
        if (u.text === "吗" || u.text === "么") this.s.question = true;
        return 0;
    }
  }

  /** Records a cue for display, at most MAX_REASONS and each once. */
  reason(r: string): void {
    if (this.out.reasons.length < MAX_REASONS && !this.out.reasons.includes(r)) this.out.reasons.push(r);
  }

  private setDegree(mult: number): void {
    this.degMult = mult;
    this.degAge = 0;
    this.degAfterNeg = this.negCount > 0;
  }

  private sentiment(text: string, value: number, next: Unit | undefined): number {
    // 好/真 before another word is an adverb (好开心, 好近), not praise.
    const adverb = next?.kind === "senti" ? !IRONY_MARKERS.has(next.text) : text === "好" && next?.kind === "other";
    if (adverb && DEGREE.has(text)) {
      this.setDegree(DEGREE.get(text) ?? 1);
      return 0;
    }
    if (this.plain && Math.abs(value) > TOPIC_LEVEL && this.degMult === 1 && this.negCount === 0 &&
      (EVENT_WORDS.has(text) || DESCRIPTIVE_WORDS.has(text))) value = value > 0 ? TOPIC_LEVEL : -TOPIC_LEVEL;
    let v = this.irony && value > 0 ? value * IRONIC_PRAISE : value;
    const amplified = next !== undefined && POST_DEGREE.has(next.text);
    if (amplified) v *= 1.6;
    if (v < 0 && this.opposeAge <= NEG_SCOPE) {
      // Fighting a real evil is good; fighting a mere topic (防控疫情) is just news.
      if (Math.abs(value) >= TOPIC_WEIGHT) this.reason(`对抗+${text}`);
      this.add(Math.abs(value) >= TOPIC_WEIGHT ? -v * 0.8 : 0, value);
      return amplified ? 1 : 0;
    }
    // Negating a topic word (不是作业, 还不一级响应) makes nothing good: only opinions flip.
    const odd = this.negCount % 2 === 1;
    if (odd && Math.abs(value) < TOPIC_WEIGHT) v = 0;
    const negated = odd && !NEGATION_IMMUNE.has(text) && v !== 0;
    if (negated && this.degAfterNeg) v = -v * 0.5; // 不太好: a hedge, not a strong reversal
    else if (negated) v = (v > 0 ? -v * 0.9 : -v * 0.5) * this.degMult; // 不差 is faint praise
    else v *= this.degMult;
    this.reason(negated ? `否定+${text}` : text);
    this.degMult = 1;
    this.negCount = 0;
    if (v < 0) this.lastNegative = v;
    if (Math.abs(value) < TOPIC_WEIGHT) v = this.capTopic(v);
    this.add(v, value);
    return amplified ? 1 : 0;
  }

  private capTopic(v: number): number {
    const room = Math.max(0, TOPIC_CAP - this.topicTotal);
    const kept = Math.sign(v) * Math.min(Math.abs(v), room);
    this.topicTotal += Math.abs(kept);
    return kept;
  }

  private emoticon(text: string, value: number): void {
    const n = (this.seenEmo.get(text) ?? 0) + 1;
    this.seenEmo.set(text, n);
    const v = (this.irony && value > 0 ? value * IRONIC_PRAISE : value) * (n === 1 ? 1 : REPEATED_EMOTICON);
    this.out.emoticons += v;
    this.add(v, value);
    if (Math.abs(value) < TOPIC_WEIGHT) this.out.opinion += Math.abs(v); // a face is always the author's
    if (n === 1 && value !== 0) this.reason(text);
  }

  private add(v: number, weight: number): void {
    if (v === 0) return;
    this.s.add(v, weight);
    if (v > 0) this.out.positive += v;
    else this.out.negative -= v;
    if (Math.abs(weight) >= TOPIC_WEIGHT) this.out.opinion += Math.abs(v);
    this.out.hits++;
  }

  // The bad thing before an ending verb (疫情快点过去) turns into relief.
  private ending(text: string): void {
    if (this.lastNegative === 0) return;
    this.s.add(-this.lastNegative * 1.8, 0);
    this.out.opinion -= this.lastNegative * 1.8; // a wish that the bad thing ends is a judgement
    this.reason(`${text}(消退)`);
    this.lastNegative = 0;
  }

  private contrast(text: string): void {
    // A contrast word opening a sentence demotes the previous sentence instead.
    if (this.s.isEmpty()) this.out.raw -= this.lastSentence * 0.65;
    this.s.contrast();
    this.negCount = 0;
    this.reason(`${text}(转折)`);
  }

  private closeClause(): void {
    this.s.closeClause();
    this.negCount = 0;
    this.degMult = 1;
    this.lastNegative = 0;
    this.opposeAge = 99;
  }

  /** Ends the current sentence and adds its value. */
  closeSentence(): void {
    this.closeClause();
    const v = this.s.close((r) => this.reason(r));
    this.out.raw += v;
    if (this.s.judged) this.out.opinion += Math.abs(v);
    if (v !== 0) this.lastSentence = v;
    this.s = new Sentence(this.plain);
  }
}
