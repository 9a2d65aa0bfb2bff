import { describe, expect, it } from "vitest";
import { BandTable } from "./band-table";

// Slot s is owned by item s; `group` maps an item to its group, as union-find would after merges.
const read = (table: BandTable, key: number) => {
  const out = new Int32Array(64);
  const n = table.slotsOf(key, out);
  return { slots: [...out.subarray(0, n)], kin: table.lastKin, run: table.lastKinRun };
};

describe("BandTable", () => {
  it("counts the newest slots filed in one group (the kin run) and starts over at another group's slot", () => {
    const group = new Map<number, number>();
    const same = (slot: number, item: number) => group.get(slot) === group.get(item);
    const table = new BandTable(4);
    const file = (slot: number, g: number) => {
      group.set(slot, g);
      table.add(7, slot, slot, same);
    };
    expect(read(table, 7)).toEqual({ slots: [], kin: -1, run: 0 });
    file(0, 1);
    expect(read(table, 7)).toEqual({ slots: [0], kin: 0, run: 1 });
    file(1, 2);
    file(2, 2);
    file(3, 2);
    expect(read(table, 7)).toEqual({ slots: [3, 2, 1, 0], kin: 3, run: 3 });
    file(4, 1);
    expect(read(table, 7)).toEqual({ slots: [4, 3, 2, 1, 0], kin: 4, run: 1 });
    // Groups 1 and 2 merge: the run only grows with new slots (it never claims older ones).
    for (const [slot, g] of group) if (g === 2) group.set(slot, 1);
    file(5, 1);
    expect(read(table, 7)).toEqual({ slots: [5, 4, 3, 2, 1, 0], kin: 5, run: 2 });
  });

  it("keeps each bucket's slots and runs through growth and block moves, caps runs, and lists entries in filing order", () => {
    const table = new BandTable(2);
    const same = () => true;
    for (let slot = 0; slot < 300; slot++) for (let key = 0; key < 40; key++) if (slot % (key + 1) === 0) table.add(key * 7919, slot, slot, same);
    for (let key = 0; key < 40; key++) {
      const expected: number[] = [];
      for (let slot = 299; slot >= 0 && expected.length < 64; slot--) if (slot % (key + 1) === 0) expected.push(slot);
      const got = read(table, key * 7919);
      expect(got.slots).toEqual(expected);
      expect(got.kin).toBe(expected[0]);
      expect(got.run).toBe(Math.min(63, Math.ceil(300 / (key + 1))));
    }
    // Without a group test every slot counts as its own group.
    const plain = new BandTable();
    [10, 11, 12].forEach((slot) => plain.add(5, slot));
    expect(read(plain, 5)).toEqual({ slots: [12, 11, 10], kin: 12, run: 1 });
    const pairs = plain.entries();
    expect([...pairs]).toEqual([5, 10, 5, 11, 5, 12]);
  });

  it("keeps the slots numbered from a cut, renumbered, each bucket in order with its kin run capped at what is kept", () => {
    const table = new BandTable(2);
    const group = (slot: number) => (slot < 6 ? 1 : 2);
    const same = (slot: number, item: number) => group(slot) === group(item);
    // Key 1: slots 0–9 (the newest four in group 2); key 2: only old slots; key 3: one new slot;
    // key 4: 70 slots of one group (run capped at 63).
    for (let slot = 0; slot < 10; slot++) table.add(1, slot, slot, same);
    [0, 3].forEach((slot) => table.add(2, slot, slot, same));
    table.add(3, 8, 8, same);
    for (let slot = 100; slot < 170; slot++) table.add(4, slot, slot, () => true);
    expect(read(table, 1)).toMatchObject({ kin: 9, run: 4 });
    const kept = table.keepFrom(7);
    expect(kept.distinctKeys).toBe(3);
    expect(read(kept, 1)).toEqual({ slots: [2, 1, 0], kin: 2, run: 3 }); // 7, 8, 9 renumbered; run 4 capped at 3
    expect(read(kept, 2)).toEqual({ slots: [], kin: -1, run: 0 });
    expect(read(kept, 3)).toEqual({ slots: [1], kin: 1, run: 1 });
    const long = read(kept, 4);
    expect(long.slots).toEqual(Array.from({ length: 64 }, (_, k) => 162 - k));
    expect(long).toMatchObject({ kin: 162, run: 63 });
    // The same entries, in the same order, as filing the kept slots one at a time.
    const reference = new BandTable();
    table.forEachEntry((key, slot) => {
      if (slot >= 7) reference.add(key, slot - 7);
    });
    const buckets = (t: BandTable) => {
      const out = new Map<number, number[]>();
      t.forEachEntry((key, slot) => out.set(key, [...(out.get(key) ?? []), slot]));
      return [...out].sort((x, y) => x[0] - y[0]);
    };
    expect(buckets(kept)).toEqual(buckets(reference));
    kept.add(1, 200, 200, () => true); // and it takes new slots as any table does
    expect(read(kept, 1)).toEqual({ slots: [200, 2, 1, 0], kin: 200, run: 4 });
  });
});
