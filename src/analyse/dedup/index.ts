// Near-duplicate and repost detection: the public surface of src/analyse/dedup.
export { NearDupIndex, Sketcher, type AddResult, type DupSketch, type GroupRename, type NearDupOptions, type SketchPart } from "./near-dup-index";
export type { IndexState } from "./index-state";
export { minhashSignature } from "./minhash";
export { hamming, simhash64 } from "./simhash";
export { DEFAULT_RULE, similarity, type MatchRule, type Similarity } from "./similarity";
export { summariseGroup, type GroupMember, type GroupSummary } from "./group-summary";
export { matchKeys, type MatchKeys } from "./views";
