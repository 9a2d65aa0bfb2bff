// MinHash over character shingles of a match key, and the LSH band keys that find candidates.
// Hand-written: the npm packages are 32-bit simhash only or overflow (see DEPENDENCIES.md).
import { matchKeys } from "./views";

/** Number of hash functions in a signature. */
export const PERMUTATIONS = 128;

/** Murmur3's finaliser: spreads every input bit over the output. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Distinct hashes of the key's k-character shingles (the whole key when it is shorter), sorted. */
export function shingleHashes(key: string, k: number): Uint32Array {
  const n = key.length;
  if (n === 0) return new Uint32Array(0);
  const count = Math.max(1, n - k + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9e3779b9 ^ Math.min(k, n);
    for (let j = i; j < i + k && j < n; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
    out[i] = mix32(h);
  }
  out.sort();
  let w = 0;
  for (let i = 0; i < count; i++) if (i === 0 || out[i] !== out[w - 1]) out[w++] = out[i];
  return out.subarray(0, w);
}

// Each pair of permutations shares one multiply-add: the high and low 16 bits of a*x+b (x already
// mixed) are two 16-bit hashes. This halves the cost, and the signature is stored as 16 bits anyway;
// a 1-in-65,536 chance agreement per position does not move a Jaccard estimate.
const A = new Int32Array(PERMUTATIONS / 2);
const B = new Int32Array(PERMUTATIONS / 2);
for (let i = 0, s = 0x2545f491; i < PERMUTATIONS / 2; i++) {
  s = mix32(s + 0x6d2b79f5);
  A[i] = s | 1;
  s = mix32(s + 0x6d2b79f5);
  B[i] = s;
}

/** MinHash signature (128 16-bit values) of a set of shingle hashes; all 0xffff when empty. */
export function signatureOf(shingles: Uint32Array, sig = new Uint16Array(PERMUTATIONS)): Uint16Array {
  const half = PERMUTATIONS / 2;
  const n = shingles.length;
  for (let i = 0; i < half; i++) {
    const a = A[i];
    const b = B[i];
    let hi = 0xffff;
    let lo = 0xffff;
    for (let s = 0; s < n; s++) {
      const v = (Math.imul(a, shingles[s]) + b) >>> 0;
      const h = v >>> 16;
      const l = v & 0xffff;
      if (h < hi) hi = h;
      if (l < lo) lo = l;
    }
    sig[i] = hi;
    sig[half + i] = lo;
  }
  return sig;
}

/** MinHash signature of a post's body (as matching sees it) over character 3-shingles. */
export function minhashSignature(text: string, k = 3): Uint16Array {
  return signatureOf(shingleHashes(matchKeys(text).body, k));
}

/** Fraction of positions where two signatures agree: an estimate of the shingle sets' Jaccard. */
export function estimateJaccard(a: Uint16Array, b: Uint16Array, aOffset = 0, bOffset = 0): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[aOffset + i] === b[bOffset + i]) same++;
  return same / PERMUTATIONS;
}

/** One 32-bit key per LSH band of `rows` signature values; the band number is mixed in. */
export function bandKeys(sig: Uint16Array, bands: number, rows: number, keys = new Int32Array(bands)): Int32Array {
  for (let b = 0; b < bands; b++) {
    let h = Math.imul(b + 1, 0x9e3779b1);
    for (let r = 0; r < rows; r++) h = mix32(h ^ sig[b * rows + r]);
    keys[b] = h | 0;
  }
  return keys;
}
