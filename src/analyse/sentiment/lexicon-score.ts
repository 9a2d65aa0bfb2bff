// The default, training-free analyser: normalise, read the register, tokenise, annotate, apply
// the rules, fall back on character polarity when no word fired, add complaint constructions,
// and turn the evidence into a verdict (verdict.ts: neutral, or a polarity with how sure it is).
import { annotate } from "./annotate";
import { countComplaints } from "./complaints";
import { loadEngine } from "../keywords/engine";
import { dictionaryCut, segment, type Segmentation } from "../segment";
import { normaliseForSentiment } from "./normalise";
import { NEGATORS } from "./modifiers";
import type { Unit } from "./annotate";
import { IRONY_MARKERS } from "./lexicon";
import { RuleScorer } from "./rules";
import { readRegister } from "./register";
import { verdictOf } from "./verdict";
import { ASKS, tokensOf } from "./tokenise";
import type { RuleResult, SentimentLabel } from "./types";

/** The lexicon analyser's verdict plus the rule figures the learned model stacks on. */
export type LexiconScore = RuleResult & { label: SentimentLabel; score: number };

// Posts and reviews tend to end on their verdict, so the last sentence counts half again.
const LAST_SENTENCE_BONUS = 0.5;

/** Scores annotated units; `repeats` (emphatic character runs such as 啊啊啊) scales the result. */
export function applyRules(units: readonly Unit[], repeats: number, plain = false): RuleResult {
  const scorer = new RuleScorer(units.some((u) => IRONY_MARKERS.has(u.text)), plain);
  for (let i = 0; i < units.length; i++) i += scorer.step(units[i], units[i + 1]);
  scorer.closeSentence();
  const out = scorer.out;
  out.raw += LAST_SENTENCE_BONUS * scorer.lastSentence;
  if (scorer.irony) scorer.reason("反讽");
  if (repeats > 0) out.raw *= 1 + 0.1 * Math.min(repeats, 3);
  return out;
}

/** Scores text that has already been through normaliseText. */
export function scoreNormalised(normalised: string): LexiconScore {
  return scoreSegmentation(segment(normalised));
}

// A complaint construction weighs what a strong negative word weighs.
const COMPLAINT = 2;
const SPEAKS = 2;
// A personal post that asks, exclaims or tells of the author (我; not with a notice's dates and
// figures) without a single coloured word is more often a complaint or a worry than a joy (joy is
// nearly always put into words or faces): a faint negative. A run of ? standing alone is a lost
// character, not a question (tokenise.ts).
const EMOTIVE_PUNCT = /!/;
const FIRST_PERSON = /[我俺](?![市省县区镇乡村国军校院局委厅司部所行])/;
const EXCLAIMED = 0.4;

/** Scores a segmentation of normalised text (see ../segment.ts). */
export function scoreSegmentation(seg: Segmentation): LexiconScore {
  const { tokens, repeats } = tokensOf(seg);
  const register = readRegister(seg.text);
  // A complaint is someone speaking, however impersonally it is put.
  const complaints = countComplaints(seg.text);
  register.personal += SPEAKS * complaints;
  const plain = register.personal === 0;
  const rules = applyRules(annotate(tokens), repeats, plain);
  if (rules.raw === 0) {
    const back = morphemeScore(seg);
    rules.raw = back.raw;
    rules.opinion = Math.abs(back.raw);
    rules.reasons.push(...back.words.map((w) => `${w}(字义)`));
  }
  if (complaints > 0) {
    // Thanks and hopes around a complaint are courtesy, not praise (麻烦管一管，谢谢).
    rules.raw = Math.min(rules.raw, 0) - COMPLAINT * complaints;
    rules.negative += COMPLAINT * complaints;
    rules.opinion += COMPLAINT * complaints;
    rules.reasons.push("投诉句式");
  }
  const voiced = EMOTIVE_PUNCT.test(seg.text) || ASKS.test(seg.text);
  const tells = FIRST_PERSON.test(seg.text) && register.informative === 0;
  if (rules.opinion === 0 && !plain && (voiced || tells)) {
    rules.raw = -EXCLAIMED;
    rules.opinion = EXCLAIMED;
    rules.reasons.push(voiced ? "?!(语气)" : "我…(自述)");
  }
  return { ...rules, ...verdictOf(rules, register, seg.text.length) };
}

/** Scores raw text with the lexicon and rules alone. */
export function scoreLexicon(text: string): LexiconScore {
  return scoreNormalised(normaliseForSentiment(text));
}

// Back-off for posts where no lexicon word fired: Chinese words built on a strongly coloured
// character (哭, 怒, 烦 / 笑, 喜, 甜) usually share its polarity, so unknown adjectives, verbs
// and idioms are scored by their characters. Names and nouns are skipped (美国 is not 美).
const NEGATIVE_CHARS = "哭泪痛疼苦惨悲哀怒恨烦愁怕恐慌骂坑骗病伤累困丑臭脏烂差蠢傻贱吵闹饿穷输败罚忧郁惧吓" +
  "崩塌灾毒害杀凶逼滚屎尿屁晕悔嫌厌鄙叹唉寒孤寂虐误丢堵乱衰霉惊险残废垮糟砸呕吐咳怨懊躁憋闷愧惭羞辱嘲讽";
const POSITIVE_CHARS = "笑乐喜爱欢福幸甜赞棒暖萌帅靓爽优佳妙赢胜祝谢恩乖宠康庆贺吉祥顺亲赏欣悦美善勇慧敬耀荣誉";

const MORPHEMES: ReadonlyMap<string, number> = new Map([
  ...Array.from(NEGATIVE_CHARS, (c): [string, number] => [c, -1]),
  ...Array.from(POSITIVE_CHARS, (c): [string, number] => [c, 1]),
]);

// Parts of speech that carry opinion: adjectives, verbs, adverbs, idioms, set phrases.
const OPINION_TAGS = new Set(["a", "ad", "an", "ag", "v", "vd", "vn", "vg", "d", "i", "l", "z", "e", "o", "y"]);
const WEIGHT = 0.4;

// Morpheme polarity of a segmented text and the words that contributed; words are tagged as jieba's
// `tag` without HMM tags them (the dictionary's tag, else by their characters).
function morphemeScore(seg: Segmentation): { raw: number; words: string[] } {
  const { tagOf } = loadEngine();
  let raw = 0;
  const words: string[] = [];
  let negated = false;
  for (const word of dictionaryCut(seg).words) {
    if (NEGATORS.has(word)) {
      negated = true;
      continue;
    }
    const tag = tagOf(word);
    if (!OPINION_TAGS.has(tag)) {
      if (tag === "x") negated = false;
      continue;
    }
    let v = 0;
    for (const ch of word) v += MORPHEMES.get(ch) ?? 0;
    if (v === 0) continue;
    v = Math.max(-1, Math.min(1, v)) * WEIGHT;
    raw += negated ? -v : v;
    negated = false;
    if (words.length < 3) words.push(word);
  }
  return { raw, words };
}
