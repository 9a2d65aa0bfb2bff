// Our own stopword list, written for Chinese public-opinion text (news, Weibo, forum posts). The
// part-of-speech filter already drops most particles, pronouns and numbers; this list catches what
// jieba tags as nouns or verbs yet says nothing about an event: reporting verbs, time words,
// platform furniture ("转发", "网页链接") and the set phrases of official announcements. Single
// characters are never keywords whatever this list says (see tokens.ts), but the common ones are
// listed too so that `segment()` drops them.

const GROUPS: readonly string[] = [
  // Particles, conjunctions, prepositions and pronouns (kept out of segment() output).
  `的 地 得 了 着 过 吗 呢 吧 啊 呀 哦 哟 嗯 嘛 啦 哈 么 之 而 且 与 及 或 和 跟 同 并 但 却 也 都 就 才
   还 又 再 在 于 对 把 被 让 给 从 向 往 由 为 以 因 如 若 则 即 等 这 那 此 其 该 各 每 某 本 我 你 您
   他 她 它 们 谁 啥 哪 很 太 更 最 不 没 无 非 是 有 将 要 会 能 可 个 一 上 下 中 里 后 前 内 外`,
  `我们 你们 他们 她们 它们 咱们 自己 大家 人家 别人 有人 有些 这个 那个 这些 那些 这样 那样 这里 那里
   这儿 那儿 这种 那种 这次 那次 这边 那边 什么 怎么 怎样 怎么样 为什么 为何 如何 哪里 哪些 多少 因为
   所以 但是 可是 而且 并且 或者 还是 如果 假如 虽然 尽管 然后 然而 不过 只是 就是 也是 还有 以及 以便
   由于 对于 关于 根据 按照 通过 为了 除了 随着 其中 其他 其它 之后 之前 以后 以前 之间 之一 以上 以下`,
  // Adverbs and fillers that jieba sometimes tags as verbs or nouns.
  `已经 正在 一直 一些 一个 一样 一起 一下 一种 一定 一般 一切 所有 任何 整个 可以 可能 应该 需要 必须
   能够 没有 不是 不能 不会 不要 不用 不再 不少 很多 许多 非常 特别 比较 十分 真的 其实 确实 甚至 直接
   当然 终于 居然 竟然 简直 好像 似乎 大概 也许 而已 罢了 越来越 进一步 有关 相关 有效 积极 全面 主要`,
  // Time words: when is stored with the item; as keywords they merge unrelated events.
  `今天 昨天 明天 前天 后天 今年 去年 明年 今日 昨日 近日 日前 近期 此前 此后 此次 本次 目前 现在 当时
   同时 以来 期间 时间 时候 时刻 上午 下午 中午 晚上 今晚 昨晚 凌晨 早上 傍晚 当天 当日 次日 周末 本周
   上周 下周 本月 上月 年初 年底 月底 最近 最新 刚刚 随后 届时`,
  // Reporting verbs and newsroom words.
  `表示 认为 指出 强调 提到 提出 称 说 说道 介绍 透露 告诉 回应 回复 报道 报导 记者 通讯员 编辑 责任编辑
   小编 作者 来源 消息 新闻 据悉 据了解 了解 获悉 日电 电讯 发布 发表 公布 宣布 通报 声明 文章 原文 全文
   稿件 栏目 本报 本台 本网 央视网 客户端 详情请 敬请`,
  // Social platform furniture: UI strings and repost chains copied into the text.
  `网友 博主 楼主 层主 粉丝 用户 转发 评论 点赞 收藏 分享 关注 取消关注 私信 置顶 热门 热搜 话题 超话
   视频 图片 原图 长图 直播 链接 网页链接 网页 点击 查看 展开 收起 详情 更多 微博 微信 公众号 朋友圈
   抖音 快手 头条 小红书 贴吧 知乎 哔哩哔哩 转载 侵删 来自 发帖 帖子 原帖 回帖 扩散 围观 吃瓜 哈哈 哈哈哈 呵呵
   嘻嘻 哇塞 卧槽 无语 求助 请问 谢谢 感谢 大神 老铁 兄弟 姐妹 家人们 宝宝 亲们`,
  // Generic verbs and nouns of everyday narration.
  `进行 开展 推进 加强 做好 作出 做出 发生 出现 存在 看到 看看 看见 听说 觉得 感觉 知道 希望 想要 想到
   觉得 发现 得到 成为 作为 属于 包括 带来 给予 实现 引起 导致 造成 继续 开始 结束 完成 采取 提供 保持
   事情 东西 地方 方面 情况 问题 事件 方式 过程 结果 原因 部分 部门 有关部门 相关部门 工作 人员 工作人员
   同志 人们 大量 数量 数字 内容 信息 方法 一方面 另一方面 总之 总的来说 比如 例如 像是 不仅 而是`,
];

/** The built-in stopwords (about 480 words, a hundred of them single characters). */
export const STOPWORDS: ReadonlySet<string> = new Set(GROUPS.flatMap((group) => group.split(/\s+/u)).filter(Boolean));
