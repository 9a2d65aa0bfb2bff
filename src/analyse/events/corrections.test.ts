import { describe, expect, it } from "vitest";
import { EventClusterer } from "./clusterer";
import type { EventSnapshot } from "./snapshot";
import type { Assignment } from "./types";
import { at, BUS_ROUTE, post, repost, SCHOOL_FEE, SCHOOL_LUNCH, SPORTS_DAY } from "./testdata/qinghe-posts";

/** Fee, bus and lunch posts in turn; lunch posts first join the fee event (same school). */
function feed(c: EventClusterer, from: number, to: number): Map<number, Assignment> {
  const out = new Map<number, Assignment>();
  for (let i = from; i < to; i++) {
    const incident = [SCHOOL_FEE, BUS_ROUTE, SCHOOL_LUNCH][i % 3];
    out.set(i + 1, c.assign(post(incident, i + 1, at(i))));
  }
  return out;
}

const lunchIds = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k + 1).filter((id) => id % 3 === 0);

describe("EventClusterer corrections", () => {
  it("keeps a merge: later items of the merged-away event land in the target", () => {
    const c = new EventClusterer();
    const school = c.assign(post(SCHOOL_FEE, 1, at(0))).eventId;
    const busPost = post(BUS_ROUTE, 2, at(1));
    const bus = c.assign(busPost).eventId;
    expect(bus).not.toBe(school);
    c.merge(school, bus);
    expect(c.assign(post(BUS_ROUTE, 3, at(2)))).toMatchObject({ eventId: school, created: false });
    expect(c.assign(repost(busPost, 4, at(3))).eventId).toBe(school);
    expect(c.resolve(bus)).toBe(school);
    expect(c.open(at(3))).toEqual([school]);
    expect(c.snapshot(bus)).toEqual({ v: 1, kind: "merged", id: bus, mergedInto: school });
  });

  it("carries a merge into an event that is no longer open", () => {
    const c = new EventClusterer({ windowMs: 10 * 3_600_000 });
    const old = c.assign(post(SPORTS_DAY, 1, at(0))).eventId;
    const bus = c.assign(post(BUS_ROUTE, 2, at(20))).eventId;
    expect(c.open(at(20))).toEqual([bus]);
    c.merge(old, bus);
    expect(c.assign(post(BUS_ROUTE, 3, at(21))).eventId).toBe(old);
  });

  it("keeps split items apart: new posts and reposts of either story go to their own event", () => {
    const c = new EventClusterer();
    const before = feed(c, 0, 12);
    const fee = before.get(1)!.eventId;
    expect(before.get(3)!.eventId).toBe(fee); // precondition: the lunch story was glued to the fee story
    const lunch = c.split(fee, lunchIds(0, 12), 900);
    expect(lunch).toBe(900);
    expect(c.apart(fee, lunch)).toBe(true);
    const after = feed(c, 12, 30);
    for (const [id, a] of after) expect(a.eventId).toBe(id % 3 === 0 ? lunch : id % 3 === 1 ? fee : before.get(2)!.eventId);
    expect(c.assign(repost(post(SCHOOL_LUNCH, 3, at(2)), 100, at(31))).eventId).toBe(lunch);
    expect(c.assign(repost(post(SCHOOL_FEE, 4, at(3)), 101, at(31))).eventId).toBe(fee);
    expect(c.snapshot(fee)).toMatchObject({ cannotLink: [lunch] });
    // Four split off, six new lunch posts and one repost.
    expect(c.snapshot(lunch)).toMatchObject({ size: 4 + 6 + 1, cannotLink: [fee] });
  });

  it("splits an event longer than its remembered history", () => {
    const c = new EventClusterer();
    const fee = c.assign(post(SCHOOL_FEE, 1, at(0))).eventId;
    for (let i = 2; i <= 340; i++) expect(c.assign(post(i % 2 ? SCHOOL_FEE : SCHOOL_LUNCH, i, at(i / 10))).eventId).toBe(fee);
    const lunch = c.split(fee, Array.from({ length: 170 }, (_, k) => 2 * (k + 1)));
    expect(c.assign(post(SCHOOL_LUNCH, 1000, at(35))).eventId).toBe(lunch);
    expect(c.assign(post(SCHOOL_FEE, 1001, at(35))).eventId).toBe(fee);
  });

  it("forgets deleted items: an event it remembers whole is as if they never came, a longer one loses their count", () => {
    const seen = new EventClusterer();
    const fee = feed(seen, 0, 12).get(1)!.eventId;
    seen.forget(fee, lunchIds(0, 12));
    // The same posts without the lunch ones, into a clusterer that never saw those.
    const never = new EventClusterer();
    for (let i = 0; i < 12; i++) if ((i + 1) % 3 !== 0) never.assign(post([SCHOOL_FEE, BUS_ROUTE][i % 3], i + 1, at(i)));
    expect(seen.snapshot(fee)).toEqual(never.snapshot(fee));
    expect(seen.snapshot(fee)).toMatchObject({ size: 4 });
    // An id it never held, or an event not in memory, changes nothing.
    seen.forget(fee, [999]);
    seen.forget(12345, [1]);
    expect(seen.snapshot(fee)).toEqual(never.snapshot(fee));

    const long = new EventClusterer();
    const ev = long.assign(post(SCHOOL_FEE, 1, at(0))).eventId;
    for (let i = 2; i <= 340; i++) long.assign(post(SCHOOL_FEE, i, at(i / 10)));
    long.forget(ev, Array.from({ length: 100 }, (_, k) => k + 1));
    expect(long.snapshot(ev)).toMatchObject({ size: 240 });
  });

  it("continues after restore exactly as an uninterrupted run", () => {
    const run = (restart: boolean): { assigned: [number, Assignment][]; final: unknown[] } => {
      let next = 1;
      const nextId = (): number => next++;
      let c = new EventClusterer({ nextId });
      const first = feed(c, 0, 15);
      const fee = first.get(1)!.eventId;
      const bus = first.get(2)!.eventId;
      c.split(fee, lunchIds(0, 15));
      c.assign(post(SPORTS_DAY, 50, at(15)));
      const sports = c.assign(post(SPORTS_DAY, 51, at(16))).eventId;
      c.merge(fee, sports);
      if (restart) {
        // What the database keeps: one JSON snapshot per event ever seen.
        const stored = Array.from({ length: next }, (_, id) => c.snapshot(id)).filter((s) => s !== null);
        c = new EventClusterer({ nextId });
        expect(c.restore(JSON.parse(JSON.stringify(stored)) as EventSnapshot[])).toBe(0);
      }
      const later = feed(c, 17, 40);
      // A repost carrying another story's words follows its group; then corrections after the restart.
      later.set(200, c.assign({ ...post(SCHOOL_FEE, 200, at(41)), dupGroup: "2" }));
      const late = c.split(fee, [4, 7, 10, 22, 25]);
      c.merge(bus, sports); // an old id: it stands for the fee event now
      for (const [id, a] of feed(c, 41, 60)) later.set(id, a);
      later.set(201, c.assign(post(SPORTS_DAY, 201, at(62))));
      const final = Array.from({ length: next }, (_, id) => c.snapshot(id));
      later.set(202, c.assign(post(SCHOOL_FEE, 202, at(200)))); // after the window: a new event
      expect(late).toBeGreaterThan(sports);
      return { assigned: [...later], final };
    };
    const straight = run(false);
    const restarted = run(true);
    expect(restarted.assigned).toEqual(straight.assigned);
    expect(restarted.final).toEqual(straight.final);
    expect(new Set(straight.assigned.map(([, a]) => a.eventId)).size).toBeGreaterThanOrEqual(4);
  });

  it("skips unreadable snapshots and keeps default ids clear of restored ones", () => {
    const a = new EventClusterer();
    a.assign(post(SCHOOL_FEE, 1, at(0)));
    a.assign(post(BUS_ROUTE, 2, at(0)));
    const b = new EventClusterer();
    const stored = [a.snapshot(1), a.snapshot(2), { v: 0, kind: "open" }] as EventSnapshot[];
    expect(b.restore(stored)).toBe(1);
    expect(b.open(at(1))).toEqual([1, 2]);
    expect(b.assign(post(SPORTS_DAY, 3, at(1)))).toEqual({ eventId: 3, created: true, score: 0 });
  });
});
