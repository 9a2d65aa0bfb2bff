// Function words that change how sentiment words count: negators, degree adverbs, contrast
// conjunctions and rhetorical-question markers. Written by hand for this project.

/** Negators: flip the next sentiment word in the same clause. */
export const NEGATORS: ReadonlySet<string> = new Set(
  ("不 没 没有 未 未曾 别 非 无 莫 勿 毋 甭 不是 并不 并非 并没有 并未 绝不 绝非 从不 从未 从没 " +
    "毫无 毫不 不会 不能 不要 不再 不曾 不够 没法 无法 休想 难以 谈不上 算不上 称不上 " +
    "缺乏 缺少 不怎么 不那么 一点也不 一点都不 根本不 根本没 根本没有 压根 压根没 再也不 " +
    "不用 不必 无需 无须 没什么 没啥 不大 不甚").split(" "),
);

/** Degree adverbs and their multipliers: strong ones amplify, hedges soften. */
export const DEGREE: ReadonlyMap<string, number> = new Map([
  ...words("极 极其 极度 极为 极端 超 超级 巨 贼 特 特别 万分 无比 十分 非常 格外 分外 " +
    "尤其 尤为 相当 太 太过 过于 简直 实在 真是 真的 真心 最 最为 至 绝对 死 完全 彻底 " +
    "严重 暴 爆 超级无敌 老 好生 异常 甚 甚为 深深 深感", 1.8),
  ...words("很 挺 蛮 真 越来越 更 更加 愈发 愈加 越发 好 多么 多 如此 这么 那么 这样 那样 怪 够", 1.4),
  ...words("比较 较 还 还算 较为 相对 算是 算", 0.9),
  ...words("有点 有点儿 有些 稍 稍微 稍稍 略 略微 略有 些许 一点 一点点 一些 些 几分 微微", 0.6),
]);

/** Contrast conjunctions: the clause after them dominates the clause before. */
export const CONTRAST: ReadonlySet<string> = new Set(
  "但 但是 却 然而 不过 可是 只是 偏偏 而是 反而 倒是 然鹅 结果 谁知 没想到 谁知道".split(" "),
);

/** Concessive openers: the clause they open is background, not the point. */
export const CONCESSIVE: ReadonlySet<string> = new Set(
  "虽然 虽 虽说 尽管 固然 即使 哪怕 就算 纵然 就是说".split(" "),
);

/** Rhetorical-question openers whose clause means the opposite of its literal words. */
export const RHETORICAL_FLIP: ReadonlySet<string> = new Set(
  "难道 难不成 岂 岂能 岂不 何尝 怎能 怎么能 怎么可以 怎可 哪能 哪里 哪儿 何必".split(" "),
);

/** Verbs of fighting or avoiding: what they act on is bad, so the phrase is good (战胜病毒). */
export const OPPOSE: ReadonlySet<string> = new Set(
  ("抗击 战胜 打败 击败 消灭 击退 抵御 抵抗 远离 隔绝 打赢 阻击 对抗 驱散 防控 防治 防止 预防 " +
    "治疗 治愈 杜绝 严防 打击 惩治 整治 根治 铲除 扫除 清除 赶走 告别 摆脱 走出 克服 战斗 抗争 " +
    "反对 抵制 拒绝 严惩 不怕 不惧 无惧 直面").split(" "),
);

/** Verbs of ending: a bad thing that passes, vanishes or ends is good news (疫情快点过去). */
export const ENDING: ReadonlySet<string> = new Set(
  ("过去 消失 结束 退散 散去 滚蛋 走开 清零 好起来 早日结束 快点过去 赶快过去 快过去 快点结束 " +
    "远去 不见了 没了 痊愈 治好 治好了 解除 解封 被消灭 被战胜 被控制").split(" "),
);

/** Rhetorical openers strong enough to make a question a complaint even without opinion words. */
export const STRONG_RHETORIC: ReadonlySet<string> = new Set("难道 难不成 岂 岂能 岂不 怎能 怎么能 怎么可以 怎可".split(" "));

/** Complements that intensify the word before them (累死, 开心极了, 好得很). */
export const POST_DEGREE: ReadonlySet<string> = new Set(
  "死 死了 坏了 爆 爆了 炸 炸了 疯了 极了 透了 得很 得要命 要命 得不行 至极 到爆 无比".split(" "),
);

/** Question words that, in a question, usually voice a complaint (为什么还不…？). */
export const QUESTION_COMPLAINT: ReadonlySet<string> = new Set(
  "为什么 为何 为啥 什么时候 啥时候 怎么回事 咋回事 到底 究竟 怎么办 咋办 凭啥 干嘛 干什么 何时 咋".split(" "),
);

/** Indignant question phrases: negative on their own, as in 凭什么 or 还有没有王法. */
export const INDIGNANT: ReadonlyMap<string, number> = new Map([
  ...words("凭什么 有什么用 有何用 算什么 搞什么 干什么吃的 干啥吃的 管不管 有没有人管 谁来管 " +
    "谁管 谁负责 谁来负责 还有没有 像话吗 合理吗 合适吗 说得过去吗 有意思吗 好意思吗 " +
    "还要不要脸 要不要脸 何时才能 什么时候才能 到底什么时候 到底要 究竟要", -1.5),
]);

/** Interjections and indignant phrases keep their sign whatever negator comes before them. */
export const NEGATION_IMMUNE: ReadonlySet<string> = new Set([
  ..."哈哈 嘻嘻 呵呵 嘿嘿 唉 哎 55 呜呜".split(" "),
  ...INDIGNANT.keys(),
]);

/** Words that merely look like sentiment (好像, 只好): they block a lexicon hit. */
export const BLOCKERS: ReadonlySet<string> = new Set(
  ("不一样 不同 不止 好像 只好 好多 好久 好几 好些 最好 正好 刚好 恰好 好在 好比 好歹 好似 好不 好吧 好了 好嘛 " +
    "好的 好啊 友好 好奇 好友 美国 美元 美金 美方 美军 美联储 欧美 爱国 可爱多 " +
    "好不容易 不好意思 不得不 不一定 不少 不久 不断 不停 不管 不论 不然 不仅 不但 不过 不如 " +
    "不得了 不是吗 无论 无关 非得 差不多 差点 差一点 有事 笑话 得了 了得 " +
    "高速 高铁 高考 高中 高校 高层 高温 低温 热搜 安全帽").split(" "),
);

function words(list: string, value: number): [string, number][] {
  return list.split(" ").map((w) => [w, value]);
}
