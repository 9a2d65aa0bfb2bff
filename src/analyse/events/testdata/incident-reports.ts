// Reports of a few incidents, written for the event tests (no text comes from any dataset): two
// fires in different towns on the same morning and a follow-up on one of them, road works on two
// roads and a reply about one, and two stories from one school. Pairs share their topic's words
// (火灾, 施工, 家长 …) but not their incident.
import type { PipelineItem } from "../../pipeline";

/** A report: title and text as a feed gives them. */
export type Report = { title: string; text: string };

/** A furniture factory on fire in 浪河镇. */
export const FIRE_LANGHE: Report = {
  title: "浪河镇一家具厂凌晨起火",
  text: "今天凌晨三点，浪河镇工业园一家家具厂突发火灾，浓烟滚滚，消防员赶到后扑救两个小时才控制火势，起火原因正在调查。",
};

/** Market stalls on fire in 河东乡, the same morning. */
export const FIRE_HEDONG: Report = {
  title: "河东乡农贸市场发生火灾",
  text: "今天凌晨，河东乡农贸市场一排商铺起火，消防员赶到现场扑救，大火烧毁了十多间商铺，起火原因正在调查。",
};

/** The follow-up on the 浪河镇 fire: its casualties. */
export const FIRE_LANGHE_CASUALTIES: Report = {
  title: "浪河镇家具厂火灾造成两人死亡",
  text: "浪河镇工业园家具厂火灾事故已造成两人死亡、三人受伤，伤者已送往医院救治，家具厂负责人已被警方控制。",
};

/** Road works stalled on 滨河路. */
export const WORKS_BINHE: Report = {
  title: "滨河路施工围挡半年不见动工",
  text: "滨河路施工围挡已经半年了，围挡把路占了一半，里面却不见工人，渣土车一过路上全是泥，附近居民出行很不方便。",
};

/** Road works dug up again on 解放路 (its report names no place jieba knows). */
export const WORKS_JIEFANG: Report = {
  title: "解放路修了拆拆了修",
  text: "解放路去年刚修好，今年又开挖施工，围挡占了一半车道，渣土车一过路上全是泥，附近居民出行很不方便。",
};

/** The contractor's reply about 滨河路. */
export const WORKS_BINHE_REPLY: Report = {
  title: "滨河路围挡施工有了时间表",
  text: "针对滨河路施工围挡半年不见动工的问题，施工单位回应称资金已经到位，下月复工，年底前完成滨河路管网改造。",
};

/** Paid tutoring by a teacher of 城关中学. */
export const TUTORING_FEE: Report = {
  title: "老师周末有偿补课",
  text: "城关中学一名老师周末在家开补习班，每月收费八百元，不去补课的学生上课被冷落，家长敢怒不敢言。",
};

/** The same school's new canteen opening to parents. */
export const CANTEEN_OPENING: Report = {
  title: "新食堂开放家长陪餐",
  text: "城关中学新食堂投入使用，家长可以预约陪餐，两荤两素一汤，每天公示菜谱，孩子们吃上了热乎饭。",
};

const HOUR = 3_600_000;
/** A fixed start time (2025-03-03 08:00 +08:00) so that tests never read the clock. */
export const T0 = Date.UTC(2025, 2, 3, 0, 0, 0);

/** A report as a pipeline item published `hours` after T0. */
export function itemOf(r: Report, id: number, hours: number): PipelineItem {
  return { id, title: r.title, text: r.text, source: "", publishedAt: T0 + hours * HOUR };
}

/** A repost of a report with a reposter's comment in front, as an item. */
export function repostOf(r: Report, id: number, hours: number, comment = "求扩散"): PipelineItem {
  return { id, title: `转发：${r.title}`, text: `${comment} //@网友：${r.text}`, source: "", publishedAt: T0 + hours * HOUR };
}

/** The county's road-closure notice, filled in for one road and then another: near-identical text, two incidents. */
export function closureNotice(road: string): Report {
  return {
    title: `关于${road}部分路段封闭施工的通告`,
    text: `因${road}雨污管网改造，自三月十日起对${road}部分路段封闭施工，工期约二十天。施工期间过往车辆请绕行，行人请走临时便道，公交线路同步调整，请留意站点公告。由此带来的不便，敬请谅解。`,
  };
}

/**
 * Broken traffic lights at four intersections of a ring of roads (人民路–文昌路–滨河路–建设路):
 * each shares one road with the next and with the one before, in words a resident might choose.
 */
export const BROKEN_LIGHTS: readonly Report[] = [
  {
    title: "人民路和文昌路路口红绿灯坏了三天没人修",
    text: "人民路和文昌路路口的红绿灯坏了三天，一直闪黄灯，早高峰车和行人抢道，差点撞上，打了热线也没人来修。",
  },
  {
    title: "文昌路与滨河路交叉口信号灯不亮",
    text: "文昌路与滨河路交叉口的信号灯从前天晚上就不亮了，路口全靠司机自觉，学生过马路太危险，希望交警尽快来修红绿灯。",
  },
  {
    title: "滨河路建设路路口红绿灯坏了没人管",
    text: "滨河路和建设路路口红绿灯坏了好几天，没人管也没人修，车辆乱成一团，晚上更危险，请有关部门赶紧处理。",
  },
  {
    title: "建设路人民路十字路口红绿灯罢工",
    text: "建设路和人民路十字路口的红绿灯罢工了，一直不亮，上下班时间堵成一锅粥，行人不敢过马路，这么久了还没人修。",
  },
];
