// Everyday life as people post about it: the body, chores, commuting, money, study and work,
// with the small joys and small miseries that carry most short posts. Written by hand.
import type { WeightTable } from "./types";

/** Small joys: getting paid, freedom, rest, food, good news from friends. */
export const EVERYDAY_POSITIVE: WeightTable = {
  "1.2": "到账 发工资 涨工资 加薪 升职 奖金 年终奖 红包 抢到 中签 摇到号 放假了 放学 下班了 " +
    "自由 好自由 有心 贴心 更好 变好 好起来 会好的 一切都会好 越来越棒 瘦了 变瘦 减肥成功 " +
    "好吃到 好喝 真香 吃饱 睡好 睡个好觉 美美地 懒觉 赖床 晒太阳 看海 看雪 逛街 买买买 " +
    "约会 表白成功 脱单 领证 结婚 新婚 求婚 怀孕 添丁 出生 满月 百天 周岁 毕业 录用 offer " +
    "转正 考过 通过了 及格了 拿到 搞定了 完成了 大功告成 圆满完成 收工 打卡成功 " +
    "有用 很有用 受用 管用 见效 奏效 灵 灵验 相信 信任 坚信 一定行 一定可以 必胜",
  "0.6": "晒 晒一下 分享 打卡 纪念 回忆 怀旧 有意思的 好奇心 期盼 等你们 等你 欢迎回来 回来了 来了",
};

/** Small miseries: illness, insects, noise, chores, deadlines, money trouble. */
export const EVERYDAY_NEGATIVE: WeightTable = {
  "-2": "吃翔 哔了狗 杂碎 棺材 猥琐 小人 变态 活该 耻辱 耻辱柱 瞎了 瞎 拖后腿 爆粗口 不让活 " +
    "让不让活 要疯了 疯了 快疯了 逼疯 气疯 发疯 抓狂了 崩溃了 想骂人 骂娘 揪心 闹肚子 上吐下泻",
  "-1.2": "拉肚子 腹泻 肚子痛 肚子疼 胃痛 牙痛 嗓子痛 喉咙痛 肿 红肿 发炎 智齿 痘痘 长痘 过敏了 " +
    "蚊子 咬 被咬 失眠了 熬夜了 没睡好 睡不好 睡眠不足 黑眼圈 起不来 起不了床 迟到了 " +
    "拮据 没钱了 穷死 吃土 欠款 房贷 车贷 还贷 账单 扣工资 罚钱 被罚 罚单 贴罚单 " +
    "瑟瑟发抖 发抖 忍耐 忍 极限 淹没 压力 压力大 好大压力 焦头烂额 手忙脚乱 一团糟 乱糟糟 " +
    "作业 写不完 做不完 赶工 赶稿 deadline ddl 考试周 期末考 补考 重修 挂科了 " +
    "摔坏 弄坏 坏掉 碎了 丢失 被偷了 忘记 忘了带 没收到 收不到 还没到 没到 没发货 不发货 " +
    "刷不了 打不开 登不上 上不去 进不去 看不了 用不了 连不上 断了 卡死 黑屏 蓝屏 没水 " +
    "没电了 停电了 停水了 漏雨 走好 不在了 不存在 不见 没人 一个人 孤身 独自 " +
    "没意思 无趣 闷 郁 心情不好 心情差 心情低落 情绪低落 不在状态 没状态 状态不好 " +
    "拖 拖延症 懒 犯懒 胖 胖了 又胖了 长肉 秃头 头发掉 掉光 老了 变老 衰老",
};
