// Words that name what a text is about rather than what its author thinks of it. In plain,
// impersonal text (a notice, a report) they weigh no more than a topic word: 停电 in an outage
// notice is news, 停电 in 又停电了!! is a complaint. Written by hand for Tingfeng.

/** Events and conditions a notice or a report names: weather, outages, works, accidents, illness, cases. */
export const EVENT_WORDS: ReadonlySet<string> = new Set(
  ("停电 停水 断电 断水 断网 停气 施工 维修 检修 抢修 封路 管制 交通管制 绕行 改道 停运 停航 停课 停工 停产 " +
    "暴雨 大雨 暴雪 大雪 降温 寒潮 大风 台风 冰雹 高温 雷电 雷暴 洪水 洪涝 洪灾 内涝 积水 干旱 旱灾 地震 " +
    "泥石流 山体滑坡 滑坡 塌方 火灾 起火 失火 大火 火情 事故 安全事故 交通事故 车祸 撞车 追尾 侧翻 意外 险情 " +
    "隐患 警情 事发 灾情 受灾 灾害 感染 感染者 发热 发烧 咳嗽 高烧 低烧 症状 腹泻 病情 重症 危重 住院 死亡 " +
    "身亡 遇难 伤亡 死伤 受伤 伤者 伤员 去世 逝世 病逝 死亡病例 传染 传播 扩散 蔓延 爆发 违法 违规 违章 " +
    "违建 违纪 非法 涉嫌 被查 落马 立案 处分 嫌疑人 盗窃 诈骗 电信诈骗 拥堵 堵车 噪音 污染 延期 推迟 " +
    "取消 辟谣 谣言 谣传 不实 通报 预警 紧急 告急 失联 失踪 被困 滞留 救援 救治 抢救 急救 罚款 处罚 " +
    "重罚 严惩 严查 彻查 整治 问责 追责 调查 曝光 投诉 举报 纠纷 事故原因 危险 危机 风险").split(" "),
);

/** Positive-looking words that mostly describe (可以 "may", 第一 "first", 专业 "major") in plain text. */
export const DESCRIPTIVE_WORDS: ReadonlySet<string> = new Set(
  ("可以 第一 一般 专业 安全 健康 正常 免费 保护 加强 负责 及时 主动 积极 毕业 旅游 旅行 结婚 出生 开学 " +
    "复工 复产 复学 恢复 保障 支援 援助 捐赠 捐款 捐献 志愿者 志愿 获奖 荣获 表彰 奖励 录取 成功 完成 " +
    "优惠 补贴 补助 减免 推荐 分享 落实 整改 改进 优化 规范 有序 稳定 合理 透明 便民 惠民 服务 发展 " +
    "提高 提升 增长 改善 方便 便捷 新鲜 控制住 得到控制 有效控制 康复 出院 治愈 痊愈 解封 清零").split(" "),
);
