// Compiles minhash-simd.wat into minhash-wasm.ts (a development step: wabt is a dev dependency,
// the product loads the committed bytes). Run: node --import tsx src/analyse/dedup/minhash-simd.build.ts
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import wabtInit from "wabt";

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** The module's bytes, base64, compiled from the committed source. */
export async function compileMinhashWat(): Promise<string> {
  const wabt = await wabtInit();
  const module = wabt.parseWat("minhash-simd.wat", readFileSync(here("minhash-simd.wat"), "utf8"), { simd: true });
  try {
    module.validate();
    return Buffer.from(module.toBinary({}).buffer).toString("base64");
  } finally {
    module.destroy();
  }
}

/** The generated module file for the given bytes. */
export const wasmModuleSource = (base64: string) =>
  `// Generated from minhash-simd.wat by minhash-simd.build.ts; do not edit (minhash-simd.test.ts checks it).
/** The compiled minhash-simd.wat, base64. */
export const MINHASH_WASM = "${base64}";
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(here("minhash-wasm.ts"), wasmModuleSource(await compileMinhashWat()));
