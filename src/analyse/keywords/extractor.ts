// The keyword extractor the analysis pipeline holds: one user dictionary and stopword list,
// sharing the process-wide segmenter and IDF table (engine.ts).
import { loadEngine } from "./engine";
import { entitiesOf } from "./entities";
import { textRankScores, tfIdfScores, topKeywords, type Candidate } from "./rank";
import { segment as segmentText, type Segmentation } from "../segment";
import { isCandidate, isWord, tokensOf } from "./tokens";
import { compileUserWords, type UserDictionary } from "./user-dictionary";
import { normaliseWord } from "./user-words";
import type { Entity, Keyword, Token, UserWord } from "./types";

/** Keywords returned when the caller does not say how many. */
export const DEFAULT_TOP_K = 10;

/**
 * Options of a KeywordExtractor; `stopwords` are added to the built-in list, not substituted for it.
 * `keepFragments` turns the phrase-fragment filter off (fragments.ts), for measuring it in eval only.
 */
export type KeywordExtractorOptions = { userWords?: readonly UserWord[]; stopwords?: readonly string[]; keepFragments?: boolean };

/**
 * Segmentation, keywords and entities of normalised text (simplified, half-width, Latin lowercased);
 * links, @mentions and hashtag marks are left out (see segment.ts). Only the first 20,000 characters
 * of a text are analysed. Keywords are nouns and verbs (never
 * person names, single characters, numbers, stopwords or phrase fragments such as 不下) plus user-dictionary words, which are
 * always eligible and have their score multiplied by their weight (default 2).
 */
export class KeywordExtractor {
  private dictionary: UserDictionary;
  private readonly stopwords: ReadonlySet<string>;
  private readonly keepFragments: boolean;

  /** An extractor with an optional user dictionary and extra stopwords. */
  constructor(options: KeywordExtractorOptions = {}) {
    this.dictionary = compileUserWords(options.userWords ?? []);
    this.stopwords = new Set((options.stopwords ?? []).map(normaliseWord).filter(Boolean));
    this.keepFragments = options.keepFragments === true;
  }

  /** Replaces the user dictionary; later calls use the new one (removed words are split again). */
  setUserWords(words: readonly UserWord[]): void {
    this.dictionary = compileUserWords(words);
  }

  /** Words of the text in order, without stopwords, punctuation, whitespace or emoji. */
  segment(text: string): string[] {
    return this.tokens(text)
      .filter((t) => isWord(t, this.stopwords))
      .map((t) => t.word);
  }

  /** The topK keywords by TF-IDF, strongest first, weights in [0, 1]. */
  keywords(text: string, topK = DEFAULT_TOP_K): Keyword[] {
    return topKeywords(tfIdfScores(this.candidates(this.tokens(text)), loadEngine().idfOf), topK);
  }

  /** The topK keywords by TextRank over a five-word co-occurrence window, weights in [0, 1]. */
  textRank(text: string, topK = DEFAULT_TOP_K): Keyword[] {
    return topKeywords(textRankScores(this.candidates(this.tokens(text))), topK);
  }

  /** TF-IDF keywords and entities from one segmentation pass. */
  analyse(text: string, topK = DEFAULT_TOP_K): { keywords: Keyword[]; entities: Entity[] } {
    return this.analyseSegmentation(segmentText(typeof text === "string" ? text : ""), topK);
  }

  /** TF-IDF keywords and entities of an existing segmentation: the per-item call of the pipeline. */
  analyseSegmentation(seg: Segmentation, topK = DEFAULT_TOP_K): { keywords: Keyword[]; entities: Entity[] } {
    const tokens = tokensOf(seg, loadEngine(), this.dictionary);
    return {
      keywords: topKeywords(tfIdfScores(this.candidates(tokens), loadEngine().idfOf), topK),
      entities: entitiesOf(tokens, this.stopwords),
    };
  }

  private tokens(text: unknown): Token[] {
    // Guarded because the pipeline feeds fetched content: a missing field must not throw here.
    if (typeof text !== "string" || text === "") return [];
    return tokensOf(segmentText(text), loadEngine(), this.dictionary);
  }

  private candidates(tokens: readonly Token[]): Candidate[] {
    const { idfOfEntry, tagOf } = loadEngine();
    const fragmentsTagOf = this.keepFragments ? null : tagOf;
    const out: Candidate[] = [];
    for (const token of tokens)
      if (isCandidate(token, this.stopwords, fragmentsTagOf))
        out.push({ word: token.word, boost: token.user ? token.user.boost : 1, idf: token.entry === undefined ? undefined : idfOfEntry(token.entry) });
    return out;
  }
}
