// Every figure of a daily digest, a 7-day periodic digest and a quarterly summary equals the same figure
// recounted here from the database (plain SQL, or a replay of the case timeline); a figure with no recount
// fails the test. A past day regenerated after later replies, closings and board answers gives the same
// figures, and the wall and the digests agree on which cases were overdue at a moment.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import type { ReportContent, ReportSpec } from "../../shared/report-types";
import type { Actor } from "../../store/audit";
import { createReportDraft } from "../../reports/service";
import { officeCalendar } from "../../cases/calendar";
import { isOverdueAt, openCase, takeStep } from "../../cases/commands";
import { CASE_STEPS, type CaseStepInput } from "../../cases/workflow";
import { casesOverdueAt } from "../../store/report-data";
import { wallCases } from "../../store/wall";
import { listCases } from "../../store/cases";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const cst = (s: string) => Date.parse(`${s}+08:00`);
const DAY = 86_400_000;
const actor: Actor = { id: 1, username: "值班员", role: "admin", unitId: null };

/** Items over 2026-06-17…07-01, alerts, units, cases with their timelines and board messages; the later changes of 07-02 apart. */
async function seeded() {
  t = await createTestApp({ timeZone: "Asia/Shanghai", publicUrl: "https://yq.example.gov.cn" });
  const { db, config } = t;
  const now = cst("2026-06-01T00:00:00");
  const src = (name: string) =>
    Number(db.prepare("INSERT INTO sources (name, kind, url, interval_seconds, enabled, created_at, updated_at) VALUES (?, 'rss', ?, 600, 1, ?, ?)")
      .run(name, `https://example.org/${encodeURIComponent(name)}.xml`, now, now).lastInsertRowid);
  const sources = [src("青禾微博"), src("青禾新闻网"), src("禾溪论坛")];
  const sentiments = ["neg", "neu", "pos", null, "neu", "neg"];
  let n = 0;
  for (let d = 0; d < 15; d++) {
    for (let i = 0; i < 3 + (d % 4); i++) {
      n++;
      const at = cst("2026-06-17T01:00:00") + d * DAY + i * 5 * 3_600_000;
      db.prepare(
        `INSERT INTO items (source_id, dedup_key, content_hash, title, text, published_at, fetched_at, sentiment, sentiment_score, analysed_at)
         VALUES (?, ?, ?, ?, '正文', ?, ?, ?, ?, ?)`,
      ).run(sources[n % 3], `k${n}`, `h${n}`, `信息${n}`, n % 5 === 0 ? null : at, at + 60_000, sentiments[n % 6], -n / 100, at + 60_000);
    }
  }
  const alert = (sev: string, at: string) =>
    db.prepare("INSERT INTO alerts (severity, title, reason, fold_key, created_at) VALUES (?, '预警', '命中', ?, ?)").run(sev, `k${at}`, cst(at));
  alert("major", "2026-07-01T09:00:00");
  alert("significant", "2026-07-01T10:00:00");
  alert("general", "2026-07-01T15:00:00");
  alert("general", "2026-06-28T15:00:00");
  alert("significant", "2026-06-20T15:00:00");

  const unit = (name: string) => Number(db.prepare("INSERT INTO units (name, created_at) VALUES (?, ?)").run(name, now).lastInsertRowid);
  const u1 = unit("青禾县教育局");
  const u2 = unit("青禾县住建局");
  const cal = officeCalendar(db, config);
  // Severity "major": feedback due 2 hours, reply due 6 hours after opening.
  const open = (title: string, at: string, unitId: number) =>
    openCase(db, cal, { title, itemIds: [], severity: "major", unitId, origin: "manual" }, actor, null, cst(at));
  const step = (id: number, kind: CaseStepInput["kind"], at: string) => {
    const out = takeStep(db, cal, id, { kind, text: "办理", unitId: undefined }, actor, null, cst(at));
    if (!out.ok) throw new Error(`${kind} on #${id}: ${out.code}`);
  };
  const handle = (id: number, times: Partial<Record<"assign" | "accept" | "reply" | "close", string>>) => {
    for (const k of ["assign", "accept", "reply", "close"] as const) if (times[k]) step(id, k, times[k]!);
  };
  // D: feedback given late (flag fixed), replied in time, closed later.
  const d = open("D 反馈超期", "2026-06-29T10:00:00", u2);
  handle(d, { assign: "2026-06-29T13:00:00", accept: "2026-06-29T13:10:00", reply: "2026-06-29T14:00:00" });
  // G: in time, closed in the day.
  const g = open("G 按期办结", "2026-06-30T09:00:00", u1);
  handle(g, { assign: "2026-06-30T09:30:00", accept: "2026-06-30T09:45:00", reply: "2026-06-30T12:00:00", close: "2026-07-01T10:00:00" });
  // C: accepted in time, reply deadline (06-30 16:00) missed; replied later.
  const c = open("C 回应超期", "2026-06-30T10:00:00", u2);
  handle(c, { assign: "2026-06-30T10:30:00", accept: "2026-06-30T11:00:00" });
  // B: opened in the day, feedback deadline (10:00) missed; handled the day after.
  const b = open("B 未反馈", "2026-07-01T08:00:00", u1);
  // A: opened, replied and closed in the day, in time.
  const a = open("A 当日办结", "2026-07-01T09:00:00", u1);
  handle(a, { assign: "2026-07-01T09:10:00", accept: "2026-07-01T09:30:00", reply: "2026-07-01T12:00:00", close: "2026-07-01T14:00:00" });
  // E: opened late in the day, nothing due yet at its end.
  const e = open("E 晚间新建", "2026-07-01T23:00:00", u2);

  let q = 0;
  const message = (at: string, status: string, acceptedAt: string | null, answeredAt: string | null, unitId: number | null = u1) =>
    Number(db.prepare(
      `INSERT INTO board_messages (query_code, category, unit_id, title, text, status, due_at, answer_text, answered_at, created_at, accepted_at, updated_at)
       VALUES (?, 'consult', ?, '留言', '正文', ?, ?, ?, ?, ?, ?, ?)`,
    ).run(`Q${++q}`, unitId, status, acceptedAt ? cst(acceptedAt) + 5 * DAY : null, answeredAt ? "答复" : null, answeredAt ? cst(answeredAt) : null,
      cst(at), acceptedAt ? cst(acceptedAt) : null, cst(at)).lastInsertRowid);
  const reject = (id: number, at: string) => {
    db.prepare("UPDATE board_messages SET status = 'rejected' WHERE id = ?").run(id);
    db.prepare("INSERT INTO board_steps (message_id, at, user_name, kind, text) VALUES (?, ?, '审核员', 'rejected', '不予受理')").run(id, cst(at));
  };
  message("2026-07-01T09:00:00", "answered", "2026-07-01T09:00:00", "2026-07-01T15:00:00");
  message("2026-07-01T10:00:00", "accepted", "2026-07-01T10:30:00", null);
  message("2026-07-01T11:00:00", "held", null, null);
  const m4 = message("2026-07-01T12:00:00", "accepted", "2026-07-01T12:10:00", null, u2);
  message("2026-06-30T12:00:00", "answered", "2026-06-30T13:00:00", "2026-07-01T08:00:00");
  const m6 = message("2026-07-01T13:00:00", "accepted", "2026-07-01T13:05:00", null);
  const m7 = message("2026-07-01T14:00:00", "accepted", "2026-07-01T14:05:00", null);
  reject(m7, "2026-07-01T16:00:00");
  message("2026-06-10T14:00:00", "answered", "2026-06-10T14:05:00", "2026-06-20T10:00:00", u2);

  /** What happens on 07-02: every case handled or closed, board messages answered or rejected. */
  const later = () => {
    handle(b, { assign: "2026-07-02T09:00:00", accept: "2026-07-02T09:10:00", reply: "2026-07-02T09:20:00", close: "2026-07-02T09:30:00" });
    step(c, "reply", "2026-07-02T10:00:00");
    step(d, "close", "2026-07-02T10:30:00");
    step(e, "assign", "2026-07-02T11:00:00");
    step(a, "reopen", "2026-07-02T11:30:00");
    db.prepare("UPDATE alerts SET acknowledged_at = ? WHERE created_at >= ?").run(cst("2026-07-02T08:00:00"), cst("2026-07-01T00:00:00"));
    open("F 次日新建", "2026-07-02T08:00:00", u1);
    db.prepare("UPDATE board_messages SET status = 'answered', answered_at = ?, answer_text = '答复' WHERE id = ?").run(cst("2026-07-02T09:00:00"), m4);
    reject(m6, "2026-07-02T10:00:00");
  };
  return { db, config, later, ids: { a, b, c, d, e, g } };
}

