// MinHash over character shingles of a match key, and the LSH band keys that find candidates.
// Hand-written: the npm packages are 32-bit simhash only or overflow (see DEPENDENCIES.md).
import { matchKeys } from "./views";
import { SIMD_MAX_SHINGLES, simdSignature } from "./minhash-simd";
import { SeenSet } from "./seen-set";

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
  return distinctShingles(key, k).sort();
}

// Drops repeated hashes: faster than sorting (0.9–1.2 against 4.4 µs per bench post), and MinHash
// and simhash do not need the order.
const seen = new SeenSet(13);

/**
 * Distinct hashes of the key's k-character shingles (the whole key when it is shorter), in the
 * order they first occur: what MinHash and simhash take (`shingleHashes` sorts them).
 */
export function distinctShingles(key: string, k: number): Uint32Array {
  const n = key.length;
  if (n === 0) return new Uint32Array(0);
  const count = Math.max(1, n - k + 1);
  const out = new Uint32Array(count);
  const seed = 0x9e3779b9 ^ Math.min(k, n);
  if (k === 3 && n >= 3) {
    // The usual case, each character read once: a, b, c are the shingle's three characters.
    let a = key.charCodeAt(0);
    let b = key.charCodeAt(1);
    for (let i = 0; i < count; i++) {
      const c = key.charCodeAt(i + 2);
      out[i] = mix32(Math.imul(Math.imul(Math.imul(seed ^ a, 0x01000193) ^ b, 0x01000193) ^ c, 0x01000193));
      a = b;
      b = c;
    }
  } else {
    for (let i = 0; i < count; i++) {
      let h = seed;
      const end = Math.min(i + k, n);
      for (let j = i; j < end; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
      out[i] = mix32(h);
    }
  }
  return out.subarray(0, count * 2 <= seen.size ? dropRepeats(out) : dropRepeatsSorting(out));
}

// Moves the first occurrence of each value to the front, in order; returns how many there are.
function dropRepeats(values: Uint32Array): number {
  seen.clear();
  let w = 0;
  for (let i = 0; i < values.length; i++) if (seen.add(values[i] | 0)) values[w++] = values[i];
  return w;
}

// dropRepeats for more values than its set holds (keys past 4,096 characters): sorts them.
function dropRepeatsSorting(values: Uint32Array): number {
  values.sort();
  let w = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[w - 1]) values[w++] = values[i];
  return w;
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

const simd = simdSignature(A, B);
/** Whether `signatureOf` runs the SIMD form (WebAssembly SIMD is there: Node 16.4 and later). */
export const MINHASH_SIMD = simd !== null;

/** MinHash signature (128 16-bit values) of a set of shingle hashes; all 0xffff when empty. */
export function signatureOf(shingles: Uint32Array, sig = new Uint16Array(PERMUTATIONS)): Uint16Array {
  return simd !== null && shingles.length <= SIMD_MAX_SHINGLES ? simd(shingles, sig) : scalarSignatureOf(shingles, sig);
}

/** `signatureOf` in plain JavaScript: the reference for the SIMD form, and its stand-in where that is missing. */
export function scalarSignatureOf(shingles: Uint32Array, sig = new Uint16Array(PERMUTATIONS)): Uint16Array {
  const half = PERMUTATIONS / 2;
  const n = shingles.length;
  // Eight multiply-adds per shingle read: an eighth of the loads and loop steps of one at a time.
  for (let i = 0; i < half; i += 8) {
    const a0 = A[i], a1 = A[i + 1], a2 = A[i + 2], a3 = A[i + 3], a4 = A[i + 4], a5 = A[i + 5], a6 = A[i + 6], a7 = A[i + 7];
    const b0 = B[i], b1 = B[i + 1], b2 = B[i + 2], b3 = B[i + 3], b4 = B[i + 4], b5 = B[i + 5], b6 = B[i + 6], b7 = B[i + 7];
    let h0 = 0xffff, h1 = 0xffff, h2 = 0xffff, h3 = 0xffff, h4 = 0xffff, h5 = 0xffff, h6 = 0xffff, h7 = 0xffff;
    let l0 = 0xffff, l1 = 0xffff, l2 = 0xffff, l3 = 0xffff, l4 = 0xffff, l5 = 0xffff, l6 = 0xffff, l7 = 0xffff;
    for (let s = 0; s < n; s++) {
      const x = shingles[s];
      const v0 = (Math.imul(a0, x) + b0) >>> 0, v1 = (Math.imul(a1, x) + b1) >>> 0;
      const v2 = (Math.imul(a2, x) + b2) >>> 0, v3 = (Math.imul(a3, x) + b3) >>> 0;
      const v4 = (Math.imul(a4, x) + b4) >>> 0, v5 = (Math.imul(a5, x) + b5) >>> 0;
      const v6 = (Math.imul(a6, x) + b6) >>> 0, v7 = (Math.imul(a7, x) + b7) >>> 0;
      h0 = Math.min(h0, v0 >>> 16); l0 = Math.min(l0, v0 & 0xffff);
      h1 = Math.min(h1, v1 >>> 16); l1 = Math.min(l1, v1 & 0xffff);
      h2 = Math.min(h2, v2 >>> 16); l2 = Math.min(l2, v2 & 0xffff);
      h3 = Math.min(h3, v3 >>> 16); l3 = Math.min(l3, v3 & 0xffff);
      h4 = Math.min(h4, v4 >>> 16); l4 = Math.min(l4, v4 & 0xffff);
      h5 = Math.min(h5, v5 >>> 16); l5 = Math.min(l5, v5 & 0xffff);
      h6 = Math.min(h6, v6 >>> 16); l6 = Math.min(l6, v6 & 0xffff);
      h7 = Math.min(h7, v7 >>> 16); l7 = Math.min(l7, v7 & 0xffff);
    }
    sig[i] = h0; sig[i + 1] = h1; sig[i + 2] = h2; sig[i + 3] = h3; sig[i + 4] = h4; sig[i + 5] = h5; sig[i + 6] = h6; sig[i + 7] = h7;
    const lo = half + i;
    sig[lo] = l0; sig[lo + 1] = l1; sig[lo + 2] = l2; sig[lo + 3] = l3; sig[lo + 4] = l4; sig[lo + 5] = l5; sig[lo + 6] = l6; sig[lo + 7] = l7;
  }
  return sig;
}

/** MinHash signature of a post's body (as matching sees it) over character 3-shingles. */
export function minhashSignature(text: string, k = 3): Uint16Array {
  return signatureOf(distinctShingles(matchKeys(text).body, k));
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
