import { describe, expect, it } from "vitest";
import { BRACKET_EMOTICONS } from "./emoticons";
import { expandTables, sentimentLexicon } from "./lexicon";
import * as everyday from "./lexicon-everyday";
import * as general from "./lexicon-general";
import * as idioms from "./lexicon-idioms";
import * as mood from "./lexicon-mood";
import * as publicAffairs from "./lexicon-public";
import * as review from "./lexicon-review";
import * as safety from "./lexicon-safety";
import * as slang from "./lexicon-slang";
import { normaliseText } from "../normalise";
import type { WeightTable } from "./types";

const modules = [everyday, general, idioms, mood, publicAffairs, review, safety, slang];
const tables: [string, WeightTable][] = modules.flatMap((m) => Object.entries(m));

describe("hand-written lexicon", () => {
  it("never lists a word as both positive and negative", () => {
    const signs = new Map<string, Set<number>>();
    for (const [, table] of tables) {
      for (const [word, weight] of expandTables([table])) {
        const set = signs.get(word) ?? new Set<number>();
        set.add(Math.sign(weight));
        signs.set(word, set);
      }
    }
    const conflicts = [...signs].filter(([, s]) => s.size > 1).map(([w]) => w);
    expect(conflicts).toEqual([]);
  });

  it("keeps weights non-zero and within [-2, 2], positives in *_POSITIVE tables", () => {
    for (const [name, table] of tables) {
      for (const weight of Object.keys(table).map(Number)) {
        expect(Math.abs(weight)).toBeGreaterThan(0);
        expect(Math.abs(weight)).toBeLessThanOrEqual(2);
        expect(weight > 0).toBe(name.endsWith("_POSITIVE"));
      }
    }
  });

  it("writes every entry in normalised form, so that it can match normalised text", () => {
    const unmatchable = [...sentimentLexicon().keys()].filter((w) => normaliseText(w) !== w);
    expect(unmatchable).toEqual([]);
    const codes = [...BRACKET_EMOTICONS.keys()].filter((c) => normaliseText(c) !== c);
    expect(codes).toEqual([]);
  });

  it("has a useful size", () => {
    expect(sentimentLexicon().size).toBeGreaterThan(2500);
  });
});
