import { describe, expect, it } from "vitest";
import { PERMUTATIONS } from "./minhash";
import { Slots } from "./slots";

describe("Slots", () => {
  it("estimates the same Jaccard from packed signatures as value by value, after growing and restoring", () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) & 0xffff;
    const slots = new Slots();
    const sigs: Uint16Array[] = [];
    for (let s = 0; s < 40; s++) {
      const sig = new Uint16Array(PERMUTATIONS).map(random);
      // Slot s shares its first s*3 values with slot 0, so similarities range from 0 to 1.
      if (s > 0) for (let i = 0; i < Math.min(PERMUTATIONS, s * 3); i++) sig[i] = sigs[0][i];
      sigs.push(sig);
      slots.add(s, 0, 50, Slots.lowBytes(sig));
    }
    const restored = Slots.fromState(slots.toState());
    const seen = new Set<number>();
    for (let s = 0; s < 40; s++) {
      const query = sigs[0];
      const plain = slots.jaccard(query, s);
      seen.add(Math.round(plain * 10));
      expect(slots.jaccardPacked(Slots.pack(Slots.lowBytes(query)), s)).toBe(plain);
      expect(restored.jaccardPacked(Slots.pack(Slots.lowBytes(query)), s)).toBe(plain);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(slots.jaccardPacked(Slots.pack(Slots.lowBytes(sigs[0])), 0)).toBe(1);
  });
});
