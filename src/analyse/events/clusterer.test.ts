import { describe, expect, it } from "vitest";
import { EventClusterer } from "./clusterer";
import type { EventItem } from "./types";
import { at, BUS_ROUTE, post, repost, SCHOOL_FEE } from "./testdata/qinghe-posts";

const HOUR = 3_600_000;

function item(id: number, words: [string, number][], entities: string[] = [], publishedAt = at(1)): EventItem {
  return { id, publishedAt, title: "", keywords: words.map(([word, weight]) => ({ word, weight })), entities, dupGroup: String(id), sentiment: "neu" };
}

describe("EventClusterer.assign", () => {
  it("keeps two interleaved incidents in two events", () => {
    const c = new EventClusterer();
    const school: number[] = [];
    const bus: number[] = [];
    for (let i = 0; i < 12; i++) {
      const a = c.assign(post(i % 2 ? BUS_ROUTE : SCHOOL_FEE, i + 1, at(i)));
      (i % 2 ? bus : school).push(a.eventId);
    }
    expect(new Set(school).size).toBe(1);
    expect(new Set(bus).size).toBe(1);
    expect(school[0]).not.toBe(bus[0]);
  });

  it("puts every copy of a post in the post's event, even with no keywords or other words", () => {
    const c = new EventClusterer();
    const original = post(SCHOOL_FEE, 1, at(0));
    const first = c.assign(original);
    c.assign(post(BUS_ROUTE, 2, at(1)));
    expect(c.assign(repost(original, 3, at(2)))).toEqual({ eventId: first.eventId, created: false, score: 1 });
    // A repost whose comment is only emoji: no keywords, still the same story.
    expect(c.assign({ ...repost(original, 4, at(3)), keywords: [] }).eventId).toBe(first.eventId);
    // A repost whose comment drowns the original's words in another topic's: the group decides
    // (the original's text, and so its places, are still in it).
    const drowned = post(BUS_ROUTE, 5, at(4));
    expect(c.assign({ ...drowned, entities: [...drowned.entities, ...original.entities], dupGroup: original.dupGroup }).eventId).toBe(first.eventId);
  });

  it("keeps a renamed repost group with its event, so later copies under the new name follow it", () => {
    const c = new EventClusterer();
    const original = post(SCHOOL_FEE, 1, at(0));
    const first = c.assign(original);
    c.renameGroup("1", "late-first"); // post 1 is its own group, "1"
    c.renameGroup("no-such-group", "other"); // nothing to move
    // A copy whose words alone would open a new event joins by its group's new name.
    expect(c.assign({ ...post(BUS_ROUTE, 2, at(1)), dupGroup: "late-first" }).eventId).toBe(first.eventId);
    expect(c.snapshot(first.eventId)).toMatchObject({ groups: [["late-first", expect.any(Number)]] });
  });

  it("leaves a group's new name with its owner when the name already has one (two groups joined)", () => {
    const c = new EventClusterer();
    const school = c.assign(post(SCHOOL_FEE, 1, at(0)));
    const bus = c.assign(post(BUS_ROUTE, 2, at(1)));
    expect(bus.eventId).not.toBe(school.eventId);
    c.renameGroup("1", "2");
    expect(c.assign({ ...post(SCHOOL_FEE, 3, at(2)), dupGroup: "2" }).eventId).toBe(bus.eventId);
    expect(c.assign({ ...post(BUS_ROUTE, 4, at(3)), dupGroup: "1" }).eventId).toBe(school.eventId);
  });

  it("gives a post without keywords and without copies an event of its own", () => {
    const c = new EventClusterer();
    c.assign(post(SCHOOL_FEE, 1, at(0)));
    const lone = c.assign(item(2, [], ["禾溪镇"]));
    expect(lone.created).toBe(true);
    expect(c.assign(item(3, [], ["禾溪镇"])).eventId).not.toBe(lone.eventId);
  });

  describe("evidence rule", () => {
    // A one-post event whose strongest word is the generic 学校: cosine alone would glue.
    const fee = (): EventClusterer => {
      const c = new EventClusterer();
      c.assign(item(1, [["学校", 1], ["校服费", 0.9], ["家长", 0.8], ["禾溪镇", 0.7]], ["禾溪镇"]));
      return c;
    };

    it("does not join incidents that share one generic word", () => {
      expect(fee().assign(item(2, [["学校", 1], ["运动会", 0.6], ["城东", 0.4]], ["城东实验学校"])).created).toBe(true);
    });

    it("does not join incidents that share only a place name", () => {
      expect(fee().assign(item(2, [["禾溪镇", 1], ["赶集", 0.6]], ["禾溪镇"])).created).toBe(true);
    });

    it("does not join on two shared words without a shared entity", () => {
      expect(fee().assign(item(2, [["学校", 1], ["家长", 0.9], ["午餐", 0.5]])).created).toBe(true);
    });

    it("joins on three shared words at a high similarity when the item names no place", () => {
      expect(fee().assign(item(2, [["学校", 1], ["校服费", 0.9], ["家长", 0.8], ["退费", 0.3]]))).toMatchObject({ eventId: 1, created: false });
    });

    it("joins on a shared entity plus two shared words, not one", () => {
      expect(fee().assign(item(2, [["校服费", 1], ["开学", 0.6]], ["禾溪镇"])).created).toBe(true);
      expect(fee().assign(item(2, [["校服费", 1], ["家长", 0.8], ["开学", 0.6]], ["禾溪镇"]))).toMatchObject({ eventId: 1, created: false });
    });
  });

  it("opens a new event once the last item is older than the window", () => {
    const c = new EventClusterer({ windowMs: 72 * HOUR });
    const first = c.assign(post(SCHOOL_FEE, 1, at(0)));
    expect(c.assign(post(SCHOOL_FEE, 2, at(71))).eventId).toBe(first.eventId);
    expect(c.open(at(71 + 72))).toEqual([first.eventId]);
    expect(c.open(at(71 + 73))).toEqual([]);
    const late = c.assign(post(SCHOOL_FEE, 3, at(71 + 73)));
    expect(late.created).toBe(true);
    expect(c.open(at(71 + 73))).toEqual([late.eventId]);
  });

  it("closes the least recently active events beyond maxOpenEvents", () => {
    const c = new EventClusterer({ maxOpenEvents: 2 });
    const school = c.assign(post(SCHOOL_FEE, 1, at(0))).eventId;
    const bus = c.assign(post(BUS_ROUTE, 2, at(1))).eventId;
    c.assign(item(3, [["水管", 1], ["爆裂", 0.8], ["停水", 0.7]], [], at(2)));
    expect(c.open(at(2))).not.toContain(school);
    expect(c.assign(post(BUS_ROUTE, 4, at(3))).eventId).toBe(bus);
    expect(c.assign(post(SCHOOL_FEE, 5, at(4))).created).toBe(true);
  });

  it("uses allocated ids and rejects bad options", () => {
    let next = 500;
    const c = new EventClusterer({ nextId: () => next++ });
    expect(c.assign(post(SCHOOL_FEE, 1, at(0))).eventId).toBe(500);
    expect(c.assign(post(BUS_ROUTE, 2, at(0))).eventId).toBe(501);
    expect(() => new EventClusterer({ windowMs: 0 })).toThrow(/windowMs/);
    expect(() => new EventClusterer({ maxOpenEvents: 0.5 })).toThrow(/maxOpenEvents/);
  });
});
