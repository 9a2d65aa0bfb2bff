// The PDF through Debian's Chromium: read back with pdftotext (Chinese headings and the number, no
// missing glyphs), fonts embedded, hyperlinks kept as /Link annotations, and a page that can load
// nothing from the network. Chromium or poppler missing fails these tests; nothing is skipped.
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderReport } from "./index";
import { closePdfBrowser, htmlToPdf } from "./pdf";
import { sectionHeading } from "./print-text";
import { BASE_URL, dailyReport } from "./testdata/daily-report";

const dir = mkdtempSync(join(tmpdir(), "tingfeng-pdf-"));
afterAll(async () => {
  await closePdfBrowser();
  rmSync(dir, { recursive: true, force: true });
});

describe("report PDF", () => {
  it("prints the Chinese report with its number, embedded fonts and live links", async () => {
    const started = Date.now();
    const pdf = await renderReport(dailyReport(), "pdf", { baseUrl: BASE_URL, draft: true });
    console.log(`report PDF: ${Date.now() - started} ms (with Chromium launch), ${pdf.length} bytes`);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const file = join(dir, "report.pdf");
    writeFileSync(file, pdf);

    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    for (const s of ["每日网络动态", "2026年第128期", "青禾县委网信办", "统计时段：2026年7月1日", "草稿", "<script>alert(1)</script>禾溪镇通报"]) {
      expect(text, s).toContain(s);
    }
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(/—\s*2\s*—/);
    dailyReport().sections.forEach((s, i) => expect(text).toContain(sectionHeading(i, s.title)));
    // No replacement characters, no runs of empty boxes (tofu) and no NULs: every glyph had a font.
    expect(text).not.toMatch(/[\uFFFD\u0000]|[\u25A1\u2610]{2,}/);

    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni; every font is embedded.
    for (const f of fonts) expect(f.split(/\s+/).slice(-5)[0], f).toBe("yes");

    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/Subtype\s*\/Link/);
    for (const href of ["/items/101", "/items?source=3&sentiment=neg"]) expect(raw).toContain(`/URI (${BASE_URL}${href})`);
    expect(raw).toContain("/URI (http://bbs.qinghe.example/t/101)");
    expect(raw).not.toMatch(/\/URI \(javascript:/i);
  }, 60_000);

  it("loads nothing from the network, whatever the page asks for", async () => {
    let hits = 0;
    const server = createServer((_, res) => { hits += 1; res.end("x"); });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const pdf = await htmlToPdf(`<!DOCTYPE html><html><head><link rel="stylesheet" href="${url}/a.css"><style>@import url("${url}/b.css"); body { background: url("${url}/c.png") }</style></head>
        <body><img src="${url}/d.png"><iframe src="${url}/e"></iframe><script src="${url}/f.js"></script><p>正文</p></body></html>`);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  }, 60_000);

  it("gives up on a render that takes too long", async () => {
    await expect(htmlToPdf("<p>正文</p>", { timeoutMs: 1 })).rejects.toThrow(/longer than 1 ms/);
  }, 60_000);
});
