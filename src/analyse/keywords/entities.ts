// Simple entities: places, organisations and user terms. People are deliberately not entities:
// Tingfeng tracks events and institutions, and a list of the private individuals named in posts
// would be a profile of members of the public that the office has no business keeping.
import { STOPWORDS } from "./stopwords";
import type { Entity, EntityKind, Token } from "./types";

/** At most this many entities are returned per text (the most frequent first). */
export const MAX_ENTITIES = 30;

// Organisation suffixes, longest first so that 人民医院 is judged by 医院, not by 院.
const ORG_SUFFIXES = ["派出所", "学校", "中学", "小学", "医院", "公司", "集团", "街道", "社区", "局", "委", "办", "厅", "院", "村"];
// A bare single-character suffix word (格局, 党委, 餐厅) is too generic to name one institution, so
// those need three characters; the exceptions below are common nouns that still pass that test.
const NOT_ORGS = new Set(["新农村", "城中村", "地球村", "度假村", "电影院", "四合院", "大杂院", "怎么办"]);
const ORG_LAST_CHARS = new Set(ORG_SUFFIXES.map((s) => s[s.length - 1]));
const ORG_SUFFIX_TAGS = new Set(["n", "nt", "nz", "j", "x"]);
const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Distinct entities of a token stream, most frequent first, ties in order of first appearance. */
export function entitiesOf(tokens: readonly Token[], stopwords: ReadonlySet<string>): Entity[] {
  const found = new Map<string, { kind: EntityKind; count: number }>();
  for (const token of tokens) {
    const kind = entityKind(token, stopwords);
    if (!kind) continue;
    const seen = found.get(token.word);
    if (seen) seen.count++;
    else found.set(token.word, { kind, count: 1 });
  }
  // Map iteration follows first appearance and Array.prototype.sort is stable, so ties keep it.
  const ranked = [...found].sort(byCount);
  const out: Entity[] = [];
  for (let i = 0; i < ranked.length && i < MAX_ENTITIES; i++) out.push({ word: ranked[i][0], kind: ranked[i][1].kind });
  return out;
}

// Module-level, not an arrow made per call
// (see docs/ARCHITECTURE.md, "No closures made per call on hot paths").
function byCount(a: [string, { count: number }], b: [string, { count: number }]): number {
  return b[1].count - a[1].count;
}

/** The entity kind of one token, or null when it names no place, organisation or user term. */
export function entityKind(token: Token, stopwords: ReadonlySet<string>): EntityKind | null {
  if (token.user) return token.user.kind;
  const { word, tag } = token;
  // Cheap tag and last-character tests first: this runs on every token of every post.
  const kind =
    tag === "ns" ? "place"
    : tag === "nt" ? "org"
    : ORG_SUFFIX_TAGS.has(tag) && ORG_LAST_CHARS.has(word[word.length - 1]) && isOrgName(word) ? "org"
    : null;
  if (!kind || word.length < 2 || STOPWORDS.has(word) || stopwords.has(word) || !HAN_ONLY.test(word)) return null;
  return kind;
}

/** Whether a word looks like the name of an institution from its ending (教育局, 青禾县人民医院). */
export function isOrgName(word: string): boolean {
  let suffix: string | undefined;
  for (const s of ORG_SUFFIXES)
    if (word.endsWith(s)) {
      suffix = s;
      break;
    }
  if (!suffix || NOT_ORGS.has(word)) return false;
  return suffix.length === 1 ? word.length >= 3 : word.length > suffix.length;
}
