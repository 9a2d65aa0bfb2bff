// The watch (监测方案) query language: parse, inspect and match. The public surface of
// src/analyse/query; everything here is pure (no I/O).
export { QUERY_LIMITS, QueryError, type Field, type QueryErrorCode, type QueryNode, type TermNode } from "./ast";
export { parseQuery } from "./parser";
export { queryTerms } from "./query-terms";
export { matchQuery } from "./match-query";
export { WatchSet, type WatchInput, type WatchMatch } from "./watch-set";
export { prepareDoc, PreparedDoc, type MatchSpan, type QueryDoc } from "./prepared-doc";
export { decodeSpans, encodeWatchSpans } from "./stored-spans";
export { normaliseForMatch, originalSpan, type MappedText } from "./normalise-map";
