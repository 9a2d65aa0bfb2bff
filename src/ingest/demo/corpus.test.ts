import { describe, expect, it } from "vitest";
import { createDemoGenerator, generateChineseItems } from "./corpus";

const start = Date.UTC(2024, 4, 1);
const batch = (seed: number, n: number) => {
  const gen = createDemoGenerator(seed, "http://127.0.0.1:9999");
  return Array.from({ length: n }, (_, i) => gen.next(new Date(start + i * 60_000)));
};

describe("createDemoGenerator", () => {
  it("is reproducible for a seed and different across seeds", () => {
    expect(batch(7, 30).map((p) => p.text)).toEqual(batch(7, 30).map((p) => p.text));
    expect(batch(8, 30).map((p) => p.text)).not.toEqual(batch(7, 30).map((p) => p.text));
  });

  it("produces hundreds of distinct Chinese posts of 60–300 characters", () => {
    const posts = batch(42, 500);
    expect(new Set(posts.map((p) => p.text)).size).toBeGreaterThan(450);
    expect(new Set(posts.map((p) => p.title)).size).toBeGreaterThan(200);
    for (const p of posts) {
      expect(p.text.length).toBeGreaterThanOrEqual(60);
      expect(p.text.length).toBeLessThanOrEqual(300);
      expect((p.text.match(/[\u4e00-\u9fff]/g) ?? []).length / p.text.length).toBeGreaterThan(0.6); // Chinese prose
      expect(p.title).not.toMatch(/\{|\}/); // every slot filled
      expect(p.text).not.toMatch(/\{|\}/);
    }
  });

  it("covers every topic and tone, with complaints the largest share", () => {
    const posts = batch(3, 600);
    expect(new Set(posts.map((p) => p.topic))).toEqual(new Set(["education", "traffic", "environment", "health", "local", "praise"]));
    const count = (tone: string) => posts.filter((p) => p.tone === tone).length;
    expect(count("negative")).toBeGreaterThan(count("positive"));
    expect(count("neutral")).toBeGreaterThan(50);
    expect(count("positive")).toBeGreaterThan(50);
  });

  it("reposts earlier posts with 转发/转载 wrappers that keep the original words", () => {
    const posts = batch(11, 300);
    const reposts = posts.filter((p) => /^(转发：|【转载】)|（转）$/.test(p.title));
    expect(reposts.length).toBeGreaterThan(15);
    for (const r of reposts) {
      const copied = posts.some((p) => p.publishedAt < r.publishedAt && r.title.includes(p.title) && r.text.includes(p.text.slice(0, 20)));
      expect(copied, r.title).toBe(true);
    }
  });

  it("gives each post a unique guid, a fictional author and a URL on the demo server", () => {
    const posts = batch(5, 200);
    expect(new Set(posts.map((p) => p.guid)).size).toBe(200);
    for (const p of posts) expect(p.url).toBe(`http://127.0.0.1:9999/posts/${p.guid}`);
    expect(posts.map((p) => p.author)).toContain("青禾网友_小林");
  });
});

describe("generateChineseItems", () => {
  it("returns n reproducible items of roughly 100–200 characters", () => {
    const items = generateChineseItems(2000, 1);
    expect(items).toHaveLength(2000);
    expect(generateChineseItems(50, 1)).toEqual(items.slice(0, 50));
    const lengths = items.map((i) => i.text.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(200);
    expect(lengths.filter((l) => l < 90)).toHaveLength(0);
    expect(new Set(items.map((i) => i.text)).size).toBeGreaterThan(1500);
  });
});
