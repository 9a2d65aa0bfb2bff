// `tingfeng bench`: runs the benchmark scripts under bench/ (figures only; never a pass/fail gate).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bench");

/** Runs every bench/*.bench.ts (or the ones named) in its own process. */
export async function benchCommand(args: string[]): Promise<number> {
  const all = readdirSync(benchDir).filter((f) => f.endsWith(".bench.ts")).sort();
  const chosen = args.length ? all.filter((f) => args.some((a) => f.includes(a))) : all;
  for (const f of chosen) {
    console.log(`\n== ${f}`);
    const r = spawnSync(process.execPath, ["--import", "tsx", path.join(benchDir, f)], { stdio: "inherit" });
    if (r.status !== 0) return r.status ?? 1;
  }
  return 0;
}
