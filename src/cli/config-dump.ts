// `tingfeng config-dump`: the effective settings with secrets masked.
import { dumpConfig, loadConfig } from "../config";

/** Prints KEY=value lines. */
export async function configDumpCommand(): Promise<number> {
  for (const [k, v] of Object.entries(dumpConfig(loadConfig()))) console.log(`${k}=${v}`);
  return 0;
}
