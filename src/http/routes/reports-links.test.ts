// Every figure of a generated report links to the list behind it, and that list, asked through its API with the
// query its page sends for the link, holds exactly the figure: cases opened, closed and overdue, alerts by level,
// board messages received, accepted, answered and pending, and the items figures. A figure without a link, or
// with a filter its page does not read, fails.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertCase } from "../../store/cases";
import { LIST_LINK_PAGES } from "../../shared/list-links";
import { ITEM_FILTER_KEYS } from "../../../web/lib/items-query";
import type { ReportContent, ReportDetail, ReportFigure } from "../../shared/report-types";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const cst = (s: string) => Date.parse(`${s}+08:00`);
const DAY = "2026-07-01";

/** Items, alerts, cases and board messages on 2026-07-01 (Beijing), and some the day before and after. */
async function seeded() {
  t = await createTestApp({ timeZone: "Asia/Shanghai", publicUrl: "https://yq.example.gov.cn" });
  const db = t.db;
  const now = Date.now();
  const source = Number(db.prepare("INSERT INTO sources (name, kind, url, interval_seconds, enabled, created_at, updated_at) VALUES ('青禾新闻网', 'rss', 'https://example.org/a.xml', 600, 1, ?, ?)")
    .run(now, now).lastInsertRowid);
  let n = 0;
  const item = (at: number, sentiment: string | null) => {
    n++;
    db.prepare(
      `INSERT INTO items (source_id, dedup_key, content_hash, title, text, published_at, fetched_at, sentiment, sentiment_score, analysed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(source, `k${n}`, `h${n}`, `信息${n}`, `正文${n}`, at, at, sentiment, sentiment === "neg" ? -0.6 : 0, at);
  };
  for (const [h, s] of [["08", "neg"], ["09", "neu"], ["10", "pos"], ["11", "neg"], ["12", null]] as const) item(cst(`${DAY}T${h}:00:00`), s);
  item(cst("2026-06-30T12:00:00"), "neu");
  item(cst("2026-07-02T12:00:00"), "neg");

  const alert = (severity: string, at: string) =>
    db.prepare("INSERT INTO alerts (severity, title, reason, fold_key, created_at) VALUES (?, '预警', '命中', 'k', ?)").run(severity, cst(at));
  alert("major", `${DAY}T09:00:00`);
  alert("significant", `${DAY}T10:00:00`);
  alert("general", `${DAY}T15:00:00`);
  alert("general", `${DAY}T23:59:59`);
  alert("major", "2026-06-30T15:00:00");
  alert("general", "2026-07-02T00:00:00");

  const kase = (title: string, created: string, f: { state?: string; closed?: string; replyDue?: string; replied?: string; overdue?: boolean } = {}) => {
    const id = insertCase(db, {
      title, summary: "", state: "open", severity: null, category: null, unitId: null, origin: "manual", eventId: null, alertId: null,
      suggestedUnitId: null, suggestedBy: null, feedbackDueAt: null, replyDueAt: null, createdBy: null,
    }, [], cst(created));
    db.prepare("UPDATE cases SET state = ?, closed_at = ?, reply_due_at = ?, replied_at = ?, overdue = ? WHERE id = ?").run(
      f.state ?? (f.closed ? "closed" : "assigned"), f.closed ? cst(f.closed) : null, f.replyDue ? cst(f.replyDue) : null,
      f.replied ? cst(f.replied) : null, f.overdue ? 1 : 0, id,
    );
  };
  kase("当日新建、已过回应期限", `${DAY}T08:00:00`, { replyDue: `${DAY}T12:00:00` }); // new, overdue
  kase("当日新建当日办结", `${DAY}T09:00:00`, { closed: `${DAY}T18:00:00` }); // new, closed
  kase("当日新建、已回应", `${DAY}T10:00:00`, { replyDue: `${DAY}T12:00:00`, replied: `${DAY}T11:00:00`, state: "replied" }); // new
  kase("当日新建、期限在次日", `${DAY}T23:00:00`, { replyDue: "2026-07-02T12:00:00" }); // new
  kase("前一日新建、当日办结", "2026-06-30T09:00:00", { closed: `${DAY}T10:00:00` }); // closed
  kase("前一日新建、带超期标记", "2026-06-30T10:00:00", { overdue: true }); // overdue
  kase("次日新建", "2026-07-02T09:00:00", { replyDue: "2026-07-02T10:00:00" });
  kase("次日办结", "2026-06-29T09:00:00", { closed: "2026-07-02T09:00:00" });

  let code = 0;
  const message = (status: string, created: string, answered?: string) => {
    code++;
    const accepted = status === "accepted" || status === "answered" ? cst(created) + 600_000 : null;
    db.prepare(
      `INSERT INTO board_messages (query_code, category, title, text, status, accepted_at, answered_at, created_at, updated_at)
       VALUES (?, 'consult', '留言', '正文', ?, ?, ?, ?, ?)`,
    ).run(`Q${code}`, status, accepted, answered ? cst(answered) : null, cst(created), cst(answered ?? created));
  };
  message("accepted", `${DAY}T08:00:00`); // received, accepted, pending
  message("answered", `${DAY}T09:00:00`, `${DAY}T17:00:00`); // received, accepted, answered
  message("held", `${DAY}T10:00:00`); // received
  message("rejected", `${DAY}T11:00:00`); // received
  message("answered", "2026-06-30T09:00:00", `${DAY}T12:00:00`); // answered
  message("accepted", "2026-06-30T10:00:00"); // pending
  message("accepted", "2026-07-02T10:00:00");
  message("answered", "2026-06-29T10:00:00", "2026-06-30T10:00:00");
}

/** Each figure of a report, keyed section.figure. */
const figuresOf = (c: ReportContent): Map<string, ReportFigure> => {
  const m = new Map<string, ReportFigure>();
  for (const s of c.sections) for (const b of s.blocks) if (b.type === "figures") for (const f of b.figures) m.set(`${s.key}.${f.key}`, f);
  return m;
};

/**
 * The API answer behind a link, through the mapping its page uses; fails when the page is not a known list or
 * the link sets a filter the page does not read.
 */
function apiOf(href: string, label: string): string {
  const url = new URL(href, "https://yq.example.gov.cn");
  const keys = [...url.searchParams.keys()];
  if (url.pathname === "/items") {
    expect(keys.filter((k) => !(ITEM_FILTER_KEYS as readonly string[]).includes(k)), `${label}: filters the ledger does not read`).toEqual([]);
    return `/api/items?${url.searchParams}&limit=1`;
  }
  const page = LIST_LINK_PAGES[url.pathname];
  expect(page, `${label}: ${url.pathname} is no filtered list`).toBeDefined();
  expect(keys.filter((k) => !page.keys.includes(k)), `${label}: filters ${url.pathname} does not read`).toEqual([]);
  const q = page.apiQuery(url.searchParams);
  if (page.api !== "/api/cases/stats") q.set("limit", "1");
  return `${page.api}?${q}`;
}

type Client = Awaited<ReturnType<TestApp["userClient"]>>;

/** Follows every figure's link through its page's API and expects the figure back; returns the keys checked. */
async function expectLinkedTotals(admin: Client, figures: Map<string, ReportFigure>): Promise<string[]> {
  const itemsTotal = figures.get("overview.total")!.value;
  const checked: string[] = [];
  for (const [key, f] of figures) {
    expect(f.href, `${key} has no link`).toBeTruthy();
    const api = apiOf(f.href!, key);
    const r = await admin.get(api);
    expect(r.statusCode, `${key}: ${api}`).toBe(200);
    const total = (r.json() as { total: number }).total;
    // A share links to its part (the negative items): the part over the period's items is the figure.
    const value = f.unit === "%" ? Math.round((total / itemsTotal) * 1000) / 10 : total;
    expect(value, `${key}: ${f.href}`).toBe(f.value);
    checked.push(key);
  }
  return checked;
}

describe("report figure links", () => {
  it("every figure of a daily digest links to a list whose total is the figure", async () => {
    await seeded();
    const admin = await t!.userClient("admin");
    const res = await admin.post("/api/reports", { kind: "daily", date: DAY });
    expect(res.statusCode).toBe(201);
    const figures = figuresOf((res.json() as { report: ReportDetail }).report.content);
    // The seed reaches every figure the test is about, so none passes as 0 = 0.
    expect(Object.fromEntries([...figures].filter(([k]) => /^(cases|board|alerts)\./.test(k)).map(([k, f]) => [k, f.value]))).toEqual({
      "alerts.alerts_major": 1, "alerts.alerts_significant": 1, "alerts.alerts_general": 2,
      "cases.casesNew": 4, "cases.casesClosed": 2, "cases.casesOverdue": 2,
      "board.boardReceived": 4, "board.boardAccepted": 2, "board.boardAnswered": 2, "board.boardPending": 2,
    });
    const checked = await expectLinkedTotals(admin, figures);
    expect(checked).toEqual(expect.arrayContaining(["overview.alerts", "overview.casesNew", "cases.casesOverdue", "board.boardPending", "overview.negShare"]));
  });

  it("so does every figure of a weekly digest", async () => {
    await seeded();
    const admin = await t!.userClient("admin");
    const res = await admin.post("/api/reports", { kind: "periodic", from: "2026-06-29", to: "2026-07-05" });
    expect(res.statusCode).toBe(201);
    const figures = figuresOf((res.json() as { report: ReportDetail }).report.content);
    expect(figures.get("cases.casesOverdue")!.value).toBe(4);
    expect(await expectLinkedTotals(admin, figures)).toHaveLength(figures.size);
  });

  it("the digest's alert rows open the alerts page on that one alert", async () => {
    await seeded();
    const admin = await t!.userClient("admin");
    const content = ((await admin.post("/api/reports", { kind: "daily", date: DAY })).json() as { report: ReportDetail }).report.content;
    const table = content.sections.find((s) => s.key === "alerts")!.blocks.find((b) => b.type === "table");
    const rows = table?.type === "table" ? table.rows : [];
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const href = row[1].href!;
      const r = (await admin.get(apiOf(href, href))).json() as { alerts: { id: number }[]; total: number };
      expect(r.total).toBe(1);
      expect(`/alerts?id=${r.alerts[0].id}`).toBe(href);
    }
  });

  it("a quarterly summary's figures open the case statistics and the board list on the same numbers", async () => {
    await seeded();
    const admin = await t!.userClient("admin");
    const res = await admin.post("/api/reports", { kind: "quarterly", from: "2026-07-01", to: "2026-09-30" });
    expect(res.statusCode).toBe(201);
    const figures = figuresOf((res.json() as { report: ReportDetail }).report.content);
    const rate = (r: number | null) => (r == null ? 0 : Math.round(r * 1000) / 10);
    for (const [key, f] of figures) {
      expect(f.href, `${key} has no link`).toBeTruthy();
      const body = (await admin.get(apiOf(f.href!, key))).json() as { total: number | Record<string, number | null> };
      const total = body.total;
      const value = typeof total === "number" ? total : /Rate$/.test(f.key) ? rate(total[f.key]) : total[f.key];
      expect(value, `${key}: ${f.href}`).toBe(f.value);
    }
    expect(figures.get("overview.cases")!.value).toBe(5);
    expect(figures.get("overview.boardValid")!.value).toBe(3);
  });

  it("refuses a filter it cannot read rather than listing everything", async () => {
    t = await createTestApp();
    const admin = await t.userClient("admin");
    expect((await admin.get("/api/cases?overdue=yesterday")).statusCode).toBe(400);
    expect((await admin.get("/api/cases?createdFrom=someday")).statusCode).toBe(400);
    expect((await admin.get("/api/alerts?severity=urgent")).statusCode).toBe(400);
    expect((await admin.get("/api/board/messages?status=accepted,bogus")).statusCode).toBe(400);
    expect((await admin.get("/api/cases/stats?at=noon")).statusCode).toBe(400);
  });

  it("lists board messages as they stood at a moment, so a past period's link keeps its count", async () => {
    t = await createTestApp({ timeZone: "Asia/Shanghai" });
    const db = t.db;
    const add = (code: string, status: string, answered: number | null) =>
      Number(db.prepare(
        `INSERT INTO board_messages (query_code, category, title, text, status, accepted_at, answered_at, created_at, updated_at)
         VALUES (?, 'consult', '留言', '正文', ?, ?, ?, ?, ?)`,
      ).run(code, status, cst(`${DAY}T08:10:00`), answered, cst(`${DAY}T08:00:00`), Date.now()).lastInsertRowid);
    const rejected = add("R1", "rejected", null);
    db.prepare("INSERT INTO board_steps (message_id, at, user_id, user_name, kind, text) VALUES (?, ?, NULL, 'admin', 'rejected', '重复')")
      .run(rejected, cst("2026-07-02T09:00:00"));
    add("A1", "answered", cst("2026-07-02T10:00:00"));
    const admin = await t.userClient("admin");
    const total = async (q: Record<string, string>) =>
      ((await admin.get(`/api/board/messages?${new URLSearchParams(q)}`)).json() as { total: number }).total;
    const endOfDay = new Date(cst("2026-07-02T00:00:00")).toISOString();
    const later = new Date(cst("2026-07-03T00:00:00")).toISOString();
    // At the day's end both were accepted and unanswered; the rejection and the answer came the next day.
    expect(await total({ acceptedAt: endOfDay, unansweredAt: endOfDay })).toBe(2);
    expect(await total({ acceptedAt: later })).toBe(1);
    expect(await total({ acceptedAt: later, unansweredAt: later })).toBe(0);
  });
});
