// The register of a text: does someone speak for themselves (我/你, modal particles, !, ~,
// emoticons), or does it inform (notices, schedules, news reports: 通知, 根据, 将于, 截至, dates,
// figures, 【headlines】)? Informing text is neutral unless it carries an evaluation, so the
// verdict asks for more evidence before it calls such a text positive or negative.
import { bracketValue } from "./emoticons";

/** Counts of the cues of each register found in a text; `closed`: it ends on a full stop. */
export type Register = { personal: number; informative: number; closed: boolean };

// First and second person, except the institutional 我市/我省/我院 of official notices.
// 大家 is left out: notices address 大家 too (请大家…).
const PERSON = /[我你您咱俺](?![市省县区镇乡村国军校院局委厅司部所行])|亲们|朋友们/g;
// Sentence-final modal particles and interjections carry a speaker's attitude.
const PARTICLE = /[啊呀吧呢嘛啦哈哦噢呜唉哎嘿耶咯哇嗯呐哼呵嘻]|滴说|的说|了(?=[,，。.!?~…\s]|$)/g;
// A degree adverb before a predicate (很快, 太差, 有点重, 挺舒服) grades something: an assessment.
const GRADED = /(?:很|太|挺|蛮|非常|特别|超级|十分|相当|比较|有点|有些|极其|真心|实在|(?<![\u4e00-\u9fff])好(?![的多少久几些像了好在比似处人事吧嘛啊运友奇])|超(?![过市出越级]))(?![多少久])[\u4e00-\u9fff]/g;
// Bracket codes count only when they are faces: [超话], [组图共3张] are platform furniture.
const EMOTIVE = /[!！~～]|\[([^\][\s]{1,8})\]|\p{Extended_Pictographic}/gu;
// The vocabulary of notices, announcements, warnings and news reports.
const NOTICE = new RegExp(
  "通知|公告|通告|告知书|须知|启事|特此|根据|依据|按照|为了进一步|将于|定于|截至|截止|届时|现将|如下|" +
    "获悉|据悉|据了解|记者|报道|消息|发布|公布|印发|通报|预警|预报|提醒|提示|发布会|举行|召开|启动|" +
    "实施|办理|咨询电话|联系电话|报名|地址|时间[:：]|地点|办法|规定|条例|第[一二三四五六七八九十百\\d]+[条章款]|" +
    "位于|成立于|始建|建于|创建于|简称|又称|亦称|俗称|称为|是指|指的是|属于|分为|" +
    "请(?:广大|大家|各位|市民|居民|群众|乘客|游客|家长|考生|相关|有关|及时|提前|配合|注意|携带|前往|于|在)",
  "g",
);
// Dates, times, counts and measures: reports are dense with figures.
const FIGURE = /\d+(?:[.:：]\d+)?\s*(?:年|月|日|号|时|点|分|%|％|万|亿|元|例|人|名|个|条|家|所|辆|起|次|km|公里|米|吨|度|℃|mm|毫米|级)/g;
const HEADLINE = /【[^】]{2,}】/g;
// Edited prose closes on one full stop; casual posts end bare, on 。。, a particle or a face.
const EDITED_CLOSE = /[^。.]。\s*$/;

function countEmotive(text: string): number {
  let n = 0;
  for (const m of text.matchAll(EMOTIVE)) if (m[1] === undefined || bracketValue(m[1]) !== undefined) n++;
  return n;
}

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Reads the register cues of normalised text. */
export function readRegister(text: string): Register {
  // A graded predicate is an evaluation in so many words, so it counts as two cues.
  const personal = count(text, PERSON) + count(text, PARTICLE) + countEmotive(text) + 2 * count(text, GRADED);
  const informative = count(text, NOTICE) + count(text, FIGURE) + count(text, HEADLINE);
  return { personal, informative, closed: EDITED_CLOSE.test(text) };
}
