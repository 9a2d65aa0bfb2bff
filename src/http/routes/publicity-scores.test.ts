// Publicity scores: each unit's and person's figures recounted independently from the rows planted
// here (two rule versions across 2026-07-01), the notice's and the assessment's documents carrying the
// same figures, and the scores kept from contributors.
import { afterEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { DEFAULT_SCORING_RULES } from "../../shared/publicity-types";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

// Two versions of the points table: the second raises city and county news and triples featured pieces.
const H1 = {
  ...DEFAULT_SCORING_RULES,
  base: { ...DEFAULT_SCORING_RULES.base, city: { news: 3, feature: 4, commentary: 4, photo: 2, video: 3 }, county: { news: 1, feature: 1.5, commentary: 1.5, photo: 0.5, video: 1 } },
  featuredMultiplier: 2, adoption: { national: 10, provincial: 6, city: 3, county: 1 }, instruction: { national: 15, provincial: 10, city: 5, county: 2 },
  reward: { perPoint: 50, quotaMetBonus: 500, cap: 0 },
};
const H2 = {
  ...H1,
  base: { ...H1.base, city: { news: 5, feature: 6, commentary: 6, photo: 3, video: 5 }, county: { news: 2, feature: 2, commentary: 2, photo: 1, video: 2 } },
  featuredMultiplier: 3, adoption: { national: 12, provincial: 8, city: 4, county: 2 },
  reward: { perPoint: 100, quotaMetBonus: 1000, cap: 0 },
};
const SLOT = { none: 1, front_page: 1.5, headline: 1.5, front_headline: 2 } as const;
type Level = "national" | "provincial" | "city" | "county" | "internal";
type P = { unit: number; level: Level; genre: "news" | "feature" | "photo"; on: string; slot?: keyof typeof SLOT; featured?: boolean; authors: [string, number, number?][] };

/** The test's own recount: the table in force on the day × slot × featured, to two decimals. */
function recount(p: P): number {
  const rules = p.on <= "2026-06-30" ? H1 : H2;
  const v = rules.base[p.level][p.genre] * SLOT[p.slot ?? "none"] * (p.featured ? rules.featuredMultiplier : 1);
  return Math.round(v * 100) / 100;
}

async function setup() {
  t = await createTestApp({ timeZone: "Asia/Shanghai" });
  const admin = await t.userClient("admin");
  const unit = async (name: string) => (await admin.post("/api/units", { name })).json().id as number;
  const east = await unit("东城街道");
  const west = await unit("=西城镇"); // a name that looks like a formula must stay text in the XLSX
  const south = await unit("南山乡");
  const db = t.db.sqlite;
  const now = Date.now();
  db.prepare(`INSERT INTO scoring_rule_sets (name, valid_from, valid_to, rules, created_at) VALUES (?, ?, ?, ?, ?)`).run("2026上半年", "2026-01-01", "2026-06-30", JSON.stringify(H1), now);
  db.prepare(`INSERT INTO scoring_rule_sets (name, valid_from, valid_to, rules, created_at) VALUES (?, ?, ?, ?, ?)`).run("2026下半年", "2026-07-01", null, JSON.stringify(H2), now);
  const outlets: Record<Level, number> = {} as Record<Level, number>;
  for (const [i, level] of (["national", "provincial", "city", "county", "internal"] as Level[]).entries()) {
    outlets[level] = Number(db.prepare(`INSERT INTO outlets (name, level, medium, created_at, updated_at) VALUES (?, ?, 'newspaper', ?, ?)`).run(`媒体${i}`, level, now, now).lastInsertRowid);
  }
  const zhang = Number(db.prepare(`INSERT INTO correspondents (unit_id, name, created_at, updated_at) VALUES (?, '张敏', ?, ?)`).run(east, now, now).lastInsertRowid);
  const plant = (p: P) => {
    const id = Number(db.prepare(
      `INSERT INTO placements (title, outlet_id, genre, published_on, slot, featured, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(`稿件${p.on}`, outlets[p.level], p.genre, p.on, p.slot ?? "none", p.featured ? 1 : 0, p.unit, now, now).lastInsertRowid);
    p.authors.forEach(([name, share, correspondent], i) => db.prepare(
      `INSERT INTO placement_authors (placement_id, position, name, correspondent_id, unit_id, share) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(id, i, name, correspondent ?? null, p.unit, share));
  };
  const placements: P[] = [
    { unit: east, level: "city", genre: "news", on: "2026-06-30", authors: [["张敏", 1, zhang]] },
    { unit: east, level: "city", genre: "news", on: "2026-07-01", authors: [["张敏（笔名）", 0.5, zhang], ["李强", 0.5]] },
    { unit: east, level: "national", genre: "feature", on: "2026-11-05", slot: "front_headline", authors: [["李强", 0.6], ["王芳", 0.4]] },
    { unit: east, level: "county", genre: "photo", on: "2026-03-10", featured: true, authors: [["王芳", 1]] },
    { unit: east, level: "city", genre: "feature", on: "2026-11-20", featured: true, authors: [["张敏", 1, zhang]] },
    { unit: west, level: "provincial", genre: "news", on: "2026-02-14", slot: "headline", authors: [["李强", 1]] }, // same name, other unit: another person
    { unit: west, level: "county", genre: "news", on: "2026-11-30", featured: true, authors: [["赵雷", 1]] },
    { unit: west, level: "internal", genre: "news", on: "2026-08-08", authors: [["赵雷", 1]] },
    { unit: south, level: "county", genre: "news", on: "2025-12-31", authors: [["周平", 1]] }, // last year: not counted
  ];
  placements.forEach(plant);
  const submission = (unitId: number) => Number(db.prepare(
    `INSERT INTO submissions (unit_id, kind, title, body, event_date, state, author_name, created_at, updated_at) VALUES (?, 'info', '信息', '正文', '2026-01-01', 'approved', '某人', ?, ?)`,
  ).run(unitId, now, now).lastInsertRowid);
  const adopt = (sub: number, kind: string, level: string, on: string) =>
    db.prepare(`INSERT INTO adoptions (submission_id, kind, office, level, on_date, created_at) VALUES (?, ?, '市委办', ?, ?, ?)`).run(sub, kind, level, on, now);
  const s1 = submission(west);
  adopt(s1, "adoption", "city", "2026-05-01"); // H1: 3
  adopt(s1, "adoption", "city", "2026-09-01"); // H2: 4
  adopt(s1, "instruction", "provincial", "2026-11-11"); // H2: 10
  adopt(submission(south), "adoption", "county", "2026-12-01"); // H2: 2
  const quota = (unitId: number, minLevel: string, period: string, count: number) =>
    db.prepare(`INSERT INTO quotas (year, unit_id, min_level, period, count, updated_at) VALUES (2026, ?, ?, ?, ?, ?)`).run(unitId, minLevel, period, count, now);
  quota(east, "city", "year", 4); // east: 4 placements at city or above
  for (const q of ["q1", "q2", "q3", "q4"]) quota(west, "county", q, 2); // west: only quarterly quotas, year = 8
  quota(south, "provincial", "year", 3);
  const office = await t.userClient("monitor");
  return { admin, office, east, west, south, zhang, placements };
}

const points = (ps: P[], f: (p: P) => boolean) => Math.round(ps.filter(f).reduce((s, p) => s + recount(p), 0) * 100) / 100;
const in2026 = (p: P) => p.on.startsWith("2026");

async function documentText(buf: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buf)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("publicity scores", () => {
  it("ranks units by points recounted under the rule set of each day, with quotas and completion", async () => {
    const { office, east, west, south, placements } = await setup();
    const res = await office.get("/api/publicity/scores?year=2026");
    expect(res.statusCode).toBe(200);
    const units = res.json().units as { unitId: number; unitName: string; placements: number; points: number; quota: number | null; completion: number | null; rank: number; byLevel: Record<Level, number>; adoptions: number; instructions: number; link: string }[];
    const row = (id: number) => units.find((u) => u.unitId === id)!;
    const eastPoints = points(placements, (p) => p.unit === east && in2026(p));
    const westPoints = Math.round((points(placements, (p) => p.unit === west) + 3 + 4 + 10) * 100) / 100;
    // 3 + 5 + 12×2 + 0.5×2 + 6×3 = 51; 6×1.5 + 2×3 + 0.5 (+17) = 32.5.
    expect(eastPoints).toBe(51);
    expect(row(east)).toMatchObject({ unitName: "东城街道", placements: 5, points: eastPoints, quota: 4, completion: 1, rank: 1, link: `/placements?unitId=${east}&year=2026` });
    expect(row(east).byLevel).toEqual({ national: 1, provincial: 0, city: 3, county: 1, internal: 0 });
    // West: quota = the quarters' sum (8), counting county or above: 2 of its 3 placements.
    expect(row(west)).toMatchObject({ placements: 3, points: westPoints, quota: 8, completion: 0.25, adoptions: 2, instructions: 1, rank: 2 });
    // South: last year's placement is not counted; one adoption (H2 county: 2) and a quota keep it listed.
    expect(row(south)).toMatchObject({ placements: 0, points: 2, quota: 3, completion: 0, rank: 3 });
    expect(units.map((u) => u.unitId)).toEqual([east, west, south]);

    // A quarter: its own quota (west q4 = 2) or the yearly pro-rata share (east 4 / 4 = 1).
    const q4 = (await office.get("/api/publicity/scores?year=2026&period=q4")).json().units as typeof units;
    const q4East = q4.find((u) => u.unitId === east)!;
    expect(q4East).toMatchObject({ placements: 2, points: points(placements, (p) => p.unit === east && p.on >= "2026-10-01"), quota: 1, completion: 2 });
    expect(q4East.link).toBe(`/placements?unitId=${east}&year=2026&from=2026-10-01&to=2026-12-31`);
    expect(q4.find((u) => u.unitId === west)).toMatchObject({ placements: 1, quota: 2, completion: 0.5, instructions: 1 });
  });

  it("ranks people by their share of each placement's points, one person per correspondent or per name and unit", async () => {
    const { office, east, west, zhang, placements } = await setup();
    const people = (await office.get("/api/publicity/people?year=2026")).json().people as { name: string; unitId: number; correspondentId: number | null; placements: number; points: number }[];
    const share = (name: string, unit: number) => Math.round(placements.filter((p) => p.unit === unit && in2026(p))
      .reduce((s, p) => s + p.authors.filter(([n]) => n === name).reduce((x, [, sh]) => x + Math.round(recount(p) * sh * 100) / 100, 0), 0) * 100) / 100;
    const zhangRow = people.find((p) => p.correspondentId === zhang)!;
    // The correspondent is one person whatever name the byline used: 3 + 5×0.5 + 6×3.
    expect(zhangRow).toMatchObject({ name: "张敏", placements: 3, points: 3 + 2.5 + 18 });
    expect(people.find((p) => p.name === "李强" && p.unitId === east)).toMatchObject({ placements: 2, points: share("李强", east) });
    expect(people.find((p) => p.name === "李强" && p.unitId === west)).toMatchObject({ placements: 1, points: 9 });
    expect(people.find((p) => p.name === "王芳")!.points).toBe(share("王芳", east));
    expect(people.some((p) => p.name === "周平")).toBe(false);
    expect(people.map((p) => p.points)).toEqual([...people.map((p) => p.points)].sort((a, b) => b - a));
  });

  it("writes the monthly notice with the period's figures, the units behind pro-rata progress and both rankings", async () => {
    const { office, placements, east } = await setup();
    const res = await office.get("/api/publicity/notice.docx?year=2026&period=m11");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    const text = await documentText(res.rawPayload);
    expect(text).toContain("2026年11月新闻宣传工作通报");
    // November: east 2 (national, city), west 1 (county); west's instruction on 11-11.
    expect(text).toContain("共在各级媒体上稿3篇，其中中央/国家级1篇、市级1篇、县级1篇");
    expect(text).toContain("获领导批示1条");
    const novEast = points(placements, (p) => p.unit === east && p.on.startsWith("2026-11"));
    expect(text).toContain(`东城街道（${novEast}分）`);
    // Through November (11/12 of the yearly quota due): south 0 of 2.75 and west 2 of 7.33 are behind; east 4 of 3.67 is not.
    expect(text).toContain("南山乡（完成0篇，应完成2.75篇）");
    expect(text).toContain("=西城镇（完成2篇，应完成7.33篇）");
    expect(text).not.toContain("东城街道（完成");
    expect(text).toContain("单位排名");
    expect(text).toContain("个人排名");
    expect(text).toContain("张敏");

    const q = await documentText((await office.get("/api/publicity/notice.docx?year=2026&period=q3")).rawPayload);
    expect(q).toContain("2026年第三季度新闻宣传工作通报");
  });

  it("exports the annual assessment with quota, completion, points and the reward of the year-end rule set", async () => {
    const { office, placements, east, west } = await setup();
    const xlsx = await office.get("/api/publicity/assessment.xlsx?year=2026");
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const lines = new Map<string, unknown[]>();
    ws.eachRow((r) => { const v = r.values as unknown[]; if (typeof v[2] === "string") lines.set(v[2], v.slice(1)); });
    const eastPoints = points(placements, (p) => p.unit === east && in2026(p));
    // H2 (in force on 12-31): 100 per point + 1000 when the quota is met.
    expect(lines.get("东城街道")).toEqual([1, "东城街道", "市级以上", 4, 4, 5, 1, "是", eastPoints, eastPoints * 100 + 1000]);
    const westPoints = Math.round((points(placements, (p) => p.unit === west) + 17) * 100) / 100;
    expect(lines.get("=西城镇")).toEqual([2, "=西城镇", "县级以上", 8, 2, 3, 0.25, "否", westPoints, westPoints * 100]);
    ws.eachRow((r) => r.eachCell((c) => expect(c.formula).toBeUndefined()));

    const docx = await office.get("/api/publicity/assessment.docx?year=2026");
    const text = await documentText(docx.rawPayload);
    expect(text).toContain("2026年度新闻宣传工作考核结果");
    expect(text).toContain("2026下半年");
    expect(text).toContain(String(eastPoints * 100 + 1000));
  });

  it("agrees with the placements API: each unit's figures equal the placements its link lists and their points", async () => {
    t = await createTestApp({ timeZone: "Asia/Shanghai" });
    const admin = await t.userClient("admin");
    const unit = async (name: string) => (await admin.post("/api/units", { name })).json().id as number;
    const [a, b] = [await unit("甲镇"), await unit("乙局")];
    expect((await admin.post("/api/scoring-rules", { name: "上半年", validFrom: "2026-01-01", rules: H1 })).statusCode).toBe(201);
    expect((await admin.post("/api/scoring-rules", { name: "下半年", validFrom: "2026-07-01", rules: H2 })).statusCode).toBe(201);
    const outlet = async (name: string, level: Level) => (await admin.post("/api/outlets", { name, level, medium: "newspaper" })).json().id as number;
    const outlets = { city: await outlet("市报", "city"), county: await outlet("县台", "county"), national: await outlet("国报", "national") };
    const returned = new Map<number, number>();
    const post = async (unitId: number, level: keyof typeof outlets, on: string, featured = false) => {
      const res = await admin.post("/api/placements", { title: `稿件${on}`, outletId: outlets[level], genre: "news", publishedOn: on, unitId, featured, authors: [{ name: "甲", share: 0.5 }, { name: "乙", share: 0.5 }] });
      expect(res.statusCode, res.body).toBe(201);
      returned.set(unitId, Math.round(((returned.get(unitId) ?? 0) + (res.json().points as number)) * 100) / 100);
    };
    await post(a, "city", "2026-06-30", true);
    await post(a, "city", "2026-07-01", true);
    await post(a, "national", "2026-09-09");
    await post(b, "county", "2026-02-02");
    await post(b, "county", "2026-12-01", true);
    expect((await admin.request({ method: "PUT", url: "/api/quotas", payload: { year: 2026, unitId: a, minLevel: "city", period: "year", count: 2 } })).statusCode).toBeLessThan(300);
    const units = (await admin.get("/api/publicity/scores?year=2026")).json().units as { unitId: number; placements: number; points: number; completion: number | null; link: string }[];
    expect(units.map((u) => u.unitId)).toEqual([a, b]);
    for (const u of units) {
      expect(u.points).toBe(returned.get(u.unitId));
      const listed = (await admin.get(`/api${u.link}`)).json() as { total: number; points: number };
      expect({ placements: listed.total, points: listed.points }).toEqual({ placements: u.placements, points: u.points });
    }
    // 3×2 (H1) + 5×3 (H2) + 10 = 31; 1 (H1) + 2×3 (H2) = 7.
    expect(units.map((u) => u.points)).toEqual([31, 7]);
    expect(units[0]!.completion).toBe(1.5);
  });

  it("keeps scores and documents from contributors", async () => {
    const { east } = await setup();
    const contributor = await t!.userClient("contributor", { unitId: east });
    for (const url of ["/api/publicity/scores?year=2026", "/api/publicity/people?year=2026", "/api/publicity/notice.docx?year=2026&period=m11", "/api/publicity/assessment.xlsx?year=2026", "/api/publicity/assessment.docx?year=2026"]) {
      expect((await contributor.get(url)).statusCode, url).toBe(403);
    }
    expect((await (await t!.userClient("leader")).get("/api/publicity/scores?year=2026")).statusCode).toBe(200);
    expect((await (await t!.userClient("monitor")).get("/api/publicity/scores?year=2026&period=m13")).statusCode).toBe(400);
  });
});
