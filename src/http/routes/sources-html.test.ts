// html and json sources through the API against the local fixture site (test/fixture-site.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";
import { startFixtureSite, type FixtureSite } from "../../../test/fixture-site";

let site: FixtureSite;
let t: TestApp | null = null;

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => site.close());
afterEach(async () => {
  await t?.close();
  t = null;
});

async function monitor(): Promise<Client> {
  t = await createTestApp({ fetchAllowHosts: [site.allowHost], timeZone: "Asia/Shanghai" });
  return t.userClient("monitor");
}

const NEWS = { item: "li.news", title: "a.t", link: "a.t", time: ".time" };
type Item = { title: string; text: string; url: string | null; publishedAt: string | null };
const items = async (m: Client): Promise<Item[]> => (await m.get("/api/items?limit=50")).json().items;

describe("html sources", () => {
  it("reads two list pages, fetches each article once, keeps its body without the navigation", async () => {
    const m = await monitor();
    const created = await m.post("/api/sources", {
      name: "青禾新闻网", kind: "html", url: `${site.url}/news/list.html`, intervalSeconds: 600,
      selectors: NEWS, pages: 2, nextPage: ".pager a.next",
    });
    expect(created.statusCode).toBe(201);
    const src = created.json();
    expect(src).toMatchObject({ kind: "html", selectors: NEWS, pages: 2, nextPage: ".pager a.next" });

    const r = (await m.post(`/api/sources/${src.id}/fetch`)).json();
    expect(r).toEqual({ inserted: 5 });
    const got = await items(m);
    expect(got.map((i) => i.title).sort()).toEqual(
      ["县图书馆延长开放时间", "城南路段施工期间交通管制的通告", "青禾县举办农民丰收节", "青禾县发布高温预警", "青禾县召开防汛工作会议"].sort(),
    );
    expect(got.some((i) => i.title.includes("脚本链接"))).toBe(false);
    const flood = got.find((i) => i.title === "青禾县召开防汛工作会议")!;
    expect(flood.url).toBe(`${site.url}/news/article-1.html`);
    expect(flood.text).toContain("部署今年汛期各项准备工作");
    expect(flood.text).not.toContain("导航栏");
    expect(flood.text).not.toContain("大促销");
    expect(got.find((i) => i.title === "县图书馆延长开放时间")!.publishedAt).toBe("2026-05-03T00:15:00.000Z");
    // 5分钟前, read against the fetch time.
    const minutesAgo = Date.now() - Date.parse(got.find((i) => i.title.startsWith("城南路段"))!.publishedAt!);
    expect(minutesAgo).toBeGreaterThan(4 * 60_000);
    expect(minutesAgo).toBeLessThan(7 * 60_000);

    // Polling again adds nothing and does not fetch the articles again.
    expect((await m.post(`/api/sources/${src.id}/fetch`)).json()).toEqual({ inserted: 0 });
    expect(site.hits.get("/news/article-1.html")).toBe(1);
    expect(site.hits.get("/news/list-2.html")).toBe(2);
  });

  it("refuses invalid or missing selectors with a field error, on create and on PATCH", async () => {
    const m = await monitor();
    const base = { name: "x", kind: "html", url: `${site.url}/news/list.html`, intervalSeconds: 600 };
    const bad = await m.post("/api/sources", { ...base, selectors: { ...NEWS, item: "li[class" } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toContain("selectors.item");
    const missing = await m.post("/api/sources", base);
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().fields)).toContain("selectors.item");

    const id = (await m.post("/api/sources", { ...base, selectors: NEWS })).json().id;
    const patched = await m.patch(`/api/sources/${id}`, { selectors: { ...NEWS, body: ".summary" }, timeFormat: "YYYY-MM-DD HH:mm" });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ selectors: { ...NEWS, body: ".summary" }, timeFormat: "YYYY-MM-DD HH:mm", name: "x" });
    const badPatch = await m.patch(`/api/sources/${id}`, { selectors: { ...NEWS, title: "##" } });
    expect(Object.keys(badPatch.json().fields)).toContain("selectors.title");
    expect((await m.get(`/api/sources/${id}`)).json().selectors.title).toBe("a.t");
    const cleared = (await m.patch(`/api/sources/${id}`, { timeFormat: "" })).json();
    expect(cleared.timeFormat).toBeUndefined();
    expect(cleared.selectors.body).toBe(".summary");
  });

  it("stores a Chinese failure with a stable code when the item selector matches nothing", async () => {
    const m = await monitor();
    const id = (await m.post("/api/sources", {
      name: "改版", kind: "html", url: `${site.url}/news/redesigned.html`, intervalSeconds: 600, selectors: NEWS,
    })).json().id;
    const r = (await m.post(`/api/sources/${id}/fetch`)).json();
    expect(r).toMatchObject({ inserted: 0, errorCode: "html.no_items" });
    const s = (await m.get(`/api/sources/${id}`)).json();
    expect(s).toMatchObject({ lastErrorCode: "html.no_items", errorCount: 1 });
    expect(s.lastError).toContain("列表选择器未匹配到任何条目");
  });

  it("previews GBK and Big5 list pages, a body selector, page URL patterns and malformed HTML without saving", async () => {
    const m = await monitor();
    const preview = async (body: Record<string, unknown>) => {
      const res = await m.post("/api/sources/preview", { kind: "html", intervalSeconds: 600, ...body });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const gbk = await preview({ url: `${site.url}/gov/list-gbk.html`, selectors: NEWS });
    expect(gbk.items.map((i: Item) => i.title)).toEqual(["县政府召开常务会议研究民生实事", "关于开展安全生产大检查的通知"]);
    expect(gbk.items[0].publishedAt).toBe("2026-05-01T01:00:00.000Z");
    // A misconfigured server's charset does not beat the page's own <meta charset="gbk">.
    for (const charset of ["ISO-8859-1", "utf-8"]) {
      const mislabelled = await preview({ url: `${site.url}/gov/list-gbk.html?charset=${charset}`, selectors: NEWS });
      expect(mislabelled.items.map((i: Item) => i.title)).toEqual(["县政府召开常务会议研究民生实事", "关于开展安全生产大检查的通知"]);
    }
    const big5 = await preview({ url: `${site.url}/gov/list-big5.html`, selectors: NEWS, timeFormat: "YYYY年MM月DD日" });
    expect(big5.items.map((i: Item) => i.title)).toEqual(["青禾縣舉辦農民豐收節", "市民熱議城南道路改造"]);
    expect(big5.items[1].publishedAt).toBe("2026-04-29T16:00:00.000Z");

    const inline = await preview({ url: `${site.url}/mail/inline.html`, selectors: { item: ".post", title: "h3", link: "h3 a", time: "em", body: ".body" } });
    expect(inline.items[0]).toMatchObject({ title: "反映小区噪音扰民问题", url: `${site.url}/mail/1`, publishedAt: "2026-04-30T16:00:00.000Z" });
    expect(inline.items[0].text).toContain("夜间施工");
    expect(site.hits.get("/mail/1")).toBeUndefined();

    const paged = await preview({ url: `${site.url}/news/list_1.html`, selectors: NEWS, pages: 3, pageUrlPattern: `${site.url}/news/list_{page}.html` });
    expect(paged.pages).toBe(2);
    expect(paged.items).toHaveLength(5);
    expect(paged.items[0].text.length).toBeLessThanOrEqual(200);
    expect(paged.warnings.join()).toContain("第 3 页");

    const broken = await preview({ url: `${site.url}/m/malformed.html`, selectors: NEWS });
    expect(broken.items.map((i: Item) => i.url)).toEqual([`${site.url}/m/1`, `${site.url}/m/2`]);
    expect(broken.items[1].title).toBe("标签未闭合的条目二");

    expect((await m.get("/api/sources")).json().sources).toHaveLength(0);
  });

  it("guards the preview like any fetch: refused without the allow list, and only for sources.write", async () => {
    t = await createTestApp({ timeZone: "Asia/Shanghai" });
    const m = await t.userClient("monitor");
    const r = await m.post("/api/sources/preview", { kind: "html", url: `${site.url}/news/list.html`, selectors: NEWS });
    expect(r.statusCode).toBe(400);
    expect(r.json().fields.url).toBeTruthy();
    const leader = await t.userClient("leader");
    expect((await leader.post("/api/sources/preview", { kind: "html", url: `http://example.cn/`, selectors: NEWS })).statusCode).toBe(403);
  });
});

