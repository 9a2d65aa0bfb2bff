// 64-bit simhash of a post as matching sees it, stored as 16 hex digits. A cheap fingerprint for
// the database (identical and nearly identical long texts land within a few bits); grouping does
// not rely on it, because on short posts a few changed characters move it by more than a near-copy
// threshold can allow (DEPENDENCIES.md: it misses 90% of short near-copies at distance ≤ 3).
import { distinctShingles, mix32 } from "./minhash";
import { matchKeys } from "./views";

// Bit counting eight bits at a time: LANES[2v] and LANES[2v + 1] hold the bits of byte v as eight
// one-byte counters (four per 32-bit word), so one shingle costs 16 additions instead of 64 bit
// tests; the byte counters are emptied into full counts every 255 shingles, before they overflow.
const LANES = new Int32Array(512);
for (let v = 0; v < 256; v++)
  for (let j = 0; j < 8; j++) if ((v >>> j) & 1) LANES[2 * v + (j >>> 2)] |= 1 << (8 * (j & 3));

// Scratch for simhashOf, reused by every call: how many shingle hashes have each bit set (hi 0–31,
// lo 32–63), and the byte counters (word 2b + h of half k holds bits 8b + 4h … + 3).
const counts = new Int32Array(64);
const acc = new Int32Array(16);

// Adds the byte counters into the full counts and empties them.
function flushLanes(): void {
  for (let w = 0; w < 16; w++) {
    const word = acc[w];
    const bit = (w >>> 3) * 32 + ((w & 7) >>> 1) * 8 + (w & 1) * 4;
    for (let j = 0; j < 4; j++) counts[bit + j] += (word >>> (8 * j)) & 0xff;
    acc[w] = 0;
  }
}

/** The two 32-bit halves of a simhash from a set of shingle hashes. */
export function simhashOf(shingles: Uint32Array): [number, number] {
  counts.fill(0);
  acc.fill(0);
  let pending = 0;
  for (let s = 0; s < shingles.length; s++) {
    const hi = mix32(shingles[s] ^ 0x5bd1e995);
    const lo = mix32(shingles[s] + 0x27d4eb2f);
    for (let b = 0; b < 4; b++) {
      const h = ((hi >>> (8 * b)) & 0xff) << 1;
      const l = ((lo >>> (8 * b)) & 0xff) << 1;
      acc[2 * b] += LANES[h];
      acc[2 * b + 1] += LANES[h + 1];
      acc[8 + 2 * b] += LANES[l];
      acc[9 + 2 * b] += LANES[l + 1];
    }
    if (++pending === 255) {
      flushLanes();
      pending = 0;
    }
  }
  flushLanes();
  // A bit is set when more hashes have it set than clear (a tie leaves it clear).
  let hi = 0;
  let lo = 0;
  const n = shingles.length;
  for (let b = 0; b < 32; b++) {
    if (2 * counts[b] > n) hi |= 1 << b;
    if (2 * counts[32 + b] > n) lo |= 1 << b;
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
  return simhashHex(distinctShingles(matchKeys(text, normalised).body, k));
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
