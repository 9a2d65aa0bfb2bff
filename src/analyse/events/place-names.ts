// Place and institution names that jieba cuts into pieces: 白沙/nr 乡/n, 青禾/x 大道/n,
// 石桥/ns 乡/n 初级中学/l. The keyword extractor's entities come from single tagged words, so a
// county's own townships, roads and schools (which no dictionary knows) are mostly missing there;
// this glues the name-like words before a place or institution word to it, and keeps the longest
// name of a run (石桥乡初级中学, not also 石桥乡): the finest level names the incident.

/** Words that end a place name (乡, 路 …) or an institution's name (中学 …) when a name comes before them. */
const HEADS = new Set([
  "省", "市", "县", "区", "乡", "镇", "村", "街道", "社区", "路", "东路", "西路", "南路", "北路", "中路", "大道", "街", "巷",
  "大桥", "桥", "河", "湖", "水库", "中学", "小学", "幼儿园", "学校", "医院", "卫生院", "公司", "工厂", "厂", "派出所", "市场", "小区",
  "前路", "后路", "院", "中专",
]);
// Heads that a common word must not precede (义务教育/l 阶段/n 学校/n is no school's name).
const PROPER_ONLY_HEADS = new Set(["学校"]);
// Heads that a number alone may name (3/m 路: a bus line).
const NUMBERED_HEADS = new Set(["路"]);
// Words that end in a head but name no place (新线路, 水泥路, 乡村).
const NOT_NAMES = new Set(["线路", "新线路", "马路", "公路", "道路", "铁路", "水泥路", "小路", "山路", "土路", "新路", "出路", "思路", "电路", "套路", "乡村", "村民", "村里", "院里", "中小学"]);
// Words that head a name jieba made of a head and the next word (中学老师, 小学生): the head is taken back.
const HEAD_PREFIXES = ["中学", "小学", "幼儿园", "医院", "卫生院"];
// Verbs and greetings that jieba leaves unknown before a name (点赞/x 云岭 …): never part of it.
const NOT_PARTS = new Set(["点赞", "致敬", "感谢", "关于", "反映", "扎根"]);
// Two-character rivers and lakes the dictionary knows as places (沙河/ns, 南湖/ns): names by themselves.
const WATER_LAST = new Set(["河", "湖", "江"]);
// A word of three or more characters ending in one of these ends a name too (化工厂 after 鑫源), and
// may be a whole name by itself (see wholeName).
const WHOLE_ENDINGS = ["乡", "镇", "村", "街道", "社区", "路", "街", "大道", "大桥", "河", "湖", "厂", "中学", "小学", "幼儿园", "中专", "医院", "卫生院"];
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
function namePart(word: string, tag: string, beforeHead: boolean, head: string, prefix: boolean | "glued" = false): boolean {
  if (NOT_PARTS.has(word)) return false;
  // Unknown words (x) longer than two characters are mostly the HMM's fragments (车一过).
  if (tag === "x") return word.length === 2 && HAN.test(word);
  if (tag === "eng") return ASCII_NUMBER.test(word) && /[0-9]/.test(word); // k1 路
  if (NAME_TAGS.has(tag)) return NAME_CHARS.test(word) && (tag !== "m" || ASCII_NUMBER.test(word) || word.startsWith("第"));
  if (!beforeHead || PROPER_ONLY_HEADS.has(head) || !HAN.test(word)) return false;
  // 妇幼保健/n 院, 实验/vn 小学, 人民/n 路, 县/zg 中医院.
  if (head === "院") return tag === "n" && word.length <= 4;
  if (head === "前路" || head === "后路") return word.length === 1; // 站/v 前路/n
  // 青石/n 镇至/x; not before 路上 or 村里 (孩子/n 路上/s), which follow common words far more often.
  // 人民/n 路早/x: an unknown two-character word is the HMM's glue, not a word like 路上.
  if (prefix) return (head === "镇" || head === "乡" || prefix === "glued") && tag === "n" && word.length === 2;

  return (tag === "n" || tag === "zg" || tag === "vn") && word.length <= 2;
}

