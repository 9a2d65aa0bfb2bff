// Place and institution names that jieba cuts into pieces: 白沙/nr 乡/n, 青禾/x 大道/n,
// 石桥/ns 乡/n 初级中学/l. The keyword extractor's entities come from single tagged words, so a
// county's own townships, roads and schools (which no dictionary knows) are mostly missing there;
// this glues the name-like words before a place or institution word to it, and keeps the longest
// name of a run (石桥乡初级中学, not also 石桥乡): the finest level names the incident.

/** Words that end a place name (乡, 路 …) or an institution's name (中学 …) when a name comes before them. */
const HEADS = new Set([
  "省", "市", "县", "区", "乡", "镇", "村", "街道", "社区", "路", "东路", "西路", "南路", "北路", "中路", "大道", "街", "巷",
  "大桥", "桥", "河", "湖", "水库", "中学", "小学", "幼儿园", "学校", "医院", "卫生院", "公司", "工厂", "厂", "派出所", "市场", "小区",
]);
// A word of three or more characters ending in one of these ends a name too (化工厂 after 鑫源), and
// may be a whole name by itself (see wholeName).
const WHOLE_ENDINGS = ["乡", "镇", "村", "街道", "社区", "路", "街", "大道", "大桥", "河", "湖", "厂", "中学", "小学", "幼儿园", "医院", "卫生院"];
const WHOLE_LAST = new Set(WHOLE_ENDINGS.map((e) => e[e.length - 1]));
// First characters of two-character words that begin with a head (路上, 路修, 镇上, 河边).
const PREFIX_HEADS = new Set(["路", "街", "镇", "乡", "村", "河", "湖", "桥"]);
// Tags of words that can be part of a name: places, person-like names, other proper nouns, unknown
// words, and numbers (12路) or ordinals (第二中学).
const NAME_TAGS = new Set(["ns", "nr", "nrt", "nz", "nt", "x", "j", "m"]);
const NAME_CHARS = /^[\p{Script=Han}0-9A-Za-z]+$/u;
const HAN = /^\p{Script=Han}+$/u;
const ASCII_NUMBER = /^[0-9A-Za-z]+$/;
/** Most name-like words glued before one head. */
const MAX_PARTS = 3;
/** Names returned per text at most, in order of first appearance. */
export const MAX_PLACE_NAMES = 8;

/** The tag of a cut's word from its entry (Engine.tagOfEntry). */
export type TagOfEntry = (word: string, entry: number) => string;

function endsWhole(word: string): boolean {
  if (word.length < 3 || !WHOLE_LAST.has(word[word.length - 1])) return false;
  for (const end of WHOLE_ENDINGS) if (word.endsWith(end)) return true;
  return false;
}

// Whether a word can be part of a name; a common word only right before the head (人民/n 路, 县/zg).
function namePart(word: string, tag: string, beforeHead: boolean): boolean {
  // Unknown words (x) longer than two characters are mostly the HMM's fragments (车一过).
  if (tag === "x") return word.length === 2 && HAN.test(word);
  if (NAME_TAGS.has(tag)) return NAME_CHARS.test(word) && (tag !== "m" || ASCII_NUMBER.test(word) || word.startsWith("第"));
  return beforeHead && (tag === "n" || tag === "zg") && word.length <= 2 && HAN.test(word);
}

// Whether a word ending a name is a name by itself: tagged as one (柳溪镇/x, 桃源村/ns), or a
// three-character road the dictionary calls a common noun (解放街/n).
function wholeName(word: string, tag: string): boolean {
  if (tag === "m") return false;
  return NAME_TAGS.has(tag) || (tag === "n" && word.length === 3 && (word.endsWith("路") || word.endsWith("街")));
}

/**
 * The place and institution names of a cut text (its words and their entries in jieba's tables),
 * in order of first appearance. Tags are looked up only for the few words before a head.
 */
export function placeNames(words: readonly string[], entries: ArrayLike<number>, tagOf: TagOfEntry): string[] {
  const out: string[] = [];
  let lastEnd = -2; // the index of the word that ended the last name
  for (let i = 0; i < words.length && out.length < MAX_PLACE_NAMES; i++) {
    const w = words[i];
    const head = HEADS.has(w);
    // 文昌/nr 路上/s: jieba's HMM put the head into the next word; only a proper name may precede it.
    const prefix = !head && w.length === 2 && PREFIX_HEADS.has(w[0]) && i > 0;
    if (!head && !prefix && !endsWhole(w)) continue;
    let start = i;
    while (start > 0 && i - start < MAX_PARTS && start - 1 !== lastEnd && namePart(words[start - 1], tagOf(words[start - 1], entries[start - 1]), start === i && !prefix)) start--;
    let name = prefix ? w[0] : w;
    for (let k = i - 1; k >= start; k--) name = words[k] + name;
    if (prefix) {
      if (start < i && name.length >= 3 && start - 1 !== lastEnd) {
        out.push(name);
        lastEnd = i;
      }
    } else if (start - 1 === lastEnd) {
      out[out.length - 1] += name; // right after a name: a finer name (石桥乡 + 初级中学)
      lastEnd = i;
    } else if (start < i ? name.length >= 3 : !head && wholeName(w, tagOf(w, entries[i]))) {
      out.push(name);
      lastEnd = i;
    }
  }
  return out.length > 1 ? [...new Set(out)] : out;
}