describe("robots.txt", () => {
  it("is respected by default; only an administrator may override it, and the override is audited", async () => {
    const m = await monitor();
    const body = { name: "内部栏目", kind: "html", url: `${site.url}/private/list.html`, intervalSeconds: 600, selectors: NEWS };
    const id = (await m.post("/api/sources", body)).json().id;
    expect((await m.post(`/api/sources/${id}/fetch`)).json()).toMatchObject({ inserted: 0, errorCode: "fetch.robots_disallowed" });
    expect(site.hits.get("/private/list.html")).toBeUndefined();
    expect(site.hits.get("/robots.txt")).toBeGreaterThan(0);

    expect((await m.post("/api/sources", { ...body, ignoreRobots: true })).statusCode).toBe(403);
    expect((await m.patch(`/api/sources/${id}`, { ignoreRobots: true })).statusCode).toBe(403);
    const admin = await t!.userClient("admin");
    const patched = await admin.patch(`/api/sources/${id}`, { ignoreRobots: true });
    expect(patched.json()).toMatchObject({ ignoreRobots: true });
    expect((await m.post(`/api/sources/${id}/fetch`)).json()).toEqual({ inserted: 3 });
    // A monitor may still edit the rest of the source.
    expect((await m.patch(`/api/sources/${id}`, { intervalSeconds: 900 })).statusCode).toBe(200);
    const audit = t!.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action = 'source.update' ORDER BY id").pluck().all() as string[];
    expect(audit[0]).toContain("ignoreRobots");
  });
});

