// Submissions through the API: the whole 三审 review with a return, a new version and its diff,
// decisions refused to the wrong role or unit, unit scoping, timeliness on the working calendar,
// the approval form with its trail, attachments, bulletin numbering and adoptions.
import { afterEach, describe, expect, it, vi } from "vitest";
import JSZip from "jszip";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";

let t: TestApp | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await t?.close();
  t = undefined;
});

async function setup() {
  t = await createTestApp({ timeZone: "Asia/Shanghai" });
  const admin = await t.userClient("admin");
  const county = (await admin.post("/api/units", { name: "青禾县" })).json();
  const edu = (await admin.post("/api/units", { name: "县教育局", parentId: county.id })).json();
  const town = (await admin.post("/api/units", { name: "禾溪镇", parentId: county.id })).json();
  return {
    admin, edu: edu.id as number, town: town.id as number,
    writer: await t.userClient("contributor", { unitId: edu.id }),
    eduHead: await t.userClient("handler", { unitId: edu.id }),
    townWriter: await t.userClient("contributor", { unitId: town.id }),
    townHead: await t.userClient("handler", { unitId: town.id }),
    monitor: await t.userClient("monitor"),
    leader: await t.userClient("leader"),
  };
}

async function ok(c: Client, url: string, body?: unknown, status = 200) {
  const res = await c.post(url, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

const draft = { kind: "info", title: "县教育局开展校园安全检查", body: "12月3日，县教育局组织开展校园安全大检查。", eventDate: "2026-12-03" };

describe("submissions", () => {
  it("runs 三审 with a return, a second version and its diff, the trail in the approval form", async () => {
    const s = await setup();
    const created = await ok(s.writer, "/api/submissions", draft, 201);
    expect(created).toMatchObject({ state: "draft", unitId: s.edu, version: 1, actions: ["submit", "withdraw"] });
    const id = created.id as number;
    // A contributor cannot decide, nor can a handler before it is submitted.
    let sub = await ok(s.writer, `/api/submissions/${id}/submit`);
    expect(sub).toMatchObject({ state: "in_review", stepIndex: 0, waitingStep: "单位负责人审核", canDecide: false });
    expect(sub.steps.map((x: { role: string }) => x.role)).toEqual(["handler", "monitor", "leader"]);
    expect((await s.writer.post(`/api/submissions/${id}/approve`)).statusCode).toBe(403);
    // The monitor is not the unit head; another unit's handler does not even see it.
    expect((await s.monitor.post(`/api/submissions/${id}/approve`)).json()).toMatchObject({ code: "publicity.not_your_step" });
    expect((await s.townHead.post(`/api/submissions/${id}/approve`)).statusCode).toBe(404);
    expect((await s.eduHead.get(`/api/submissions/${id}`)).json()).toMatchObject({ canDecide: true, actions: ["approve", "return"] });
    sub = await ok(s.eduHead, `/api/submissions/${id}/approve`, { comment: "同意" });
    expect(sub).toMatchObject({ state: "in_review", stepIndex: 1, waitingStep: "宣传办编辑审核" });
    // The leader's step is not yet; the monitor returns with a required comment.
    expect((await s.leader.post(`/api/submissions/${id}/approve`)).statusCode).toBe(403);
    expect((await s.monitor.post(`/api/submissions/${id}/return`, { comment: "" })).statusCode).toBe(400);
    sub = await ok(s.monitor, `/api/submissions/${id}/return`, { comment: "请补充检查学校数量" });
    expect(sub).toMatchObject({ state: "returned" });
    expect((await s.writer.get(`/api/submissions/${id}`)).json()).toMatchObject({ canEdit: true, actions: ["submit", "withdraw"] });
    // The author edits: version 2; resubmitting restarts at the unit head.
    const edited = await s.writer.patch(`/api/submissions/${id}`, { body: "12月3日，县教育局组织开展校园安全大检查，共检查学校32所。" });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2 });
    expect(edited.json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    sub = await ok(s.writer, `/api/submissions/${id}/submit`);
    expect(sub).toMatchObject({ state: "in_review", stepIndex: 0, version: 2 });
    expect((await s.writer.patch(`/api/submissions/${id}`, { title: "改" })).statusCode).toBe(409);
    await ok(s.eduHead, `/api/submissions/${id}/approve`);
    await ok(s.monitor, `/api/submissions/${id}/approve`);
    sub = await ok(s.leader, `/api/submissions/${id}/approve`, { comment: "同意发布" });
    expect(sub).toMatchObject({ state: "approved", waitingStep: null, actions: [] });
    expect(sub.approvedAt).not.toBeNull();
    expect(sub.trail.map((x: { action: string; stepName: string }) => `${x.action}:${x.stepName}`)).toEqual([
      "submit:", "approve:单位负责人审核", "return:宣传办编辑审核", "submit:", "approve:单位负责人审核", "approve:宣传办编辑审核", "approve:领导审定",
    ]);

    const diff = (await s.writer.get(`/api/submissions/${id}/diff?from=1&to=2`)).json();
    expect(diff.segments.filter((x: { op: string }) => x.op === "insert").map((x: { text: string }) => x.text).join("")).toBe("，共检查学校32所");
    expect(diff.segments.filter((x: { op: string }) => x.op !== "insert").map((x: { text: string }) => x.text).join("")).toBe(draft.body);
    expect((await s.writer.get(`/api/submissions/${id}/diff?from=1&to=9`)).statusCode).toBe(404);

    const form = await s.monitor.get(`/api/submissions/${id}/approval-form.docx`);
    expect(form.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(form.rawPayload)).file("word/document.xml")!.async("string");
    for (const text of ["媒体信息发布审批表", "县教育局", "共检查学校32所", "请补充检查学校数量", "同意发布", "领导审定"]) expect(xml).toContain(text);

    const audit = (await s.admin.get("/api/audit?targetType=submission")).json();
    expect(JSON.stringify(audit)).toContain("submission.return");
  });

  it("keeps unit staff to their unit's submissions", async () => {
    const s = await setup();
    const mine = await ok(s.writer, "/api/submissions", draft, 201);
    const theirs = await ok(s.townWriter, "/api/submissions", { ...draft, title: "禾溪镇" }, 201);
    expect((await s.writer.post("/api/submissions", { ...draft, unitId: s.town })).statusCode).toBe(403);
    const list = (await s.writer.get("/api/submissions")).json();
    expect(list.submissions.map((x: { id: number }) => x.id)).toEqual([mine.id]);
    expect((await s.monitor.get("/api/submissions")).json().total).toBe(2);
    expect((await s.writer.get(`/api/submissions/${theirs.id}`)).statusCode).toBe(404);
    expect((await s.writer.patch(`/api/submissions/${theirs.id}`, { title: "x" })).statusCode).toBe(404);
    expect((await s.writer.post(`/api/submissions/${theirs.id}/submit`)).statusCode).toBe(404);
    // The unit head of the same unit may read but is not the author.
    expect((await s.eduHead.patch(`/api/submissions/${mine.id}`, { title: "x" })).statusCode).toBe(403);
    // An office user without a unit must name one.
    expect((await s.monitor.post("/api/submissions", draft)).statusCode).toBe(400);
  });

  it("follows a unit's own flow and falls back to the default when it is removed", async () => {
    const s = await setup();
    const put = await s.admin.request({ method: "PUT", url: `/api/review-flows/${s.edu}`, payload: { steps: [{ name: "宣传办审核", role: "monitor", scope: "office" }] } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await s.monitor.request({ method: "PUT", url: "/api/review-flows/default", payload: { steps: [{ name: "审", role: "monitor", scope: "office" }] } })).statusCode).toBe(403);
    const a = await ok(s.writer, "/api/submissions", draft, 201);
    await ok(s.writer, `/api/submissions/${a.id}/submit`);
    expect((await ok(s.monitor, `/api/submissions/${a.id}/approve`)).state).toBe("approved");
    expect((await s.admin.del(`/api/review-flows/${s.edu}`)).statusCode).toBe(200);
    const b = await ok(s.writer, "/api/submissions", draft, 201);
    expect((await ok(s.writer, `/api/submissions/${b.id}/submit`)).steps).toHaveLength(3);
  });

  it("flags a submission later than the limit in working days, a weekend not counted", async () => {
    const s = await setup();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T02:00:00Z")); // Monday 10:00 in Shanghai
    const fri = await ok(s.writer, "/api/submissions", { ...draft, eventDate: "2026-12-04" }, 201);
    const thu = await ok(s.writer, "/api/submissions", { ...draft, eventDate: "2026-12-03" }, 201);
    const a = await ok(s.writer, `/api/submissions/${fri.id}/submit`);
    const b = await ok(s.writer, `/api/submissions/${thu.id}/submit`);
    // Friday → Monday is 82 hours but one working day: on time. Thursday → Monday is two working days: late.
    expect(a.timeliness).toMatchObject({ hoursToSubmit: 82, flagged: false });
    expect(b.timeliness).toMatchObject({ hoursToSubmit: 106, flagged: true });
    const flagged = (await s.monitor.get("/api/submissions?flagged=1")).json();
    expect(flagged.submissions.map((x: { id: number }) => x.id)).toEqual([thu.id]);
    // Two working days allowed: neither is late.
    expect((await s.admin.request({ method: "PUT", url: "/api/review-flows/timeliness", payload: { submitWorkingDays: 2 } })).statusCode).toBe(200);
    expect((await s.monitor.get(`/api/submissions/${thu.id}`)).json().timeliness.flagged).toBe(false);
    vi.setSystemTime(new Date("2026-12-07T08:00:00Z"));
    await ok(s.eduHead, `/api/submissions/${fri.id}/approve`);
    await ok(s.monitor, `/api/submissions/${fri.id}/approve`);
    expect((await ok(s.leader, `/api/submissions/${fri.id}/approve`)).timeliness.hoursToApprove).toBe(88);
  });

  it("takes images and documents as attachments, refuses other files", async () => {
    const s = await setup();
    const sub = await ok(s.writer, "/api/submissions", draft, 201);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
    const up = (c: Client, name: string, bytes: Buffer) =>
      c.request({ method: "POST", url: `/api/submissions/${sub.id}/attachments`, payload: bytes, headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(name) } });
    const res = await up(s.writer, "现场照片.png", png);
    expect(res.statusCode, res.body).toBe(201);
    expect((await up(s.writer, "说明.txt", Buffer.from("plain text"))).json()).toMatchObject({ code: "attachments.type_refused" });
    expect((await up(s.townWriter, "x.png", png)).statusCode).toBe(404);
    const list = (await s.eduHead.get(`/api/submissions/${sub.id}/attachments`)).json();
    expect(list.attachments.map((a: { name: string }) => a.name)).toEqual(["现场照片.png"]);
    const dl = await s.eduHead.get(`/api/submissions/${sub.id}/attachments/${res.json().id}`);
    expect(dl.rawPayload.equals(png)).toBe(true);
    expect((await s.writer.del(`/api/submissions/${sub.id}/attachments/${res.json().id}`)).statusCode).toBe(204);
    expect((await s.writer.get(`/api/submissions/${sub.id}`)).json().attachments).toEqual([]);
  });
});

