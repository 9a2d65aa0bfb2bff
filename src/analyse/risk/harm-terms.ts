// Words that make an event sensitive, by category: our own lists, written for county-level
// public-opinion work. Matching is by substring (Chinese has no spaces), with two guards: a
// negation just before the word ("未造成人员伤亡") and compounds that only look alike ("大学生").

/** Harm categories, named as analysts name them. */
export const HARM_CATEGORIES = ["伤亡", "未成年人", "食品药品安全", "安全事故", "群体性事件", "公职人员", "环境污染"] as const;
/** One of HARM_CATEGORIES. */
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

/** The words of each category. */
export const HARM_TERMS: Readonly<Record<HarmCategory, readonly string[]>> = {
  伤亡: ["死亡", "身亡", "遇难", "丧生", "殒命", "死者", "遗体", "伤亡", "受伤", "伤者", "重伤", "溺亡", "溺水", "坠亡", "坠楼", "跳楼", "猝死", "自杀", "失联"],
  未成年人: ["学生", "儿童", "幼儿园", "幼儿", "未成年", "小孩", "孩子", "婴儿", "女童", "男童", "校园", "中小学"],
  食品药品安全: ["食物中毒", "食品安全", "过期", "变质", "发霉", "霉变", "假药", "劣药", "地沟油", "非法添加", "吃出异物", "集体腹泻"],
  安全事故: ["爆炸", "火灾", "起火", "着火", "坍塌", "倒塌", "塌方", "泄漏", "矿难", "透水", "车祸", "交通事故", "侧翻", "触电", "事故"],
  群体性事件: ["聚集", "围堵", "堵路", "维权", "讨薪", "欠薪", "上访", "集访", "静坐", "拉横幅", "冲突", "打砸", "群殴"],
  公职人员: ["腐败", "贪污", "受贿", "索贿", "行贿", "滥用职权", "渎职", "打人", "暴力执法", "吃拿卡要", "公款吃喝", "违纪"],
  环境污染: ["污染", "排污", "偷排", "直排", "恶臭", "异味", "黑臭", "废水", "废气", "粉尘", "噪音扰民", "死鱼"],
};

/** Each category's name in the English locale. */
export const HARM_CATEGORY_EN: Readonly<Record<HarmCategory, string>> = {
  伤亡: "casualties", 未成年人: "minors", 食品药品安全: "food and drug safety", 安全事故: "safety accident",
  群体性事件: "mass incident", 公职人员: "public officials", 环境污染: "environmental pollution",
};

/** Points per category. 未成年人 is who is involved, not what happened: see SUBJECT_CATEGORIES. */
export const HARM_POINTS: Readonly<Record<HarmCategory, number>> = {
  伤亡: 3, 未成年人: 2, 食品药品安全: 2, 安全事故: 2, 群体性事件: 3, 公职人员: 2, 环境污染: 1,
};

/** Categories that aggravate an incident but are none by themselves (a school sports day names 学生). */
export const SUBJECT_CATEGORIES: ReadonlySet<HarmCategory> = new Set<HarmCategory>(["未成年人"]);

// Compounds that contain a term without meaning it: adults, not minors.
const LOOKALIKES = ["大学生", "留学生", "研究生", "学生会"];

// A negation right before a term: 无/未/没有…, an optional verb, an optional 人员/人.
const NEGATED = /(?:无|未|没有|暂无|并无|并未|尚无|尚未)(?:造成|发生|出现|引发|发现)?(?:人员|任何|人)?$/u;

/** A category found in a text, with the distinct words that showed it (in list order). */
export type HarmMatch = { category: HarmCategory; terms: string[] };

function occursUnnegated(text: string, term: string): boolean {
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    if (!NEGATED.test(text.slice(Math.max(0, i - 6), i))) return true;
  }
  return false;
}

/** Finds the harm categories a text touches, in HARM_CATEGORIES order. */
export function findHarms(text: string): HarmMatch[] {
  let masked = text;
  for (const l of LOOKALIKES) masked = masked.replaceAll(l, "□".repeat(l.length));
  const found: HarmMatch[] = [];
  for (const category of HARM_CATEGORIES) {
    const terms = HARM_TERMS[category].filter((t) => occursUnnegated(masked, t));
    if (terms.length) found.push({ category, terms });
  }
  return found;
}