/** Every figure of a content by `section.figure`. */
const figuresOf = (c: ReportContent): Map<string, number> => {
  const m = new Map<string, number>();
  for (const s of c.sections) for (const b of s.blocks) if (b.type === "figures") for (const f of b.figures) m.set(`${s.key}.${f.key}`, f.value);
  return m;
};

interface CaseRow { id: number; state: string; created_at: number; feedback_due_at: number | null; reply_due_at: number | null; replied_at: number | null; closed_at: number | null; overdue: number }
interface StepRow { at: number; kind: string; from_state: string | null; to_state: string }

/** Recounts, independently of the report code: SQL counts, and overdue by replaying each case's timeline through isOverdueAt. */
function recounter(db: TestApp["db"]) {
  const one = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
  const items = (start: number, end: number, where = "") =>
    one(`SELECT count(*) AS n FROM items WHERE coalesce(published_at, fetched_at) >= ? AND coalesce(published_at, fetched_at) < ? ${where}`, start, end);
  const share = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : 0);
  const workflowKinds = new Set(Object.keys(CASE_STEPS));
  /** Ids of the cases overdue at `at`, as they stood then. */
  const overdueIds = (at: number): number[] =>
    (db.prepare("SELECT * FROM cases WHERE created_at < ? ORDER BY id").all(at) as CaseRow[]).filter((c) => {
      const steps = db.prepare("SELECT at, kind, from_state, to_state FROM case_steps WHERE case_id = ? AND at < ? ORDER BY at, id").all(c.id, at) as StepRow[];
      const state = steps.at(-1)?.to_state ?? c.state;
      const asOf = (s: string, when: number) =>
        isOverdueAt({ state: s, feedback_due_at: c.feedback_due_at, reply_due_at: c.reply_due_at, replied_at: s === "replied" ? 1 : null }, when);
      if (state === "closed") return false;
      return asOf(state, at) || steps.some((s) => workflowKinds.has(s.kind) && s.from_state != null && asOf(s.from_state, s.at));
    }).map((c) => c.id);
  /** A board message's rejection time, if any. */
  const rejectedAt = (id: number) => db.prepare("SELECT min(at) FROM board_steps WHERE message_id = ? AND kind = 'rejected'").pluck().get(id) as number | null;
  const board = (start: number, end: number) => {
    const rows = db.prepare("SELECT id, created_at, accepted_at, answered_at FROM board_messages").all() as { id: number; created_at: number; accepted_at: number | null; answered_at: number | null }[];
    const acceptedAtEnd = (m: (typeof rows)[number]) => m.accepted_at != null && m.accepted_at < end && !((rejectedAt(m.id) ?? Infinity) < end);
    const received = rows.filter((m) => m.created_at >= start && m.created_at < end);
    return {
      boardReceived: received.length,
      boardAccepted: received.filter(acceptedAtEnd).length,
      boardAnswered: rows.filter((m) => m.answered_at != null && m.answered_at >= start && m.answered_at < end).length,
      boardPending: rows.filter((m) => acceptedAtEnd(m) && (m.answered_at == null || m.answered_at >= end)).length,
    };
  };
  /** The recount of each digest figure over [start, end) with the previous period as long. */
  const digest = (start: number, end: number): Record<string, number> => {
    const prev = start - (end - start);
    const total = items(start, end);
    const neg = items(start, end, "AND sentiment = 'neg'");
    const alerts = (sev?: string) => one(`SELECT count(*) AS n FROM alerts WHERE created_at >= ? AND created_at < ?${sev ? " AND severity = ?" : ""}`, start, end, ...(sev ? [sev] : []));
    const casesNew = one("SELECT count(*) AS n FROM cases WHERE created_at >= ? AND created_at < ?", start, end);
    const b = board(start, end);
    return {
      "overview.total": total, "overview.previousTotal": items(prev, start), "overview.neg": neg, "overview.negShare": share(neg, total),
      "overview.alerts": alerts(), "overview.casesNew": casesNew,
      "sentiment.sentimentNeg": neg, "sentiment.sentimentNeu": items(start, end, "AND sentiment = 'neu'"),
      "sentiment.sentimentPos": items(start, end, "AND sentiment = 'pos'"), "sentiment.sentimentNone": items(start, end, "AND sentiment IS NULL"),
      "alerts.alerts_major": alerts("major"), "alerts.alerts_significant": alerts("significant"), "alerts.alerts_general": alerts("general"),
      "cases.casesNew": casesNew, "cases.casesClosed": one("SELECT count(DISTINCT case_id) AS n FROM case_steps WHERE kind = 'close' AND at >= ? AND at < ?", start, end),
      "cases.casesOverdue": overdueIds(end).length,
      ...Object.fromEntries(Object.entries(b).map(([k, v]) => [`board.${k}`, v])),
    };
  };
  /** The recount of each summary figure of cases and messages created in [start, end), judged at `end`. */
  const summary = (start: number, end: number): Record<string, number> => {
    const inPeriod = "created_at >= @start AND created_at < @end";
    const q = (sql: string) => (db.prepare(sql).get({ start, end }) as { n: number }).n;
    const cases = q(`SELECT count(*) AS n FROM cases WHERE ${inPeriod}`);
    const repliedWhere = "(replied_at IS NOT NULL OR state = 'closed')";
    const replied = q(`SELECT count(*) AS n FROM cases WHERE ${inPeriod} AND ${repliedWhere}`);
    const onTime = q(`SELECT count(*) AS n FROM cases WHERE ${inPeriod} AND ${repliedWhere} AND (reply_due_at IS NULL OR coalesce(replied_at, closed_at) <= reply_due_at)`);
    const pastDue = "state <> 'closed' AND replied_at IS NULL AND reply_due_at IS NOT NULL AND reply_due_at < @end";
    const openPastDue = q(`SELECT count(*) AS n FROM cases WHERE ${inPeriod} AND ${pastDue}`);
    return {
      "overview.cases": cases, "overview.replied": replied, "overview.repliedRate": share(replied, cases),
      "overview.onTimeRate": share(onTime, replied + openPastDue),
      "overview.overdue": q(`SELECT count(*) AS n FROM cases WHERE ${inPeriod} AND (overdue = 1 OR (${pastDue}))`),
      "overview.boardValid": q(`SELECT count(*) AS n FROM board_messages WHERE ${inPeriod} AND status IN ('accepted', 'answered')`),
      "overview.boardAnswered": q(`SELECT count(*) AS n FROM board_messages WHERE ${inPeriod} AND status = 'answered'`),
    };
  };
  return { digest, summary, overdueIds };
}