describe("bulletins and adoptions", () => {
  async function approvedInfo(s: Awaited<ReturnType<typeof setup>>, title: string): Promise<number> {
    const sub = await ok(s.writer, "/api/submissions", { ...draft, title }, 201);
    await ok(s.writer, `/api/submissions/${sub.id}/submit`);
    for (const c of [s.eduHead, s.monitor, s.leader]) await ok(c, `/api/submissions/${sub.id}/approve`);
    return sub.id as number;
  }

  it("numbers issues per year, compiles approved information reports and records adoptions", async () => {
    const s = await setup();
    const a = await approvedInfo(s, "校园安全检查");
    const b = await approvedInfo(s, "秋季开学工作");
    const pending = await ok(s.writer, "/api/submissions", draft, 201);
    const first = await ok(s.monitor, "/api/bulletins", { year: 2026, editor: "张三", forwardedTo: "市委宣传部" }, 201);
    expect((await s.monitor.request({ method: "PUT", url: `/api/bulletins/${first.id}/entries`, payload: { submissionIds: [a, pending.id] } })).statusCode).toBe(409);
    const put = await s.monitor.request({ method: "PUT", url: `/api/bulletins/${first.id}/entries`, payload: { submissionIds: [b, a] } });
    expect(put.json().entries.map((e: { submissionId: number }) => e.submissionId)).toEqual([b, a]);
    expect((await ok(s.monitor, `/api/bulletins/${first.id}/issue`)).number).toBe("2026年第1期");
    expect((await s.monitor.request({ method: "PUT", url: `/api/bulletins/${first.id}/entries`, payload: { submissionIds: [a] } })).statusCode).toBe(409);
    const empty = await ok(s.monitor, "/api/bulletins", { year: 2026 }, 201);
    expect((await s.monitor.post(`/api/bulletins/${empty.id}/issue`)).statusCode).toBe(409);
    await s.monitor.request({ method: "PUT", url: `/api/bulletins/${empty.id}/entries`, payload: { submissionIds: [a] } });
    expect((await ok(s.monitor, `/api/bulletins/${empty.id}/issue`)).number).toBe("2026年第2期");
    const other = await ok(s.monitor, "/api/bulletins", { year: 2025 }, 201);
    await s.monitor.request({ method: "PUT", url: `/api/bulletins/${other.id}/entries`, payload: { submissionIds: [b] } });
    expect((await ok(s.monitor, `/api/bulletins/${other.id}/issue`)).number).toBe("2025年第1期");
    expect((await s.writer.get("/api/bulletins")).statusCode).toBe(403);

    const docx = await s.leader.get(`/api/bulletins/${first.id}/docx`);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")!.async("string");
    for (const text of ["宣传信息", "2026年第1期", "编辑：张三", "秋季开学工作", "校园安全检查", "报送：", "市委宣传部"]) expect(xml).toContain(text);

    const adoption = { kind: "adoption", office: "市委办公室", level: "city", onDate: "2026-12-05", text: "《每日要情》第12期采用" };
    expect((await s.writer.post(`/api/submissions/${a}/adoptions`, adoption)).statusCode).toBe(403);
    expect((await s.monitor.post(`/api/submissions/${pending.id}/adoptions`, adoption)).statusCode).toBe(409);
    await ok(s.monitor, `/api/submissions/${a}/adoptions`, adoption, 201);
    const ins = await ok(s.monitor, `/api/submissions/${a}/adoptions`, { ...adoption, kind: "instruction", office: "市委", text: "请认真总结经验" }, 201);
    const detail = (await s.writer.get(`/api/submissions/${a}`)).json();
    expect(detail.adoptions.map((x: { kind: string }) => x.kind)).toEqual(["adoption", "instruction"]);
    expect(detail.bulletins.map((x: { label: string }) => x.label)).toEqual(["2026年第1期", "2026年第2期"]);
    expect((await s.monitor.del(`/api/submissions/${a}/adoptions/${ins.id}`)).statusCode).toBe(204);
    expect((await s.writer.get(`/api/submissions/${a}/adoptions`)).json().adoptions).toHaveLength(1);
  });
});
