// Who may do what with cases and board messages, route by route, for every role and for unit staff of
// the owning unit (A) and of another unit (B): a handler of B can never read or touch A's cases or
// messages (404, as if they did not exist); roles without the right get 403; the rest pass the
// permission check (a 409 for a step the case's state does not allow still means "allowed").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";
import { insertBoardMessage } from "../../store/board";

let t: TestApp;
const c: Record<string, Client> = {};
let caseId = 0;
let msgId = 0;
let unitA = 0;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.userClient("admin");
  unitA = (await admin.post("/api/units", { name: "甲局" })).json().id;
  const unitB = (await admin.post("/api/units", { name: "乙局" })).json().id;
  c.admin = admin;
  c.monitor = await t.userClient("monitor");
  c.leader = await t.userClient("leader");
  c.spokesperson = await t.userClient("spokesperson", { unitId: unitA });
  c.handlerA = await t.userClient("handler", { unitId: unitA });
  c.handlerB = await t.userClient("handler", { unitId: unitB });
  c.contributorA = await t.userClient("contributor", { unitId: unitA });
  c.contributorB = await t.userClient("contributor", { unitId: unitB });
  caseId = (await c.monitor.post("/api/cases", { title: "甲局的工单", severity: "general", unitId: unitA })).json().id;
  msgId = insertBoardMessage(t.db, {
    queryCode: "ABCDEFGHJKMN", category: "complaint", unitId: unitA, title: "甲局的留言", text: "路灯坏了很久了", contactEnc: null, anonymous: false,
    status: "accepted", moderationReason: null, dueAt: Date.now() + 86_400_000,
  });
});
afterAll(async () => {
  await t?.close();
});

type Row = [label: string, method: "GET" | "POST" | "PUT", url: () => string, body: (() => unknown) | undefined, expected: Record<string, number>];
const ROLES = ["admin", "monitor", "leader", "spokesperson", "handlerA", "handlerB", "contributorA", "contributorB"] as const;
/** Expected statuses: `all` for every role unless named. */
const exp = (all: number, except: Partial<Record<(typeof ROLES)[number], number>> = {}) => Object.fromEntries(ROLES.map((r) => [r, except[r] ?? all]));
const hiddenFromB = { handlerB: 404, contributorB: 404 };

const rows: Row[] = [
  ["list cases", "GET", () => "/api/cases", undefined, exp(200)],
  ["read a case", "GET", () => `/api/cases/${caseId}`, undefined, exp(200, hiddenFromB)],
  ["open a case", "POST", () => "/api/cases", () => ({ title: "新工单" }), exp(403, { admin: 201, monitor: 201 })],
  ["comment", "POST", () => `/api/cases/${caseId}/steps`, () => ({ kind: "comment", text: "备注" }), exp(200, hiddenFromB)],
  ["triage again", "POST", () => `/api/cases/${caseId}/steps`, () => ({ kind: "triage", severity: "general", unitId: unitA }),
    exp(403, { admin: 200, monitor: 200, leader: 200, ...hiddenFromB })],
  ["instruct (wrong state)", "POST", () => `/api/cases/${caseId}/steps`, () => ({ kind: "instruct", text: "同意" }),
    exp(403, { admin: 409, leader: 409, ...hiddenFromB })],
  ["accept (wrong state)", "POST", () => `/api/cases/${caseId}/steps`, () => ({ kind: "accept" }),
    exp(403, { admin: 409, monitor: 409, spokesperson: 409, handlerA: 409, ...hiddenFromB })],
  ["list a case's replies", "GET", () => `/api/cases/${caseId}/replies`, undefined, exp(200, hiddenFromB)],
  ["list a case's attachments", "GET", () => `/api/cases/${caseId}/attachments`, undefined, exp(200, hiddenFromB)],
  ["read the memo", "GET", () => `/api/cases/${caseId}/memo`, undefined, exp(200, hiddenFromB)],
  ["print the memo", "GET", () => `/api/cases/${caseId}/memo.docx`, undefined, exp(403, { admin: 200, monitor: 200, leader: 200, ...hiddenFromB })],
  ["case statistics", "GET", () => "/api/cases/stats", undefined, exp(200)],
  ["list official accounts", "GET", () => "/api/official-accounts", undefined, exp(200)],
  ["list routing rules", "GET", () => "/api/routing-rules", undefined, exp(403, { admin: 200, monitor: 200, leader: 200 })],
  ["add a routing rule", "POST", () => "/api/routing-rules", () => ({ name: "x", kind: "keyword", terms: ["x"], unitId: unitA }), exp(403, { admin: 201 })],
  ["read deadlines", "GET", () => "/api/case-deadlines", undefined, exp(200)],
  ["set deadlines", "PUT", () => "/api/case-deadlines", () => ({ severity: "major", category: "", feedbackAmount: 2, feedbackUnit: "hours", replyAmount: 6, replyUnit: "hours" }), exp(403, { admin: 204 })],
  ["read the calendar", "GET", () => "/api/calendar/2026", undefined, exp(200)],
  ["set the calendar", "PUT", () => "/api/calendar/2026", () => ({ days: [] }), exp(403, { admin: 204 })],
  ["list board messages", "GET", () => "/api/board/messages", undefined, exp(200)],
  ["read a board message", "GET", () => `/api/board/messages/${msgId}`, undefined, exp(200, hiddenFromB)],
  ["moderate (wrong state)", "POST", () => `/api/board/messages/${msgId}/moderate`, () => ({ decision: "accept" }), exp(403, { admin: 409, monitor: 409 })],
  ["open a contact", "POST", () => `/api/board/messages/${msgId}/contact`, () => ({ reason: "核实线索" }), exp(403, { admin: 200 })],
  ["approve (no draft)", "POST", () => `/api/board/messages/${msgId}/approve`, () => ({}), exp(403, { admin: 409, spokesperson: 409 })],
];

describe("permissions of cases and the board, route × role × unit", () => {
  it.each(rows)("%s", async (_label, method, url, body, expected) => {
    const got: Record<string, number> = {};
    for (const role of ROLES) {
      const res = await c[role].request({ method, url: url(), ...(body === undefined ? {} : { payload: body() as object }) });
      got[role] = res.statusCode;
    }
    expect(got).toEqual(expected);
  });

  it("lists to unit staff only what their unit owns", async () => {
    for (const [role, n] of [["handlerA", 1], ["contributorA", 1], ["handlerB", 0], ["contributorB", 0]] as const) {
      expect((await c[role].get("/api/cases")).json().cases.filter((x: { unitId: number }) => x.unitId === unitA)).toHaveLength(n);
      expect((await c[role].get("/api/board/messages")).json().total).toBe(n);
    }
  });
});
