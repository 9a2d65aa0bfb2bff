import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MINHASH_SIMD, PERMUTATIONS, scalarSignatureOf, signatureOf } from "./minhash";
import { SIMD_MAX_SHINGLES } from "./minhash-simd";
import { compileMinhashWat, wasmModuleSource } from "./minhash-simd.build";

// Sorted distinct random hashes, as shingleHashes gives them.
function shingles(n: number, seed: number): Uint32Array {
  const out = new Uint32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return out.sort();
}

describe("SIMD MinHash", () => {
  it("gives exactly the JavaScript loop's signatures", () => {
    expect(MINHASH_SIMD).toBe(true); // else the comparisons below compare the JavaScript loop with itself
    const sizes = [0, 1, 2, 3, 7, 190, 1000, 4000, SIMD_MAX_SHINGLES, SIMD_MAX_SHINGLES + 1];
    for (const [k, n] of sizes.entries()) {
      const s = shingles(n, k + 1);
      expect(signatureOf(s), `${n} shingles`).toEqual(scalarSignatureOf(s));
    }
    const edges = Uint32Array.from([0, 1, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff]);
    expect(signatureOf(edges)).toEqual(scalarSignatureOf(edges));
    expect(signatureOf(new Uint32Array(0))).toEqual(new Uint16Array(PERMUTATIONS).fill(0xffff));
  });

  it("reuses the caller's buffer and leaves nothing behind between calls", () => {
    const sig = new Uint16Array(PERMUTATIONS);
    const big = shingles(3000, 9);
    const small = shingles(5, 10);
    expect(signatureOf(big, sig)).toBe(sig);
    expect(signatureOf(small, sig)).toEqual(scalarSignatureOf(small));
  });

  it("runs the committed module, compiled from the committed source", async () => {
    const committed = readFileSync(new URL("./minhash-wasm.ts", import.meta.url), "utf8");
    // If this fails: node --import tsx src/analyse/dedup/minhash-simd.build.ts
    expect(committed).toBe(wasmModuleSource(await compileMinhashWat()));
  });
});
