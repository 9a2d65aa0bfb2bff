// Shapes shared by the keyword extractor, its dictionary and its callers.

/** What a user-dictionary entry or an entity names. */
export type EntityKind = "place" | "org" | "term";

/** One keyword with its weight, normalised so that the strongest keyword of a text weighs 1. */
export type Keyword = { word: string; weight: number };

/** A user-dictionary entry: a local place, an organisation or a product/business term. */
export type UserWord = { word: string; kind?: EntityKind; weight?: number };

/** A place, organisation or user term found in a text (never a person: see entities.ts). */
export type Entity = { word: string; kind: EntityKind };

/** One segmented word with its part-of-speech tag; `user` is set when the user dictionary supplied it. */
export type Token = {
  word: string;
  tag: string;
  user: CompiledUserWord | null;
  /** The word's entry in jieba's tables when looked up already (Engine.entry). */
  entry?: number;
};

/** A user-dictionary entry ready for matching: normalised word, resolved kind and boost. */
export type CompiledUserWord = { word: string; kind: EntityKind; boost: number };
