// The escalation memo (抄告单): the DOCX opened and read back (number, title, items, spread, triage
// opinion, A4 and the Chinese fonts), numbers kept on reprint and running per year, the audit row,
// and who may print or read it.
import { afterEach, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertItems } from "../../store/items";
import { insertSource } from "../../store/sources";
import { createEventRow } from "../../store/events";
import { contentHash } from "../../ingest";
import { localDate } from "../../shared/working-calendar";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function setup() {
  t = await createTestApp({ timeZone: "Asia/Shanghai" });
  const admin = await t.userClient("admin");
  const county = (await admin.post("/api/units", { name: "青禾县" })).json().id as number;
  const edu = (await admin.post("/api/units", { name: "县教育局", parentId: county })).json().id as number;
  const town = (await admin.post("/api/units", { name: "禾溪镇", parentId: county })).json().id as number;
  const source = insertSource(t.db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 300, priority: 2, enabled: true });
  const item = (guid: string, title: string) => ({
    guid, url: `http://127.0.0.1/p/${guid}`, canonicalUrl: null, contentHash: contentHash("", title), author: null, title, text: title,
    publishedAt: Date.parse("2026-07-01T01:30:00Z"),
  });
  const ids = insertItems(t.db, source.id, [item("a", "禾溪镇小学乱收费"), item("b", "转：禾溪镇小学乱收费"), item("c", "家长再曝补课费")]);
  // Items a and b are one repost group of three posts (one not in the case); c stands alone.
  const copy = insertItems(t.db, source.id, [item("d", "又转：禾溪镇小学乱收费")]);
  t.db.prepare("UPDATE items SET dup_group = 'g1' WHERE id IN (?, ?, ?)").run(ids[0], ids[1], copy[0]);
  const eventId = createEventRow(t.db, Date.now());
  t.db.prepare("UPDATE events SET title = '禾溪镇小学收费事件', size = 12 WHERE id = ?").run(eventId);
  const monitor = await t.userClient("monitor");
  const opened = await monitor.post("/api/cases", { title: "禾溪镇小学乱收费问题", summary: "家长反映每学期额外收取补课费。", itemIds: ids, eventId });
  expect(opened.statusCode, opened.body).toBe(201);
  const id = opened.json().id as number;
  const triage = await monitor.post(`/api/cases/${id}/steps`, { kind: "triage", severity: "significant", category: "教育", unitId: edu, text: "涉及教育收费，舆论关注度上升" });
  expect(triage.statusCode, triage.body).toBe(200);
  expect((await monitor.post(`/api/cases/${id}/steps`, { kind: "escalate" })).statusCode).toBe(200);
  return { admin, monitor, id, ids, edu, town };
}

async function documentXml(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  return zip.file("word/document.xml")!.async("string");
}

describe("escalation memo", () => {
  it("prints a numbered DOCX with the case's facts and an empty box for the leader, keeping the number on reprint", async () => {
    const s = await setup();
    const year = localDate(Date.now(), "Asia/Shanghai").slice(0, 4);
    const res = await s.monitor.get(`/api/cases/${s.id}/memo.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    expect(decodeURIComponent(String(res.headers["content-disposition"]))).toContain(`舆情抄告单-${year}-1号-工单${s.id}.docx`);
    const xml = await documentXml(res.rawPayload);
    expect(XMLValidator.validate(xml)).toBe(true);
    for (const text of [
      "舆情抄告单", `〔${year}〕第1号`, "禾溪镇小学乱收费问题", "家长反映每学期额外收取补课费。", "禾溪镇小学乱收费", "转：禾溪镇小学乱收费", "家长再曝补课费",
      "青禾论坛", "http://127.0.0.1/p/a", "首发时间：2026-07-01 09:30", "发现时间：", "关联信息 3 条，被转载 2 次，所属事件「禾溪镇小学收费事件」共 12 条信息",
      "涉及教育收费，舆论关注度上升", "等级：较大", "建议由县教育局牵头核查处置", "领导批示",
    ]) expect(xml, text).toContain(text);
    // A4 portrait and the Chinese fonts with their fallbacks.
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:ascii="SimSun"');
    const styles = await (await JSZip.loadAsync(res.rawPayload)).file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    // The leader's box: a row at least 4200 twips high holding nothing but an empty paragraph.
    expect(xml).toMatch(/<w:trHeight[^>]*w:val="4200"[^>]*w:hRule="atLeast"|<w:trHeight[^>]*w:hRule="atLeast"[^>]*w:val="4200"/);

    const again = await documentXml((await s.monitor.get(`/api/cases/${s.id}/memo.docx`)).rawPayload);
    expect(again).toContain(`〔${year}〕第1号`);
    const other = (await s.monitor.post("/api/cases", { title: "另一件工单" })).json().id as number;
    expect(await documentXml((await s.monitor.get(`/api/cases/${other}/memo.docx`)).rawPayload)).toContain(`〔${year}〕第2号`);
    expect((await s.monitor.get(`/api/cases/${s.id}/memo`)).json().number).toBe(`〔${year}〕第1号`);

    const audit = (await s.admin.get(`/api/audit?action=case.memo&limit=10`)).json().entries as { targetId: string; summary: string }[];
    expect(audit.map((a) => [Number(a.targetId), JSON.parse(a.summary)])).toEqual([
      [other, { number: `〔${year}〕第2号`, reprint: false }],
      [s.id, { number: `〔${year}〕第1号`, reprint: true }],
      [s.id, { number: `〔${year}〕第1号`, reprint: false }],
    ]);
  });

  it("lets a leader read the memo and instruct; unit staff may read but not print; another unit gets 404", async () => {
    const s = await setup();
    const leader = await t!.userClient("leader");
    const memo = (await leader.get(`/api/cases/${s.id}/memo`)).json();
    expect(memo).toMatchObject({ canInstruct: true, number: null, triageOpinion: "涉及教育收费，舆论关注度上升", state: "escalated" });
    expect(memo.items.map((i: { title: string }) => i.title)).toEqual(["禾溪镇小学乱收费", "转：禾溪镇小学乱收费", "家长再曝补课费"]);
    expect(memo.items[0]).toMatchObject({ sourceName: "青禾论坛", reposts: 2, url: "http://127.0.0.1/p/a" });
    const done = await leader.post(`/api/cases/${s.id}/steps`, { kind: "instruct", text: "请教育局当日核实回应" });
    expect(done.statusCode, done.body).toBe(200);
    expect((await leader.get(`/api/cases/${s.id}/memo`)).json()).toMatchObject({ canInstruct: false, instruction: "请教育局当日核实回应", state: "instructed" });

    const eduHandler = await t!.userClient("handler", { unitId: s.edu });
    expect((await eduHandler.get(`/api/cases/${s.id}/memo`)).json().canInstruct).toBe(false);
    expect((await eduHandler.get(`/api/cases/${s.id}/memo.docx`)).statusCode).toBe(403);
    const townHandler = await t!.userClient("handler", { unitId: s.town });
    expect((await townHandler.get(`/api/cases/${s.id}/memo`)).statusCode).toBe(404);
    expect((await townHandler.get(`/api/cases/${s.id}/memo.docx`)).statusCode).toBe(404);
    expect((await leader.get(`/api/cases/99999/memo.docx`)).statusCode).toBe(404);
    expect((await t!.app.inject({ method: "GET", url: `/api/cases/${s.id}/memo.docx` })).statusCode).toBe(401);
    // No number was spent on the refused prints.
    expect((await leader.get(`/api/cases/${s.id}/memo`)).json().number).toBeNull();
  });
});
