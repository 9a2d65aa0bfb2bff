// Publicity work (新闻宣传, SPEC M6): the vocabularies shared by server and web. Codes are stored and sent;
// the Chinese names are what an office writes on its forms (the API also accepts them as input).

/** Outlet levels from the highest down; 本单位 (internal) last. */
export const OUTLET_LEVELS = ["national", "provincial", "city", "county", "internal"] as const;
/** One of OUTLET_LEVELS. */
export type OutletLevel = (typeof OUTLET_LEVELS)[number];
/** 中央/国家级, 省级, 市级, 县级, 本单位. */
export const OUTLET_LEVEL_NAMES: Record<OutletLevel, string> = { national: "中央/国家级", provincial: "省级", city: "市级", county: "县级", internal: "本单位" };

/** Media. */
export const MEDIA = ["newspaper", "tv", "radio", "website", "newmedia"] as const;
/** One of MEDIA. */
export type Medium = (typeof MEDIA)[number];
/** 报纸, 电视, 广播, 网站, 新媒体. */
export const MEDIUM_NAMES: Record<Medium, string> = { newspaper: "报纸", tv: "电视", radio: "广播", website: "网站", newmedia: "新媒体" };

/** Genres. */
export const GENRES = ["news", "feature", "commentary", "photo", "video"] as const;
/** One of GENRES. */
export type Genre = (typeof GENRES)[number];
/** 消息, 通讯, 评论, 图片, 视频. */
export const GENRE_NAMES: Record<Genre, string> = { news: "消息", feature: "通讯", commentary: "评论", photo: "图片", video: "视频" };

/** Page/slot of a placement. */
export const SLOTS = ["none", "front_page", "headline", "front_headline"] as const;
/** One of SLOTS. */
export type Slot = (typeof SLOTS)[number];
/** —, 头版, 头条, 头版头条. */
export const SLOT_NAMES: Record<Slot, string> = { none: "一般版面", front_page: "头版", headline: "头条", front_headline: "头版头条" };

/** Levels an adopting or instructing office can have (an internal office adopts nothing upward). */
export const ADOPTION_LEVELS = ["national", "provincial", "city", "county"] as const;
/** One of ADOPTION_LEVELS. */
export type AdoptionLevel = (typeof ADOPTION_LEVELS)[number];

/** Submission kinds: a news draft or an information report (信息). */
export const SUBMISSION_KINDS = ["news", "info"] as const;
/** One of SUBMISSION_KINDS. */
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** Submission states. */
export const SUBMISSION_STATES = ["draft", "in_review", "returned", "approved", "withdrawn"] as const;
/** One of SUBMISSION_STATES. */
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** One review step: who may decide it (a role) and whether that person must belong to the submission's unit. */
export interface ReviewStep { name: string; role: "handler" | "contributor" | "spokesperson" | "monitor" | "leader" | "admin"; scope: "unit" | "office" }

/** The office default flow (三审): unit head → office editor → leader. */
export const DEFAULT_REVIEW_STEPS: readonly ReviewStep[] = [
  { name: "单位负责人审核", role: "handler", scope: "unit" },
  { name: "宣传办编辑审核", role: "monitor", scope: "office" },
  { name: "领导审定", role: "leader", scope: "office" },
];

/**
 * A points table (积分规则), stored as a versioned rule set. A placement's points are
 * base[level][genre] × slot multiplier × (featured ? featuredMultiplier : 1); each author gets points × share.
 * An adoption (采用) or instruction (批示) of an information report adds the points of the adopting level.
 */
export interface ScoringRules {
  base: Record<OutletLevel, Record<Genre, number>>;
  slotMultiplier: Record<Slot, number>;
  featuredMultiplier: number;
  adoption: Record<AdoptionLevel, number>;
  instruction: Record<AdoptionLevel, number>;
  /** Annual reward (奖励) = points × perPoint + completion bonus when the quota is met, capped at `cap` (0 = none). */
  reward: { perPoint: number; quotaMetBonus: number; cap: number };
}

/** Points when an office has not saved a table yet (a common county scheme). */
export const DEFAULT_SCORING_RULES: ScoringRules = {
  base: {
    national: { news: 10, feature: 12, commentary: 12, photo: 6, video: 10 },
    provincial: { news: 6, feature: 8, commentary: 8, photo: 4, video: 6 },
    city: { news: 3, feature: 4, commentary: 4, photo: 2, video: 3 },
    county: { news: 1, feature: 1.5, commentary: 1.5, photo: 0.5, video: 1 },
    internal: { news: 0.5, feature: 0.5, commentary: 0.5, photo: 0.2, video: 0.5 },
  },
  slotMultiplier: { none: 1, front_page: 1.5, headline: 1.5, front_headline: 2 },
  featuredMultiplier: 2,
  adoption: { national: 10, provincial: 6, city: 3, county: 1 },
  instruction: { national: 15, provincial: 10, city: 5, county: 2 },
  reward: { perPoint: 50, quotaMetBonus: 500, cap: 0 },
};

/** Rank of a level for "at this level or above" (national = 0 is the highest). */
export const levelRank = (level: OutletLevel): number => OUTLET_LEVELS.indexOf(level);
