import { describe, expect, it } from "vitest";
import { mix32 } from "./minhash";
import { hamming, simhashOf } from "./simhash";

// The textbook form: +1 per set bit, −1 per clear bit, keep the positive positions.
function bitByBit(shingles: Uint32Array): [number, number] {
  const weights = new Int32Array(64);
  for (const x of shingles) {
    const hi = mix32(x ^ 0x5bd1e995);
    const lo = mix32(x + 0x27d4eb2f);
    for (let b = 0; b < 32; b++) {
      weights[b] += (hi >>> b) & 1 ? 1 : -1;
      weights[32 + b] += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (weights[b] > 0) hi |= 1 << b;
    if (weights[32 + b] > 0) lo |= 1 << b;
  }
  return [hi >>> 0, lo >>> 0];
}

describe("simhashOf", () => {
  it("equals the bit-by-bit simhash, across the byte counters' flush points", () => {
    let seed = 7;
    for (const n of [0, 1, 2, 254, 255, 256, 510, 511, 3000]) {
      for (let r = 0; r < 5; r++) {
        const set = new Uint32Array(n).map(() => (seed = mix32(seed + 0x9e3779b9)));
        expect(simhashOf(set)).toEqual(bitByBit(set));
      }
    }
    // One hash repeated: every byte counter fills to its limit in each window of 255.
    for (const n of [255, 256, 511, 1000]) {
      const same = new Uint32Array(n).fill(1);
      expect(simhashOf(same)).toEqual(bitByBit(same));
    }
  });

  it("keeps sets that share most hashes close", () => {
    const base = new Uint32Array(300).map((_, i) => mix32(i + 1));
    const near = base.slice();
    for (let i = 0; i < 10; i++) near[i] = mix32(10_000 + i);
    const hex = ([hi, lo]: [number, number]) => hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
    expect(hamming(hex(simhashOf(base)), hex(simhashOf(near)))).toBeLessThan(12);
  });
});
