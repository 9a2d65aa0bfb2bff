// The DOCX opened and read back: the masthead (红头, number, unit), each section heading, tables,
// chart pictures with their media, numbered items, and hyperlinks whose targets are absolute app links.
import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { renderDocx } from "./docx";
import { BASE_URL, HOSTILE, dailyReport } from "./testdata/daily-report";
import { sectionHeading } from "./print-text";

async function open(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = (name: string) => zip.file(name)?.async("string") ?? Promise.resolve(null);
  return { zip, doc: (await read("word/document.xml"))!, rels: (await read("word/_rels/document.xml.rels"))!, read };
}

/** Relationship id → target of every external hyperlink relationship. */
function linkTargets(rels: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1], target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target && m[0].includes("/hyperlink") && m[0].includes('TargetMode="External"')) out.set(id, target.replace(/&amp;/g, "&"));
  }
  return out;
}

describe("report DOCX", () => {
  it("has the red header, number, sections, tables, charts, numbered items and absolute hyperlinks", async () => {
    const started = Date.now();
    const buf = await renderDocx(dailyReport(), { baseUrl: BASE_URL });
    console.log(`report DOCX: ${Date.now() - started} ms, ${buf.length} bytes`);
    const { zip, doc, rels, read } = await open(buf);
    // Every part is well-formed XML (what Word and WPS refuse to open first).
    for (const name of Object.keys(zip.files).filter((f) => /\.(xml|rels)$/.test(f))) {
      expect(XMLValidator.validate((await read(name))!), name).toBe(true);
    }
    expect(doc).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    // Each East Asian font names a fallback Word and WPS ship, for machines without the GB2312 fonts.
    const fonts = (await read("word/fontTable.xml"))!;
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    for (const text of ["每日网络动态", "2026年第128期", "青禾县委网信办", "2026年7月2日", "统计时段：2026年7月1日", "信息总量 1,284条"]) expect(doc, text).toContain(text);
    dailyReport().sections.forEach((s, i) => expect(doc).toContain(sectionHeading(i, s.title)));
    // The red header: the title run is red, and a red rule runs under the masthead.
    expect(doc).toMatch(/<w:color w:val="C00000"\/>(?:(?!<\/w:r>).)*?<w:t[^>]*>每日网络动态<\/w:t>/s);
    expect(doc).toMatch(/<w:bottom[^>]*w:color="C00000"/);
    expect(doc).not.toContain("草稿");

    expect(doc.match(/<w:tbl>/g)?.length).toBe(1);
    expect(doc).toMatch(/<w:tblW w:type="dxa"/);
    const drawings = doc.match(/<w:drawing>/g)?.length ?? 0;
    expect(drawings).toBe(2);
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/") && f.endsWith(".png"));
    expect(media).toHaveLength(2);
    for (const m of media) expect((await zip.file(m)!.async("nodebuffer")).subarray(1, 4).toString()).toBe("PNG");

    // Items are numbered paragraphs and the numbering definition exists.
    expect(doc.match(/<w:numPr>/g)?.length).toBe(4);
    expect(await read("word/numbering.xml")).toMatch(/w:val="decimal"/);

    // Every hyperlink points through a relationship at an absolute http(s) address; the app links are under BASE_URL.
    const targets = linkTargets(rels);
    const used = [...doc.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map((m) => targets.get(m[1]));
    expect(used.length).toBeGreaterThan(8);
    for (const t of used) expect(t).toMatch(/^https?:\/\//);
    for (const href of ["/items?from=2026-07-01&to=2026-07-01", "/items?from=2026-07-01&to=2026-07-01&sentiment=neg", "/items?source=3", "/items/101", "/items/102", "/items/103"]) {
      expect(used, href).toContain(BASE_URL + href);
    }
    expect(used).toContain("http://bbs.qinghe.example/t/101");
    expect(used.some((t) => /javascript:/i.test(t ?? ""))).toBe(false);
    expect(rels).not.toMatch(/javascript:/i);

    // Hostile titles are text: escaped in XML, never markup or a field.
    expect(doc).not.toContain("<script>");
    expect(doc).toContain("&lt;script&gt;alert(1)&lt;/script&gt;禾溪镇通报");
    expect(doc).toContain(`<w:t xml:space="preserve">${HOSTILE.formula.replace(/"/g, "&quot;")}</w:t>`);
    expect(doc).not.toMatch(/<w:fldSimple|<w:instrText[^>]*>\s*HYPERLINK/);
    // Footer page numbers.
    const footer = Object.keys(zip.files).find((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(await read(footer!)).toMatch(/PAGE/);
  });

  it("marks a draft and prints a plain header without the red rule", async () => {
    const c = { ...dailyReport(), redHeader: false, number: null, issuedAt: null };
    const { doc, zip } = await open(await renderDocx(c, { baseUrl: BASE_URL, draft: true }));
    expect(doc).toContain("草稿");
    expect(doc).not.toContain("2026年第128期");
    expect(doc).not.toMatch(/<w:bottom[^>]*w:color="C00000"/);
    const header = Object.keys(zip.files).find((f) => /^word\/header\d*\.xml$/.test(f));
    expect(await zip.file(header!)!.async("string")).toContain("草稿");
  });
});
