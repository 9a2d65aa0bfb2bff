import { describe, expect, it } from "vitest";
import { Analyser } from "./pipeline";

const post = (id: number, text: string) => ({ id, title: "", text, source: "青禾论坛", publishedAt: 1_700_000_000_000 + id * 60_000 });
const ORIGINAL = "青禾县城西公交3路自下周一起调整线路，不再经过老汽车站，改经新建的滨河路，沿线居民出行请提前规划时间。";

describe("Analyser", () => {
  it("bounds the near-duplicate index and keeps a forgotten first post's group id for later copies", () => {
    const analyser = new Analyser({ dedupMax: 30 });
    analyser.analyse(post(1, ORIGINAL));
    analyser.analyse(post(2, `转发：${ORIGINAL}`));
    for (let i = 3; i <= 60; i++) {
      analyser.analyse(post(i, `第${i}届青禾县中小学生运动会将于${i}日开幕，共设田径、游泳等${i}个项目。`));
      // Keep the repost group alive among the newest posts (30 compacts to the newest 19).
      if (i % 15 === 0) expect(analyser.analyse(post(1000 + i, `${ORIGINAL}（转）`)).dupGroup).toBe("1");
      expect(analyser.dedup.size).toBeLessThanOrEqual(30);
    }
    expect(analyser.dedup.groupOf("1")).toBe("1"); // kept as its group's ghost
    expect(analyser.analyse(post(2000, `【转载】${ORIGINAL}`)).dupGroup).toBe("1");
  });

  it("moves a repost group's event to its new name when a late first post renames it", () => {
    const analyser = new Analyser();
    const copy = analyser.analyse(post(2, `转发：${ORIGINAL}`));
    const late = analyser.analyse({ ...post(1, ORIGINAL), id: 3, publishedAt: post(2, "").publishedAt - 3_600_000 }); // published an hour earlier
    expect(late).toMatchObject({ dupGroup: "3", relabelled: ["2"], event: { eventId: copy.event.eventId, score: 1 } });
    const groups = (analyser.events.snapshot(copy.event.eventId) as { groups: [string, number][] }).groups;
    expect(groups.map(([g]) => g)).toEqual(["3"]);
  });

  it("renames a deleted first post's group in the index and in its event", () => {
    const analyser = new Analyser();
    const first = analyser.analyse(post(1, ORIGINAL));
    analyser.analyse(post(2, `转发：${ORIGINAL}`));
    analyser.forgetDeletedPosts([1], [{ from: "1", to: "2", publishedAt: post(2, "").publishedAt }]);
    expect(analyser.dedup.groupOf("2")).toBe("2");
    const groups = (analyser.events.snapshot(first.event.eventId) as { groups: [string, number][] }).groups;
    expect(groups.map(([g]) => g)).toEqual(["2"]);
    expect(analyser.analyse(post(4, `【转载】${ORIGINAL}`))).toMatchObject({ dupGroup: "2", event: { eventId: first.event.eventId, score: 1 } });
  });
});
