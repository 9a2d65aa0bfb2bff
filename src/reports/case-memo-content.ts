// What an escalation memo (抄告单) says about a case, in words: the number, the case's items with
// their sources and links, the spread, the triage opinion and the proposed handling. Pure: built
// from the rows the store returns, the times written in the office's time zone.
import type { CasesTable, CaseStepsTable } from "../db/schema";
import type { MemoItemRow } from "../store/case-memos";

/** A memo's content, as the DOCX and the leader's phone page show it. */
export interface CaseMemoContent {
  /** 〔2026〕第N号 once printed, else null. */
  number: string | null;
  caseId: number; title: string; openedAt: string; firstPublishedAt: string | null; severity: string | null; category: string | null; summary: string;
  items: { id: number; title: string; sourceName: string; url: string | null; publishedAt: string | null; reposts: number }[];
  spread: { items: number; reposts: number; eventTitle: string | null; eventSize: number | null; text: string };
  triageOpinion: string | null;
  proposedHandling: string;
  instruction: string | null;
}

const SEVERITY_ZH: Record<string, string> = { general: "一般", significant: "较大", major: "重大" };

/** A memo number as printed. */
export function memoNumber(year: number, seq: number): string {
  return `〔${year}〕第${seq}号`;
}

/** A moment as the office reads it: 2026-07-01 09:00. */
export function officeTime(ms: number, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(ms).map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Everything the memo reads, from the store. */
export interface CaseMemoInput {
  c: CasesTable; coUnitIds: number[]; steps: CaseStepsTable[]; items: MemoItemRow[]; event: { title: string; size: number } | null;
  unitNames: ReadonlyMap<number, string>; number: string | null; timeZone: string;
}

/** The memo's content. */
export function caseMemoContent(m: CaseMemoInput): CaseMemoContent {
  const { c, timeZone: tz } = m;
  const items = m.items.map((i) => ({
    id: i.id, title: i.title, sourceName: i.source_name, url: i.url, publishedAt: i.published_at == null ? null : officeTime(i.published_at, tz),
    reposts: Math.max(0, i.group_size - 1),
  }));
  // A repost group counts once however many of its members the case holds.
  const groups = new Map<string, number>();
  for (const i of m.items) if (i.dup_group) groups.set(i.dup_group, Math.max(0, i.group_size - 1));
  const reposts = [...groups.values()].reduce((a, b) => a + b, 0);
  const spreadParts = [`关联信息 ${items.length} 条`, `被转载 ${reposts} 次`];
  if (m.event) spreadParts.push(`所属事件「${m.event.title}」共 ${m.event.size} 条信息`);
  const lastText = (kind: string) => [...m.steps].reverse().find((s) => s.kind === kind && s.text)?.text ?? null;
  const published = m.items.map((i) => i.published_at).filter((x): x is number => x != null);
  const name = (id: number | null) => (id == null ? null : m.unitNames.get(id) ?? `#${id}`);
  const lead = name(c.unit_id);
  const suggested = name(c.suggested_unit_id);
  const co = m.coUnitIds.map((u) => name(u)!).join("、");
  let handling = lead ? `建议由${lead}牵头核查处置` : suggested ? `建议由${suggested}（路由建议）牵头核查处置` : "建议明确牵头单位后核查处置";
  if (co) handling += `，${co}协办`;
  const dues: string[] = [];
  if (c.feedback_due_at != null) dues.push(`${officeTime(c.feedback_due_at, tz)}前反馈核查情况`);
  if (c.reply_due_at != null) dues.push(`${officeTime(c.reply_due_at, tz)}前回应社会关切`);
  handling += dues.length ? `；请于${dues.join("，")}。` : "。";
  return {
    number: m.number, caseId: c.id, title: c.title, openedAt: officeTime(c.created_at, tz),
    firstPublishedAt: published.length ? officeTime(Math.min(...published), tz) : null, severity: c.severity ? SEVERITY_ZH[c.severity] ?? c.severity : null,
    category: c.category, summary: c.summary, items,
    spread: { items: items.length, reposts, eventTitle: m.event?.title ?? null, eventSize: m.event?.size ?? null, text: `${spreadParts.join("，")}。` },
    triageOpinion: lastText("triage"), proposedHandling: handling, instruction: lastText("instruct"),
  };
}
