// The watch (监测方案) query language: parsing with positional Chinese errors, matching with
// highlight spans, and many watches at once behind an Aho–Corasick prefilter.
export { QueryError, QUERY_LIMITS, type Field, type QueryNode } from "./ast";
export { parseQuery } from "./parser";
export { prepareDoc, type MatchSpan, type PreparedDoc, type QueryDoc } from "./match";
export { WatchSet, matchQuery, queryTerms } from "./watch-set";
export { normaliseForMatch, type MappedText } from "./normalise-map";
