import { describe, expect, it } from "vitest";
import { summariseEvent } from "./summarise-event";
import { at, post, repost, SCHOOL_FEE } from "./testdata/qinghe-posts";

describe("summariseEvent", () => {
  const first = post(SCHOOL_FEE, 1, at(0.5));
  const items = [
    { ...first, source: "青禾论坛" },
    { ...repost(first, 2, at(0.75)), source: "微博", sentiment: "neu" as const },
    { ...repost(first, 3, at(3.2)), source: "微博" },
    { ...post(SCHOOL_FEE, 4, at(3.5)), source: "青禾日报", sentiment: "pos" as const },
  ];

  it("gives the span, sources by count, sentiment mix and a title from the most reposted post", () => {
    const s = summariseEvent(items);
    expect(s).toMatchObject({ firstAt: at(0.5), lastAt: at(3.5), size: 4, sentimentMix: { neg: 2, neu: 1, pos: 1 } });
    // Ties in code-point order, the same on every machine.
    expect(s.sources).toEqual([{ name: "微博", count: 2 }, { name: "青禾日报", count: 1 }, { name: "青禾论坛", count: 1 }]);
    expect(s.title).toBe(first.title);
  });

  it("draws an hourly curve with the empty hours in it", () => {
    expect(summariseEvent(items).volume).toEqual([
      { hour: at(0), count: 2 }, { hour: at(1), count: 0 }, { hour: at(2), count: 0 }, { hour: at(3), count: 2 },
    ]);
    expect(summariseEvent(items, 2 * 3_600_000).volume.map((v) => v.count)).toEqual([2, 2]);
  });

  it("ranks keywords by summed weight, the top one at 1", () => {
    const top = summariseEvent(items).topKeywords;
    expect(top[0]).toEqual({ word: "校服费", weight: 1 });
    expect(top.length).toBeLessThanOrEqual(10);
    expect(top.every((k, i) => i === 0 || k.weight <= top[i - 1].weight)).toBe(true);
  });

  it("summarises no items without failing", () => {
    expect(summariseEvent([])).toEqual({
      title: "", firstAt: null, lastAt: null, size: 0, sources: [], sentimentMix: { neg: 0, neu: 0, pos: 0 }, topKeywords: [], volume: [],
    });
  });
});