// Whether a word ending a name is a name by itself: tagged as one (柳溪镇/x, 桃源村/ns), or a
// three-character road the dictionary calls a common noun (解放街/n).
function wholeName(word: string, tag: string): boolean {
  if (tag === "m") return false;
  return NAME_TAGS.has(tag) || (tag === "n" && word.length === 3 && (word.endsWith("路") || word.endsWith("街")));
}

// Words a road may stand beside as jieba cuts it (解放/v 街上/s, 环/v 城北/s 路边/s).
const ROAD_SIDES = new Set(["路上", "路边", "街上", "街边"]);
// Tags of pieces that are never part of a road's name: pronouns, numbers, measures, adverbs (这条 路上).
const NOT_ROAD_TAGS = new Set(["r", "m", "mq", "q", "d", "p", "c"]);
// Tags of the words that open a place phrase: 在, 为, 从 … (p) and 和, 与 (c).
const OPENING_TAGS = new Set(["p", "c"]);

/**
 * Where a road's name starts when jieba cut it into pieces of any tag between a preposition and
 * 路上/路边 (在/p 站/v 前/f 路边/s → 站前路): at most two pieces of two to three characters in
 * all, right after 在, 为, 和 …; -1 when the words before do not look so.
 */
function roadAfterPreposition(words: readonly string[], entries: ArrayLike<number>, tagOf: TagOfEntry, i: number, lastEnd: number): number {
  if (!ROAD_SIDES.has(words[i])) return -1;
  let chars = 0;
  for (let start = i - 1; start >= 0 && start > lastEnd && i - start <= 2; start--) {
    const w = words[start];
    const tag = tagOf(w, entries[start]);
    if (!HAN.test(w) || NOT_PARTS.has(w) || NOT_ROAD_TAGS.has(tag) || tag[0] === "u") return -1;
    chars += w.length;
    if (chars > 3) return -1;
    if (chars >= 2 && start > 0 && OPENING_TAGS.has(tagOf(words[start - 1], entries[start - 1]))) return start;
  }
  return -1;
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
    if (NOT_NAMES.has(w)) continue;
    const water = w.length === 2 && WATER_LAST.has(w[1]) && tagOf(w, entries[i]) === "ns";
    const head = HEADS.has(w) || water;
    // 文昌/nr 路上/s: jieba's HMM put the head into the next word; only a proper name may precede it.
    // 东关/ns 小学老师/n: the same with a longer head.
    const long = head || w.length <= 2 ? undefined : HEAD_PREFIXES.find((h) => w.startsWith(h));
    const prefix = !head && i > 0 && (long !== undefined || (w.length === 2 && PREFIX_HEADS.has(w[0])));
    if (!head && !prefix && !endsWhole(w)) continue;
    const headWord = long ?? (prefix ? w[0] : w);
    let start = i;
    const road = prefix && long === undefined ? roadAfterPreposition(words, entries, tagOf, i, lastEnd) : -1;
    if (road >= 0) {
      out.push(words.slice(road, i).join("") + headWord);
      lastEnd = i;
      continue;
    }
    while (start > 0 && i - start < MAX_PARTS && start - 1 !== lastEnd && namePart(words[start - 1], tagOf(words[start - 1], entries[start - 1]), start === i, headWord, start === i && prefix && long === undefined && (tagOf(w, entries[i]) === "x" ? "glued" : true))) start--;
    let name = headWord;
    for (let k = i - 1; k >= start; k--) name = words[k] + name;
    const numbered = NUMBERED_HEADS.has(headWord) && start < i && /[0-9]/.test(name);
    if (water && start === i) {
      out.push(name); // 南湖/ns by itself
      lastEnd = i;
    } else if (prefix) {
      if (start < i && start - 1 === lastEnd) {
        out[out.length - 1] += name; // 青禾县 + 第一中学(老师)
        lastEnd = i;
      } else if (start < i && (name.length >= 3 || numbered)) {
        out.push(name);
        lastEnd = i;
      }
    } else if (start - 1 === lastEnd) {
      out[out.length - 1] += name; // right after a name: a finer name (石桥乡 + 初级中学)
      lastEnd = i;
    } else if (start < i ? name.length >= 3 || numbered : !head && wholeName(w, tagOf(w, entries[i]))) {
      out.push(name);
      lastEnd = i;
    }
  }
  return out.length > 1 ? [...new Set(out)] : out;
}
