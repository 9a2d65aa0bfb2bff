// Times as list pages print them: a site-specific format ("YYYY年MM月DD日"), bare local dates, or
// relative Chinese phrases (刚刚, 5分钟前, 昨天 12:30). Local times are read in the office zone.
import { parseFeedDate } from "./parse-date";
import { localParts } from "../shared/working-calendar";

/** What reading a time needs besides the text. */
export interface TimeContext { timeZone: string; now: number; format?: string | null }

interface Wall { y: number; mo: number; d: number; h: number; mi: number; s: number }

/** The wall-clock fields of `ms` in `timeZone` (one cached formatter per zone, shared with the calendar). */
function wallOf(ms: number, timeZone: string): Wall {
  return localParts(ms, timeZone);
}

/** The instant whose wall clock in `timeZone` shows `w`; null for impossible dates. */
export function zonedTime(w: Wall, timeZone: string): Date | null {
  if (w.mo < 1 || w.mo > 12 || w.d < 1 || w.d > 31 || w.h > 23 || w.mi > 59 || w.s > 59) return null;
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  if (new Date(asUtc).getUTCDate() !== w.d) return null;
  let guess = asUtc;
  // Two rounds settle the offset even across a DST change.
  for (let i = 0; i < 2; i++) {
    const seen = wallOf(guess, timeZone);
    guess += asUtc - Date.UTC(seen.y, seen.mo - 1, seen.d, seen.h, seen.mi, seen.s);
  }
  return new Date(guess);
}

const TOKENS: Record<string, keyof Wall> = { YYYY: "y", MM: "mo", M: "mo", DD: "d", D: "d", HH: "h", H: "h", mm: "mi", ss: "s" };

/** Reads `text` with a format of YYYY, MM, DD, HH, mm, ss tokens (M, D, H unpadded); a missing year is this year. */
export function parseWithFormat(text: string, format: string, ctx: TimeContext): Date | null {
  const fields: Array<keyof Wall> = [];
  const pattern = format.replace(/YYYY|MM|DD|HH|mm|ss|M|D|H|[.*+?^${}()|[\]\\]/g, (tok) => {
    const field = TOKENS[tok];
    if (!field) return `\\${tok}`;
    fields.push(field);
    return field === "y" ? "(\\d{4})" : "(\\d{1,2})";
  }).replace(/\s+/g, "\\s*");
  const m = new RegExp(pattern).exec(text);
  if (!m) return null;
  const today = wallOf(ctx.now, ctx.timeZone);
  const w: Wall = { y: today.y, mo: 1, d: 1, h: 0, mi: 0, s: 0 };
  fields.forEach((f, i) => { w[f] = Number(m[i + 1]); });
  const d = zonedTime(w, ctx.timeZone);
  // "05-01 10:00" printed in January means last year.
  if (d && !fields.includes("y") && d.getTime() > ctx.now + 86_400_000) return zonedTime({ ...w, y: w.y - 1 }, ctx.timeZone);
  return d;
}

const UNITS: Record<string, number> = { 秒: 1000, 秒钟: 1000, 分钟: 60_000, 分: 60_000, 小时: 3_600_000, 个小时: 3_600_000, 天: 86_400_000, 周: 604_800_000, 星期: 604_800_000, 个星期: 604_800_000 };
const DAYS_BACK: Record<string, number> = { 今天: 0, 昨天: 1, 前天: 2 };

function relative(text: string, ctx: TimeContext): Date | null {
  if (/^(刚刚|刚才)/.test(text)) return new Date(ctx.now);
  if (/^半(个)?小时前/.test(text)) return new Date(ctx.now - 1_800_000);
  const ago = /^(\d+)\s*(秒钟|秒|分钟|分|个小时|小时|天|个星期|星期|周)前/.exec(text);
  if (ago) return new Date(ctx.now - Number(ago[1]) * UNITS[ago[2]]);
  // Months and years back are calendar steps in the office zone (the day clamped to the month's end).
  const far = /^(\d+)\s*(个月|月|年)前/.exec(text);
  if (far) {
    const w = wallOf(ctx.now, ctx.timeZone);
    const months = Number(far[1]) * (far[2] === "年" ? 12 : 1);
    const index = w.y * 12 + (w.mo - 1) - months;
    const y = Math.floor(index / 12);
    const mo = (index % 12) + 1;
    const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return zonedTime({ ...w, y, mo, d: Math.min(w.d, lastDay) }, ctx.timeZone);
  }
  const day = /^(今天|昨天|前天)\s*(?:(\d{1,2})[:：](\d{2}))?/.exec(text);
  if (day) {
    const today = wallOf(ctx.now - DAYS_BACK[day[1]] * 86_400_000, ctx.timeZone);
    return zonedTime({ ...today, h: Number(day[2] ?? 0), mi: Number(day[3] ?? 0), s: 0 }, ctx.timeZone);
  }
  return null;
}

const LOCAL_FORMATS = ["YYYY-M-D H:mm:ss", "YYYY-M-D H:mm", "YYYY/M/D H:mm", "YYYY年M月D日 H:mm", "YYYY年M月D日", "YYYY-M-D", "YYYY/M/D", "YYYY.M.D", "M-D H:mm", "M月D日 H:mm"];

/** The instant a list page's time text means, or null when it cannot be read. */
export function parseListTime(raw: string | null | undefined, ctx: TimeContext): Date | null {
  const text = (raw ?? "").replace(/\s+/g, " ").trim();
  if (text === "") return null;
  // Sites print 5分钟前 for new posts and a date for older ones, so relative phrases are read even with a format.
  const rel = relative(text, ctx);
  if (rel) return rel;
  if (ctx.format) return parseWithFormat(text, ctx.format, ctx);
  // A zone in the text (ISO 8601, RFC 822) wins over the office zone.
  if (/(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)$/.test(text) || /[A-Za-z]{3},/.test(text)) return parseFeedDate(text);
  for (const f of LOCAL_FORMATS) {
    const d = parseWithFormat(text, f, ctx);
    if (d) return d;
  }
  return parseFeedDate(text);
}
