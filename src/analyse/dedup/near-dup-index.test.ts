import { describe, expect, it } from "vitest";
import { NearDupIndex } from "./near-dup-index";
import { simhash64 } from "./simhash";
import { ACCIDENT, ACCIDENT_COPIES, FLOOD_SUPPLIES, FLOOD_WATER, MIXED, OTHER_ACCIDENT } from "./testdata/posts";

describe("NearDupIndex", () => {
  it.each(Object.entries(ACCIDENT_COPIES))("puts the %s copy in the original's group", (kind, copy) => {
    const index = new NearDupIndex();
    index.add("original", ACCIDENT, 1000);
    expect(index.add(kind, copy, 2000)).toEqual({ groupId: "original", duplicateOf: "original", relabelled: [] });
  });

  it("gives the same groups from sketches made elsewhere (structured-cloned, as across threads)", () => {
    const texts: [string, string][] = [["original", ACCIDENT], ...Object.entries(ACCIDENT_COPIES), ["other", OTHER_ACCIDENT], ["a", "加油！"], ["b", "加油!!"]];
    const byText = new NearDupIndex();
    const bySketch = new NearDupIndex();
    const sketcher = new NearDupIndex().sketcher;
    for (const [id, text] of texts) {
      const sketch = structuredClone(sketcher.sketch(text));
      expect(bySketch.addSketch(id, sketch, 1000)).toEqual(byText.add(id, text, 1000));
    }
    expect(bySketch.members("original").length).toBe(1 + Object.keys(ACCIDENT_COPIES).length);
    expect(bySketch.groupOf("b")).toBe("a");
    for (const [, text] of texts) expect(sketcher.sketchAndFingerprint(text).simhash).toBe(simhash64(text));
  });

  it("names the groups an item relabels: a late original, and a bridge between two groups", () => {
    const index = new NearDupIndex();
    index.add("copy", ACCIDENT_COPIES.forwarded, 2000);
    expect(index.add("original", ACCIDENT, 1000)).toEqual({ groupId: "original", duplicateOf: "copy", relabelled: ["copy"] });
    const shorts = new NearDupIndex();
    shorts.add("a", "加油！", 1);
    expect(shorts.add("b", "加油!!", 2).relabelled).toEqual([]);
  });

  it("compacts to the newest posts: kept groups keep their id, new copies still join them", () => {
    const index = new NearDupIndex();
    index.add("original", ACCIDENT, 1000);
    const copies = Object.entries(ACCIDENT_COPIES);
    copies.slice(0, -1).forEach(([kind, copy], i) => index.add(kind, copy, 2000 + i));
    index.add("other", OTHER_ACCIDENT, 3000);
    index.add("a", "加油！", 3001);
    for (let i = 0; i < 50; i++) index.add(`filler${i}`, `第${i}条无关的帖子，内容是青禾县第${i}届运动会的赛程安排和场馆开放时间通知。`, 4000 + i);
    const before = index.size;
    index.compact(52); // keeps "other", "a" and the fillers; the accident group is gone entirely
    expect(index.size).toBe(52);
    expect(index.groupOf("original")).toBeNull();
    expect(index.add("b", "加油!!", 5000).groupId).toBe("a");
    expect(index.add("other-copy", `转发：${OTHER_ACCIDENT}`, 5001).groupId).toBe("other");

    const again = new NearDupIndex();
    again.add("original", ACCIDENT, 1000);
    copies.slice(0, -1).forEach(([kind, copy], i) => again.add(kind, copy, 2000 + i));
    again.compact(2); // the last two copies stay; "original" stays as the group's ghost
    expect(again.size).toBe(3);
    expect(again.groupOf(copies[copies.length - 2][0])).toBe("original");
    const [lastKind, lastCopy] = copies[copies.length - 1];
    expect(again.add(lastKind, lastCopy, 9000)).toMatchObject({ groupId: "original" });
    expect(before).toBeGreaterThan(index.size);
  });

  it("groups all copies together and keeps a different story apart", () => {
    const index = new NearDupIndex();
    index.add("original", ACCIDENT);
    for (const [kind, copy] of Object.entries(ACCIDENT_COPIES)) index.add(kind, copy);
    expect(index.add("other", OTHER_ACCIDENT)).toEqual({ groupId: "other", duplicateOf: null, relabelled: [] });
    expect(index.members("original").sort()).toEqual(["original", ...Object.keys(ACCIDENT_COPIES)].sort());
  });

  it("keeps joining a viral post's copies after its buckets are full", () => {
    const index = new NearDupIndex();
    index.add("original", ACCIDENT, 0);
    // 100 copies fill every bucket of the text (a bucket stops growing at 64 posts) …
    for (let i = 1; i <= 100; i++) expect(index.add(`copy${i}`, ACCIDENT, i).groupId).toBe("original");
    // … so later copies find the group only through full buckets: exact, and with a changed character.
    expect(index.add("late", ACCIDENT, 200)).toMatchObject({ groupId: "original" });
    expect(index.add("edited", `${ACCIDENT.slice(0, 20)}啊${ACCIDENT.slice(21)}`, 201)).toMatchObject({ groupId: "original" });
    expect(index.add("other", OTHER_ACCIDENT, 202).groupId).toBe("other");
  });

  it("keeps posts that share only a hashtag apart", () => {
    const index = new NearDupIndex();
    index.add("water", FLOOD_WATER);
    expect(index.add("supplies", FLOOD_SUPPLIES).groupId).toBe("supplies");
  });

  it("does not glue short posts unless they are identical", () => {
    const index = new NearDupIndex();
    index.add("a", "加油！");
    expect(index.add("b", "加油啊！").groupId).toBe("b");
    expect(index.add("c", "收到了").groupId).toBe("c");
    expect(index.add("d", "加油!!").groupId).toBe("a");
    expect(index.add("e", "加油！文昌路口的货车事故让大家都很揪心，希望伤者早日康复。").groupId).toBe("e");
  });

  it("never groups empty or emoji-only posts", () => {
    const index = new NearDupIndex();
    index.add("a", "");
    index.add("b", "😂😂👍");
    expect(index.add("c", "").groupId).toBe("c");
    expect(index.add("d", "😂😂👍").groupId).toBe("d");
  });

  it("joins two reposts of one post through the original, not through each other", () => {
    const index = new NearDupIndex();
    // Each comment is about as long as the post it reposts, so the two bodies differ by half.
    const first = `下午路过文昌路口，看到交警正在处理现场，附近堵了很久才过去，公交车也绕行了，上班的人都迟到了，大家还是早点出门吧。//@青禾发布:${ACCIDENT}`;
    const second = `柳溪镇这个路口去年就出过事，早该装个信号灯，希望这次能重视起来，别等再出事才想办法，学校门口那段也该管一管了。//@青禾发布:${ACCIDENT}`;
    index.add("first", first, 3000);
    expect(index.add("second", second, 4000).groupId).toBe("second");
    expect(index.add("original", ACCIDENT, 1000)).toMatchObject({ groupId: "original" });
    expect(index.groupOf("first")).toBe("original");
    expect(index.groupOf("second")).toBe("original");
  });

  it("names a group after its earliest member, also when that member arrives late", () => {
    const index = new NearDupIndex();
    index.add("copy", ACCIDENT_COPIES.forwarded, 5000);
    expect(index.add("original", ACCIDENT, 1000).groupId).toBe("original");
    expect(index.groupOf("copy")).toBe("original");
    expect(index.groupOf("unknown")).toBeNull();
    expect(index.members("unknown")).toEqual([]);
  });

  it("handles a 1 MB post and mixed scripts", () => {
    const index = new NearDupIndex();
    const huge = `${ACCIDENT}${"柳溪河两岸的稻田今年长势很好。".repeat(70_000)}`;
    index.add("huge", huge);
    expect(index.add("huge-copy", `转发微博 ${huge}`).groupId).toBe("huge");
    index.add("mixed", MIXED);
    expect(index.add("mixed-copy", MIXED.toUpperCase().replace(/,/g, "，")).groupId).toBe("mixed");
  });

  it("never reports a repost as a copy of itself", () => {
    const index = new NearDupIndex();
    expect(index.add("x", `说得好，支持青禾交警，大家都要小心开车啊！//@青禾发布:${ACCIDENT}`)).toEqual({ groupId: "x", duplicateOf: null, relabelled: [] });
  });

  it("returns where an id already is when it is added again", () => {
    const index = new NearDupIndex();
    index.add("original", ACCIDENT);
    index.add("copy", ACCIDENT_COPIES.forwarded);
    expect(index.add("copy", "完全不同的文字")).toEqual({ groupId: "original", duplicateOf: null, relabelled: [] });
    expect(index.size).toBe(2);
  });

  it("round-trips its state through JSON", () => {
    const index = new NearDupIndex();
    const posts: [string, string][] = [["original", ACCIDENT], ...Object.entries(ACCIDENT_COPIES), ["other", OTHER_ACCIDENT], ["w", FLOOD_WATER], ["s", "加油"]];
    posts.forEach(([id, text], i) => index.add(id, text, i));
    const restored = NearDupIndex.importState(JSON.parse(JSON.stringify(index.exportState())));
    for (const [id] of posts) expect(restored.groupOf(id)).toBe(index.groupOf(id));
    expect(restored.members("original").sort()).toEqual(index.members("original").sort());
    for (const [id, text] of [["late-copy", `【转载】${FLOOD_WATER}`], ["late-short", "加油"], ["late-other", MIXED]]) {
      expect(restored.add(id, text)).toEqual(index.add(id, text));
    }
    expect(() => NearDupIndex.importState({ version: 2 })).toThrow(/not a near-duplicate index state/);
    const state = index.exportState();
    const cut = { ...state, slots: { ...state.slots, item: Buffer.from(state.slots.item, "base64").subarray(4).toString("base64") } };
    expect(() => NearDupIndex.importState(JSON.parse(JSON.stringify(cut)))).toThrow(/too few slots/);
  });

  it("forgets deleted posts: they still match but name no group, also after compaction and a restore", () => {
    const index = new NearDupIndex();
    index.add("original", ACCIDENT, 1000);
    index.add("forwarded", ACCIDENT_COPIES.forwarded, 3000);
    index.add("reprinted", ACCIDENT_COPIES.reprinted, 2000);
    index.add("a", "加油！", 1);
    index.forget(["original", "a", "unknown"]);
    // Named after the earliest post left (by publication time), and a new copy joins that name.
    expect(index.groupOf("forwarded")).toBe("reprinted");
    expect(index.add("chain", ACCIDENT_COPIES.chain, 4000)).toMatchObject({ groupId: "reprinted" });
    // A group whose every post is deleted is named by the next post that joins it.
    expect(index.add("b", "加油!!", 5)).toEqual({ groupId: "b", duplicateOf: "a", relabelled: [] });

    for (let i = 0; i < 20; i++) index.add(`filler${i}`, `第${i}条无关的帖子，内容是青禾县第${i}届运动会的赛程安排和场馆开放时间通知。`, 6000 + i);
    index.forget(["chain"]);
    index.compact(22); // keeps "chain" (with "reprinted", its group's first, as a ghost) and the fillers
    index.forget(["reprinted"]);
    // Both are deleted (the compaction kept knowing "chain" is), so the next copy names the group.
    const restored = NearDupIndex.importState(JSON.parse(JSON.stringify(index.exportState())));
    expect(index.add("emoticons", ACCIDENT_COPIES.emoticons, 7000)).toMatchObject({ groupId: "emoticons", duplicateOf: "chain" });
    expect(restored.add("emoticons", ACCIDENT_COPIES.emoticons, 7000)).toMatchObject({ groupId: "emoticons", duplicateOf: "chain" });
  });

  it("takes the name the stored items chose for a group whose first post was deleted", () => {
    const index = new NearDupIndex();
    index.add("original", ACCIDENT, 1000);
    index.add("forwarded", ACCIDENT_COPIES.forwarded, 3000);
    index.forget(["original"]);
    // An earlier copy the index no longer holds (compacted away) names the group in the database.
    index.rename("original", "older", 2000);
    expect(index.groupOf("forwarded")).toBe("older");
    expect(index.add("reprinted", ACCIDENT_COPIES.reprinted, 4000)).toMatchObject({ groupId: "older" });
    // A copy published earlier still takes the name, as a group's earliest post does.
    expect(index.add("earliest", ACCIDENT_COPIES.editorTail, 1500)).toMatchObject({ groupId: "earliest", relabelled: ["older"] });
    index.rename("not-held", "x", 0); // a group this index never held: nothing to do
    expect(index.groupOf("x")).toBeNull();
  });

  it("rejects banding that needs more hashes than a signature has", () => {
    expect(() => new NearDupIndex({ bands: 40, rows: 4 })).toThrow(/exceed 128/);
  });
});
