// Posts written for the dedup tests (set in the fictional 青禾县 of the demo), with the kinds of
// copies reposting produces. No text here comes from any dataset.

/** An original post. */
export const ACCIDENT =
  "青禾县柳溪镇今天上午发生一起交通事故，一辆货车在文昌路口与电动车相撞，电动车驾驶人受轻伤已送医，交警提醒市民雨天出行注意减速慢行。";

/** The same post in traditional characters. */
export const ACCIDENT_TRADITIONAL =
  "青禾縣柳溪鎮今天上午發生一起交通事故，一輛貨車在文昌路口與電動車相撞，電動車駕駛人受輕傷已送醫，交警提醒市民雨天出行注意減速慢行。";

/** Copies of ACCIDENT as reposts, sites and copy-pasters make them. */
export const ACCIDENT_COPIES: Record<string, string> = {
  forwarded: `转发：${ACCIDENT}`,
  reprinted: `【转载】${ACCIDENT}（来源：青禾日报）`,
  editorTail: `${ACCIDENT} 责任编辑：王小明`,
  shortComment: `太吓人了，大家路上小心！//@青禾交警:${ACCIDENT}`,
  longComment: `昨天我也在那条路上差点被一辆车刮到，现在想起来还后怕，真希望那边多装几个红绿灯和减速带。//@青禾发布：${ACCIDENT}`,
  chain: `唉//@路人甲:注意安全//@青禾发布:${ACCIDENT}`,
  truncated: `${ACCIDENT.slice(0, 48)}……`,
  insertedAd: `${ACCIDENT.slice(0, 30)}关注公众号领取加油优惠券${ACCIDENT.slice(30)}`,
  punctuation: ACCIDENT.replace(/，/g, ", ").replace(/。/g, "!!"),
  withLink: `${ACCIDENT} https://t.cn/A6abc123?from=timeline&share=1`,
  emoticons: `[心][心]${ACCIDENT}[蜡烛]`,
  fullWidth: ACCIDENT.replace("一辆", "１辆").concat("ＯＫ"),
  traditional: ACCIDENT_TRADITIONAL,
};

/** Two different posts that share only a hashtag. */
export const FLOOD_WATER = "#青禾县防汛# 柳溪河水位今天下午超过警戒线，沿河村庄已组织转移，请大家不要靠近河边。";
/** The other post with that hashtag. */
export const FLOOD_SUPPLIES = "#青禾县防汛# 县应急管理局在文昌广场设立了物资发放点，受灾群众可以凭身份证领取饮用水。";

/** A different story on the same subject as ACCIDENT. */
export const OTHER_ACCIDENT =
  "青禾县解放街昨晚发生一起交通事故，一辆小轿车撞上路边护栏，司机饮酒后驾车已被交警带走调查，所幸没有人员受伤。";

/** A long mixed-script post. */
export const MIXED =
  "Qinghe County 青禾县 launches a new bus line: 3路公交车 from 文昌广场 to 柳溪镇, every 15 minutes, 票价２元。バス 버스 Автобус";