describe("robots.txt that cannot be read", () => {
  it("stops the poll with its own code, not as if the site forbade it", async () => {
    const m = await monitor();
    site.robotsStatus = 503;
    try {
      const id = (await m.post("/api/sources", { name: "出错的网站", kind: "html", url: `${site.url}/news/list.html`, intervalSeconds: 600, selectors: NEWS })).json().id;
      const r = (await m.post(`/api/sources/${id}/fetch`)).json();
      expect(r).toMatchObject({ inserted: 0, errorCode: "fetch.robots_unreachable" });
      expect(r.error).toContain("无法读取网站的 robots.txt");
      expect((await m.get(`/api/sources/${id}`)).json()).toMatchObject({ lastErrorCode: "fetch.robots_unreachable" });
    } finally {
      site.robotsStatus = null;
    }
  });
});

describe("json sources", () => {
  const mapping = { list: "data.items", title: "title", link: "url", time: "created", text: "content", author: "user.name" };

  it("maps an API's list to items, resolving relative links", async () => {
    const m = await monitor();
    const created = await m.post("/api/sources", { name: "论坛接口", kind: "json", url: `${site.url}/api/posts.json`, intervalSeconds: 300, mapping });
    expect(created.statusCode).toBe(201);
    expect(created.json().mapping).toEqual(mapping);
    expect((await m.post(`/api/sources/${created.json().id}/fetch`)).json()).toEqual({ inserted: 2 });
    const got = await items(m);
    const market = got.find((i) => i.title === "城东菜市场改造进展如何")!;
    expect(market).toMatchObject({ url: `${site.url}/t/102`, publishedAt: "2026-05-02T06:05:00.000Z", author: "青禾网友乙" });
    expect(market.text).toContain("什么时候能完工");
  });

  it("says clearly when the list path is not an array, and refuses bad paths", async () => {
    const m = await monitor();
    const r = (await m.post("/api/sources/preview", { kind: "json", url: `${site.url}/api/posts.json`, mapping: { ...mapping, list: "data" } })).json();
    expect(r).toMatchObject({ items: [], errorCode: "json.not_array" });
    expect(r.error).toContain("JSON 列表路径没有指向数组");
    const bad = await m.post("/api/sources", { name: "x", kind: "json", url: `${site.url}/api/posts.json`, mapping: { ...mapping, title: "a..b" } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toContain("mapping.title");
  });
});
