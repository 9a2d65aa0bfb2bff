import { describe, expect, it } from "vitest";
import { BandTable } from "./band-table";
import { bandKeys, distinctShingles, estimateJaccard, minhashSignature, PERMUTATIONS, shingleHashes, signatureOf } from "./minhash";
import { hamming, simhash64 } from "./simhash";
import { similarity } from "./similarity";
import { ACCIDENT, ACCIDENT_COPIES, ACCIDENT_TRADITIONAL, FLOOD_SUPPLIES, FLOOD_WATER, OTHER_ACCIDENT } from "./testdata/posts";

describe("minhashSignature", () => {
  it("keeps its signatures: the rule's thresholds were tuned on them", () => {
    // Checksums of signatures from the one-permutation-at-a-time form (before the loop was unrolled).
    const sum = (sig: Uint16Array) => sig.reduce((h, v) => (Math.imul(h, 31) + v) | 0, 7);
    expect([ACCIDENT, FLOOD_WATER, "青禾", "", "a"].map((t) => sum(minhashSignature(t)))).toEqual([-1824020250, 1027701866, -1887462911, -1593341945, -1570262695]);
    expect(sum(signatureOf(Uint32Array.from([1, 2, 3, 0xffffffff, 0x80000000, 12345])))).toBe(-1119286501);
  });

  it("estimates the exact Jaccard similarity", () => {
    const a = minhashSignature(ACCIDENT);
    expect(a).toHaveLength(PERMUTATIONS);
    expect(estimateJaccard(a, minhashSignature(ACCIDENT_TRADITIONAL))).toBe(1);
    for (const other of [ACCIDENT_COPIES.truncated, ACCIDENT_COPIES.insertedAd, OTHER_ACCIDENT]) {
      const exact = similarity(ACCIDENT, other).jaccard;
      expect(Math.abs(estimateJaccard(a, minhashSignature(other)) - exact)).toBeLessThan(0.15);
    }
  });

  it("gives identical texts identical band keys", () => {
    const keys = bandKeys(minhashSignature(ACCIDENT), 32, 4);
    expect(keys).toHaveLength(32);
    expect(bandKeys(minhashSignature(ACCIDENT_COPIES.forwarded), 32, 4)).toEqual(keys);
    expect(new Set(keys).size).toBe(32); // the band number is mixed into each key
  });
});

describe("distinctShingles", () => {
  it("gives each shingle hash once, in first-seen order, the set shingleHashes sorts", () => {
    const long = Array.from({ length: 9000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7) % 500))).join(""); // past the set's size: sorted instead
    for (const [key, k] of [[ACCIDENT, 3], ["哈哈哈哈哈哈哈", 3], ["ab", 3], ["a", 3], ["", 3], [FLOOD_WATER, 2], [FLOOD_WATER, 5], [long, 3]] as const) {
      const distinct = distinctShingles(key, k);
      expect(new Set(distinct).size, `${key.slice(0, 8)} k=${k}`).toBe(distinct.length);
      expect([...distinct].sort((x, y) => x - y)).toEqual([...shingleHashes(key, k)]);
    }
    expect(distinctShingles("哈哈哈哈哈哈哈", 3)).toHaveLength(1);
    expect(distinctShingles("甲乙丙甲乙丙丁", 3)).toEqual(distinctShingles("甲乙丙甲乙丙丁", 3)); // a second call starts from an empty set
    // 甲乙丙 乙丙甲 丙甲乙 (甲乙丙 and 乙丙 again) 乙丙丁
    expect([...distinctShingles("甲乙丙甲乙丙丁", 3)]).toEqual(["甲乙丙", "乙丙甲", "丙甲乙", "乙丙丁"].map((s) => distinctShingles(s, 3)[0]));
  });
});

describe("simhash64 and hamming", () => {
  it("fingerprints as 16 hex digits, close for copies and far for other posts", () => {
    const a = simhash64(ACCIDENT);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash64(ACCIDENT_COPIES.punctuation)).toBe(a);
    expect(hamming(a, simhash64(ACCIDENT_COPIES.editorTail))).toBe(0);
    expect(hamming(a, simhash64(ACCIDENT_COPIES.insertedAd))).toBeLessThan(12);
    expect(hamming(a, simhash64(FLOOD_WATER))).toBeGreaterThan(16);
    expect(simhash64("")).toBe("0000000000000000");
  });

  it("counts differing bits and rejects what is not a fingerprint", () => {
    expect(hamming("0000000000000000", "ffffffffffffffff")).toBe(64);
    expect(hamming("8000000000000001", "0000000000000000")).toBe(2);
    expect(() => hamming("xyz", "0000000000000000")).toThrow(/not 64-bit hex/);
  });
});

describe("similarity", () => {
  it("reports a verdict with its measures", () => {
    expect(similarity(ACCIDENT, ACCIDENT_COPIES.longComment)).toMatchObject({ repost: 1, nearCopy: true });
    expect(similarity(ACCIDENT, ACCIDENT_COPIES.truncated)).toMatchObject({ containment: 1, nearCopy: true });
    expect(similarity(FLOOD_WATER, FLOOD_SUPPLIES).nearCopy).toBe(false);
    expect(similarity("加油", "加油！").nearCopy).toBe(true);
    expect(similarity("加油", "加油啊").nearCopy).toBe(false);
    expect(similarity("", "").nearCopy).toBe(false);
  });
});

describe("BandTable", () => {
  it("keeps every slot under its key, newest first, across growth and export", () => {
    const table = new BandTable(4);
    for (let slot = 0; slot < 5000; slot++) table.add(Math.imul(slot % 700, 0x9e3779b1), slot);
    const under = (t: BandTable, key: number) => {
      const out: number[] = [];
      t.forEach(key, (s) => void out.push(s));
      return out;
    };
    expect(under(table, Math.imul(3, 0x9e3779b1))).toEqual([4903, 4203, 3503, 2803, 2103, 1403, 703, 3]);
    expect(under(table, 12345)).toEqual([]);
    const copy = new BandTable();
    const entries = table.entries();
    for (let i = 0; i < entries.length; i += 2) copy.add(entries[i], entries[i + 1]);
    expect(under(copy, Math.imul(3, 0x9e3779b1))).toEqual(under(table, Math.imul(3, 0x9e3779b1)));
    // Walking in place gives the same entries in the same order, including chains longer than its buffer.
    const walked: number[] = [];
    table.forEachEntry((key, slot) => void walked.push(key, slot));
    expect(walked).toEqual([...entries]);
    expect(table.distinctKeys).toBe(700);
    const long = new BandTable();
    for (let slot = 0; slot < 1000; slot++) long.add(7, slot);
    const slots: number[] = [];
    long.forEachEntry((key, slot) => void slots.push(slot));
    expect(slots).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    // Buckets outgrow their blocks in turn, so freed blocks are reused: every key keeps its own slots.
    const mixed = new BandTable();
    const expected = new Map<number, number[]>();
    for (let slot = 0; slot < 3000; slot++) {
      const key = (slot * 7919) % (1 + (slot % 37));
      mixed.add(key, slot);
      expected.set(key, [slot, ...(expected.get(key) ?? [])]);
    }
    for (const [key, want] of expected) {
      expect(under(mixed, key)).toEqual(want);
      const out = new Int32Array(5);
      expect([...out.subarray(0, mixed.slotsOf(key, out))]).toEqual(want.slice(0, 5));
    }
  });
});