/** Asserts that the content's figures are exactly the recounted ones: same keys, same values. */
function expectAllRecounted(content: ReportContent, recount: Record<string, number>) {
  const got = figuresOf(content);
  const withoutRecount = [...got.keys()].filter((k) => !(k in recount));
  expect(withoutRecount, "figures with no recount").toEqual([]);
  expect(Object.fromEntries(got)).toEqual(recount);
}

describe("report figures", () => {
  it("every figure of a daily, a 7-day periodic digest and a quarterly summary equals its recount", async () => {
    const { db, config, ids } = await seeded();
    const r = recounter(db);
    const draft = async (spec: ReportSpec) => (await createReportDraft(db, config, spec, null, { trigger: "manual", now: cst("2026-07-02T00:30:00") })).report.content;

    const daily = await draft({ kind: "daily", date: "2026-07-01" });
    const day = r.digest(cst("2026-07-01T00:00:00"), cst("2026-07-02T00:00:00"));
    expect(day["cases.casesOverdue"]).toBe(3); // B (feedback missed), C (reply missed), D (flag)
    expect(r.overdueIds(cst("2026-07-02T00:00:00"))).toEqual([ids.d, ids.c, ids.b]);
    expect(day["board.boardPending"]).toBe(3);
    expect(day["cases.casesClosed"]).toBe(2);
    expectAllRecounted(daily, day);

    const periodic = await draft({ kind: "periodic", from: "2026-06-25", to: "2026-07-01" });
    expectAllRecounted(periodic, r.digest(cst("2026-06-25T00:00:00"), cst("2026-07-02T00:00:00")));

    const quarterly = await draft({ kind: "quarterly", from: "2026-04-01", to: "2026-06-30" });
    const q = r.summary(cst("2026-04-01T00:00:00"), cst("2026-07-01T00:00:00"));
    expect(q["overview.cases"]).toBe(3);
    expectAllRecounted(quarterly, q);
  }, 60_000);

  it("a past day regenerated after later replies, closings, answers and rejections gives the same figures", async () => {
    const { db, config, later, ids } = await seeded();
    const daily = async (now: string) =>
      (await createReportDraft(db, config, { kind: "daily", date: "2026-07-01" }, null, { trigger: "manual", now: cst(now) })).report.content;
    const before = await daily("2026-07-02T00:30:00");
    later();
    const after = await daily("2026-07-02T12:00:00");
    expect(Object.fromEntries(figuresOf(after))).toEqual(Object.fromEntries(figuresOf(before)));
    expect(figuresOf(after).get("cases.casesOverdue")).toBe(3);
    // The 办结 link's list (/cases?closedFrom…closedTo) still lists the case closed that day and reopened since.
    const closed = listCases(db, { units: null, closedFrom: cst("2026-07-01T00:00:00"), closedTo: cst("2026-07-02T00:00:00") - 1, limit: 100, offset: 0 });
    expect(closed.total).toBe(figuresOf(after).get("cases.casesClosed"));
    expect(closed.rows.map((c) => c.id)).toContain(ids.a);
    expect(figuresOf(after).get("board.boardPending")).toBe(3);
    // The tables and prose list the cases and alerts as they stood then.
    for (const key of ["cases", "alerts", "board"]) {
      const section = (c: ReportContent) => c.sections.find((s) => s.key === key);
      expect(section(after), key).toEqual(section(before));
    }
    expectAllRecounted(after, recounter(db).digest(cst("2026-07-01T00:00:00"), cst("2026-07-02T00:00:00")));
  }, 60_000);

  it("the wall, the digests and the case list count the same cases overdue at a moment", async () => {
    const { db, later } = await seeded();
    const r = recounter(db);
    const same = (at: number) => {
      const wall = wallCases(db, at, 100);
      const digest = casesOverdueAt(db, at).map((c) => c.id).sort((x, y) => x - y);
      expect(wall.rows.map((c) => c.id).sort((x, y) => x - y)).toEqual(digest);
      expect(wall.overdue).toBe(digest.length);
      expect(digest).toEqual(r.overdueIds(at).sort((x, y) => x - y));
      // The case list behind the figure's link (/cases?overdue=<moment>) lists the same cases.
      const listed = listCases(db, { units: null, overdueAt: at, limit: 100, offset: 0 });
      expect(listed.rows.map((c) => c.id).sort((x, y) => x - y)).toEqual(digest);
      expect(listed.total).toBe(digest.length);
    };
    for (const at of ["2026-06-29T12:30:00", "2026-06-30T17:00:00", "2026-07-01T12:00:00", "2026-07-02T00:00:00"]) same(cst(at));
    later();
    for (const at of ["2026-07-02T00:00:00", "2026-07-02T12:00:00"]) same(cst(at));
    // A case whose feedback is missed (the wall's extra rule) is overdue in both.
    expect(casesOverdueAt(db, cst("2026-07-01T11:00:00")).map((c) => c.title)).toContain("B 未反馈");
  }, 60_000);
});
