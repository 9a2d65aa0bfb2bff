// Phrase fragments that jieba's dictionary lists as words and tags as verbs (or nouns) although they
// name nothing an office would file a post under: 不下 (from 吃不下), 总得 (“has to”), 放到, 转给,
// 晒晒, 轮不到. They are caught by their shape, not listed one by one: words built only of
// function characters, a negation or modal adverb in front of a verb, a verb with a potential
// complement (X不Y, X得Y), a one-character verb with a result or direction complement, and
// reduplicated verbs, “verb 一下”, words led by a demonstrative (这个…) and words ending in a
// locative or time word (河面上, 下车时). Measured on eval/keywords-labelled.json (npm run eval).

// Character sets are of UTF-16 code units (all of these are in the BMP), so that checking a word
// reads its characters without making a string of each.
function codes(chars: string): ReadonlySet<number> {
  const set = new Set<number>();
  for (let i = 0; i < chars.length; i++) set.add(chars.charCodeAt(i));
  return set;
}

const DE = "得".charCodeAt(0);

// Negations, modal and degree adverbs, aspect particles, pronouns, numerals-as-“a bit”, measure
// words and the direction/result complements. A word made only of these says nothing by itself.
const FUNCTION_CHARS = codes("不没别未只总还就都也又再才很太最更能会要该得须可这那哪个些一了着过下上来去到住起出进回开完好见掉成给把被让");

// A verb-tagged word that starts with one of these is an adverb glued to a verb (没法, 只能, 总算,
// 不堪, 没人接). 就 (就业, 就诊), 要 (要求) and 会 (会议) are left out: they begin real words.
const ADVERB_PREFIX = codes("不没别未只总还都也又再才很太");

// Potential complements: 吃不下, 挡不住, 看不到, 熏得, 说得好.
const POTENTIAL_INFIX = codes("不得");

// Result and direction complements and aspect particles after a one-character verb: 放到, 转给,
// 收进, 建好, 打过, 漂着. 出 is left out (演出, 支出 are words).
const COMPLEMENTS = codes("到给进好过着了掉住起完成来去");

// Two-character direction complements at the end of a three-character verb (运出去, 搬进来).
const DIRECTION_ENDINGS = new Set(["出去", "出来", "进去", "进来", "过去", "过来", "起来", "下去", "下来", "上去", "上来", "回去", "回来"]);

const VERB_TAGS = new Set(["v", "vn", "vd", "vg"]);

// Place and time words after a noun or verb: 河面上, 学校里, 下车时, 晚饭后. The word before them
// is the keyword, when it is one.
const LOCATIVES = codes("上里边时中内后");
const CONTENT_TAGS = new Set(["n", "v", "vn", "nz"]);

// “Do a bit of” after a verb (检查一下 and 考虑一下 are dictionary words tagged n) and a demonstrative
// with its measure word in front (这个, 那些 …).
const TENTATIVE_ENDINGS = new Set(["一下", "一番", "一点"]);
const TENTATIVE_LAST = codes("下番点");
const DEMONSTRATIVES = codes("这那哪");
const DEMONSTRATIVE_MEASURES = codes("个些种样次位件");

/**
 * True when a word of `tag` is a phrase fragment rather than a keyword; `tagOf` gives jieba's tag of
 * a single character (to tell 放到 “put to”, a verb plus complement, from 迟到 “late”).
 */
export function isFragment(word: string, tag: string, tagOf: (word: string) => string): boolean {
  // Plain index loops and character lookups: this runs for every candidate word of every post.
  const n = word.length;
  if (n < 2 || n > 4) return false;
  let allFunction = true;
  for (let i = 0; i < n && allFunction; i++) allFunction = FUNCTION_CHARS.has(word.charCodeAt(i));
  if (allFunction) return true;
  const first = word.charCodeAt(0);
  const second = word.charCodeAt(1);
  const last = word.charCodeAt(n - 1);
  if (n >= 3 && TENTATIVE_LAST.has(last) && TENTATIVE_ENDINGS.has(word.slice(n - 2))) return true;
  if (DEMONSTRATIVES.has(first) && DEMONSTRATIVE_MEASURES.has(second)) return true;
  if (n >= 3 && LOCATIVES.has(last) && CONTENT_TAGS.has(tagOf(word.slice(0, n - 1)))) return true;
  if (!VERB_TAGS.has(tag)) return false;
  if (ADVERB_PREFIX.has(first)) return true;
  if (n === 2 && second === DE) return true;
  if (n === 3 && POTENTIAL_INFIX.has(second)) return true;
  if (first === second) return true; // 转转, 晒晒, 摆摆手: “do a bit of”
  if (n === 2 && COMPLEMENTS.has(second) && tagOf(word[0]) === "v") return true;
  if (n === 3 && FUNCTION_CHARS.has(last) && DIRECTION_ENDINGS.has(word.slice(1))) return true;
  return false;
}
