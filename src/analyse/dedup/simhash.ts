// 64-bit simhash of a post as matching sees it, stored as 16 hex digits. A cheap fingerprint for
// the database (identical and nearly identical long texts land within a few bits); grouping does
// not rely on it, because on short posts a few changed characters move it by more than a near-copy
// threshold can allow (DEPENDENCIES.md: it misses 90% of short near-copies at distance ≤ 3).
import { mix32, shingleHashes } from "./minhash";
import { matchKeys } from "./views";

/** The two 32-bit halves of a simhash from a set of shingle hashes. */
export function simhashOf(shingles: Uint32Array): [number, number] {
  const weights = new Int32Array(64);
  for (let s = 0; s < shingles.length; s++) {
    const hi = mix32(shingles[s] ^ 0x5bd1e995);
    const lo = mix32(shingles[s] + 0x27d4eb2f);
    // Branch-free: each bit adds +1 when set and -1 when clear.
    for (let b = 0; b < 32; b++) {
      weights[b] += (((hi >>> b) & 1) << 1) - 1;
      weights[32 + b] += (((lo >>> b) & 1) << 1) - 1;
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

/** The simhash of a set of shingle hashes as 16 lowercase hex digits. */
export function simhashHex(shingles: Uint32Array): string {
  const [hi, lo] = simhashOf(shingles);
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/** 64-bit simhash of a post's body over character k-shingles, as 16 lowercase hex digits. */
export function simhash64(text: string, k = 3, normalised = false): string {
  return simhashHex(shingleHashes(matchKeys(text, normalised).body, k));
}

const HEX64 = /^[0-9a-f]{16}$/i;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits between two 16-hex-digit fingerprints; throws on anything else. */
export function hamming(a: string, b: string): number {
  if (!HEX64.test(a) || !HEX64.test(b)) throw new Error(`dedup: not 64-bit hex fingerprints: "${a}", "${b}"`);
  const half = (s: string, from: number) => Number.parseInt(s.slice(from, from + 8), 16);
  return popcount(half(a, 0) ^ half(b, 0)) + popcount(half(a, 8) ^ half(b, 8));
}
