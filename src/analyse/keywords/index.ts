// Public API of keyword extraction: segmentation, TF-IDF and TextRank keywords, and place,
// organisation and user-term entities, over normalised Chinese text. Pure: no database, no network.
export type { Entity, EntityKind, Keyword, UserWord } from "./types";
export { KeywordExtractor, type KeywordExtractorOptions } from "./extractor";
export { validateUserWord } from "./user-words";
