// The SIMD form of MinHash's signature loop (minhash-simd.wat, compiled into minhash-wasm.ts):
// 1.2 against 15.3 µs per bench post (195 shingles) for the JavaScript loop, with the same values.
import { MINHASH_WASM } from "./minhash-wasm";

// Byte offsets of the module's memory regions (see minhash-simd.wat).
const OUT = 512;
const SHINGLES = 1024;
/** Most shingles one call takes (the rest of the module's one page). */
export const SIMD_MAX_SHINGLES = (65536 - SHINGLES) / 4;

/**
 * The signature loop for the given 64 multipliers and offsets: fills `sig` (high halves in the
 * first 64 values, low halves in the last 64, as signatureOf) and returns it. Null where
 * WebAssembly SIMD is missing; callers then use the JavaScript loop.
 */
export function simdSignature(a: Int32Array, b: Int32Array): ((shingles: Uint32Array, sig: Uint16Array) => Uint16Array) | null {
  const bytes = Buffer.from(MINHASH_WASM, "base64");
  if (typeof WebAssembly !== "object" || !WebAssembly.validate(bytes)) return null;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  const { memory, signature } = instance.exports as { memory: WebAssembly.Memory; signature: (n: number) => void };
  new Int32Array(memory.buffer, 0, 64).set(a);
  new Int32Array(memory.buffer, 256, 64).set(b);
  // The page never grows, so these views stay valid.
  const input = new Uint32Array(memory.buffer, SHINGLES, SIMD_MAX_SHINGLES);
  const out = new Uint16Array(memory.buffer, OUT, 128);
  const half = a.length;
  return (shingles, sig) => {
    input.set(shingles);
    signature(shingles.length);
    for (let i = 0; i < half; i++) {
      sig[i] = out[2 * i + 1];
      sig[half + i] = out[2 * i];
    }
    return sig;
  };
}
