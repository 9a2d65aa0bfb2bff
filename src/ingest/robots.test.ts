import { describe, expect, it } from "vitest";
import { createRobotsCache } from "./robots";
import { FetchError } from "./errors";

const file = (text: string) => async () => ({ body: Buffer.from(text) });

describe("robots.txt", () => {
  it("follows the group for our agent, else *, with Allow beating a shorter Disallow and the crawl delay", async () => {
    const robots = createRobotsCache(file([
      "User-agent: *", "Disallow: /private/", "",
      "User-agent: Tingfeng", "Disallow: /bbs/", "Allow: /bbs/notice/", "Crawl-delay: 3",
    ].join("\n")));
    expect(await robots.check("https://news.example.cn/list.html")).toEqual({ allowed: true, crawlDelay: 3, reason: null });
    expect(await robots.check("https://news.example.cn/bbs/thread-1.html")).toMatchObject({ allowed: false, reason: "rule" });
    expect((await robots.check("https://news.example.cn/bbs/notice/2.html")).allowed).toBe(true);
    // Our group replaces *: /private/ is not ours to avoid.
    expect((await robots.check("https://news.example.cn/private/x")).allowed).toBe(true);
  });

  it("allows everything when there is no file (4xx) and nothing while it cannot be read (5xx, network), then asks again", async () => {
    let t = 0;
    let calls = 0;
    let fail: FetchError = new FetchError("fetch.http_status", "404", { status: 404 });
    const robots = createRobotsCache(async () => {
      calls++;
      throw fail;
    }, { now: () => t, retryMs: 1000, ttlMs: 10_000 });
    expect(await robots.check("https://a.example.cn/x")).toMatchObject({ allowed: true });
    fail = new FetchError("fetch.http_status", "503", { status: 503 });
    expect(await robots.check("https://b.example.cn/x")).toMatchObject({ allowed: false, reason: "unreachable" });
    expect(calls).toBe(2);
    // Cached: no new request within the retry time; asked again after it.
    await robots.check("https://b.example.cn/y");
    expect(calls).toBe(2);
    t = 1500;
    fail = new FetchError("fetch.network", "down");
    expect(await robots.check("https://b.example.cn/y")).toMatchObject({ allowed: false, reason: "unreachable" });
    expect(calls).toBe(3);
  });

  it("reads one file per origin even under concurrent checks", async () => {
    let calls = 0;
    const robots = createRobotsCache(async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 10));
      return { body: Buffer.from("User-agent: *\nDisallow: /a") };
    });
    const verdicts = await Promise.all(["/a/1", "/b", "/a/2", "/c"].map((p) => robots.check(`http://x.example.cn${p}`)));
    expect(verdicts.map((v) => v.allowed)).toEqual([false, true, false, true]);
    expect(calls).toBe(1);
  });
});
