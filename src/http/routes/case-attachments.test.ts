// Case attachments through the API: upload (type and size checked, stored by content), the timeline
// step and audit row, download headers, and who may see and upload.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function upload(c: Client, caseId: number, name: string, bytes: Buffer) {
  return c.request({
    method: "POST", url: `/api/cases/${caseId}/attachments`, payload: bytes,
    headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(name) },
  });
}

async function setup(overrides = {}) {
  t = await createTestApp({ timeZone: "Asia/Shanghai", ...overrides });
  const admin = await t.userClient("admin");
  const edu = (await admin.post("/api/units", { name: "县教育局" })).json().id as number;
  const town = (await admin.post("/api/units", { name: "禾溪镇" })).json().id as number;
  const monitor = await t.userClient("monitor");
  const c = (await monitor.post("/api/cases", { title: "禾溪镇小学乱收费", severity: "general", unitId: edu })).json();
  return {
    admin, monitor, caseId: c.id as number,
    eduHandler: await t.userClient("handler", { unitId: edu }),
    townHandler: await t.userClient("handler", { unitId: town }),
    contributor: await t.userClient("contributor", { unitId: edu }),
  };
}

describe("case attachments", () => {
  it("stores an upload by content, puts it on the timeline and in the audit log, and serves it as a download", async () => {
    const s = await setup();
    const res = await upload(s.eduHandler, s.caseId, "核查报告（初稿）.pdf", PDF);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    const sha = createHash("sha256").update(PDF).digest("hex");
    expect(a).toMatchObject({ name: "核查报告（初稿）.pdf", size: PDF.length, mime: "application/pdf", sha256: sha });
    const file = path.join(t!.dir, "attachments", sha.slice(0, 2), sha);
    expect(readFileSync(file).equals(PDF)).toBe(true);
    // No temporary file is left beside it.
    expect(readdirSync(path.dirname(file))).toEqual([sha]);

    // The same bytes again: a second row, one stored file.
    expect((await upload(s.monitor, s.caseId, "copy.pdf", PDF)).statusCode).toBe(201);
    expect(readdirSync(path.dirname(file))).toEqual([sha]);

    const view = (await s.monitor.get(`/api/cases/${s.caseId}`)).json();
    const steps = view.timeline.filter((x: { kind: string }) => x.kind === "attachment");
    expect(steps.map((x: { text: string }) => x.text)).toEqual(["核查报告（初稿）.pdf", "copy.pdf"]);
    expect(steps[0].data).toMatchObject({ attachmentId: a.id, size: PDF.length });
    const audit = t!.db.prepare("SELECT action, target_id FROM audit_log WHERE action = 'case.attachment'").all();
    expect(audit).toHaveLength(2);

    const list = (await s.eduHandler.get(`/api/cases/${s.caseId}/attachments`)).json();
    expect(list.attachments.map((x: { name: string }) => x.name)).toEqual(["核查报告（初稿）.pdf", "copy.pdf"]);

    const dl = await s.eduHandler.get(`/api/cases/${s.caseId}/attachments/${a.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers["content-type"]).toBe("application/pdf");
    expect(dl.headers["x-content-type-options"]).toBe("nosniff");
    expect(dl.headers["content-disposition"]).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(dl.headers["content-disposition"]).split("''")[1]!)).toBe("核查报告（初稿）.pdf");
  });

  it("refuses other types with a Chinese message, and files over the limit", async () => {
    const s = await setup({ attachmentMaxBytes: 2048 });
    const svg = await upload(s.monitor, s.caseId, "logo.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect(svg.statusCode).toBe(400);
    expect(svg.json()).toMatchObject({ code: "attachments.type_refused" });
    expect(svg.json().message).toContain("不支持该文件类型");
    const html = await upload(s.monitor, s.caseId, "page.txt", Buffer.from("<html><body>hi</body></html>"));
    expect(html.json().code).toBe("attachments.type_refused");
    const big = await upload(s.monitor, s.caseId, "big.txt", Buffer.alloc(4096, "a"));
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain("附件过大");
    const noName = await s.monitor.request({ method: "POST", url: `/api/cases/${s.caseId}/attachments`, payload: PDF, headers: { "content-type": "application/pdf" } });
    expect(noName.json().code).toBe("attachments.bad_name");
    // Nothing refused reached the disk or the case.
    expect(existsSync(path.join(t!.dir, "attachments"))).toBe(false);
    expect((await s.monitor.get(`/api/cases/${s.caseId}/attachments`)).json().attachments).toEqual([]);
  });

  it("hides a case's files from other units (404) and lets only step-taking roles upload", async () => {
    const s = await setup();
    const a = (await upload(s.eduHandler, s.caseId, "note.txt", Buffer.from("核实情况"))).json();
    expect((await s.townHandler.get(`/api/cases/${s.caseId}/attachments`)).statusCode).toBe(404);
    expect((await s.townHandler.get(`/api/cases/${s.caseId}/attachments/${a.id}`)).statusCode).toBe(404);
    expect((await upload(s.townHandler, s.caseId, "x.txt", Buffer.from("x"))).statusCode).toBe(404);
    expect((await upload(s.contributor, s.caseId, "x.txt", Buffer.from("x"))).statusCode).toBe(403);
    expect((await s.contributor.get(`/api/cases/${s.caseId}/attachments/${a.id}`)).statusCode).toBe(200);
    // An attachment id of another case is not found under this one.
    const other = (await s.monitor.post("/api/cases", { title: "另一件" })).json().id as number;
    expect((await s.monitor.get(`/api/cases/${other}/attachments/${a.id}`)).statusCode).toBe(404);
  });
});
