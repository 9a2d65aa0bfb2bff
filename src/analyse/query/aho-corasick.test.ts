import { describe, expect, it } from "vitest";
import { AhoCorasick } from "./aho-corasick";

// Every occurrence as "pattern@end", sorted, the slow way.
function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, id) => {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) out.push(`${id}@${at + p.length}`);
  });
  return out.sort();
}

function scanned(patterns: string[], text: string): string[] {
  const out: string[] = [];
  new AhoCorasick(patterns).scan(text, { hit: (id, end) => out.push(`${id}@${end}`) });
  return out.sort();
}

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe("AhoCorasick", () => {
  it("finds overlapping patterns and patterns inside patterns", () => {
    const patterns = ["he", "she", "his", "hers", "学校", "校食", "学校食堂"];
    const text = "ushers 学校食堂 his";
    expect(scanned(patterns, text)).toEqual(naive(patterns, text));
    expect(scanned(patterns, text)).toContain("6@11");
  });

  it("reports occurrences in order of their end", () => {
    const ends: number[] = [];
    new AhoCorasick(["aa", "a", "aaa"]).scan("aaaa", { hit: (_, end) => ends.push(end) });
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(ends).toHaveLength(4 + 3 + 2);
  });

  it("agrees with indexOf on random texts, including astral characters", () => {
    const next = random(7);
    const alphabet = ["a", "b", "学", "校", "😂", "𠮷"];
    const word = (max: number) => Array.from({ length: 1 + Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
    for (let round = 0; round < 200; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + Math.floor(next() * 12) }, () => word(4)))];
      const text = word(60);
      expect(scanned(patterns, text)).toEqual(naive(patterns, text));
    }
  });

  it("rejects empty and duplicate patterns", () => {
    expect(() => new AhoCorasick(["a", ""])).toThrow(/empty/);
    expect(() => new AhoCorasick(["ab", "ab"])).toThrow(/duplicate/);
  });

  it("builds and scans with no patterns", () => {
    const found: number[] = [];
    new AhoCorasick([]).scan("anything", { hit: (id) => found.push(id) });
    expect(found).toEqual([]);
  });
});
