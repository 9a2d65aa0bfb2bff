// `tingfeng doctor`: runs the installation checks and prints each finding in Chinese and English; exits 1
// when any check found an error.
import { loadConfig } from "../config";
import { runDoctor } from "../ops/doctor";
import { CHROMIUM_PATH } from "../reports/render/pdf";
import { cjkFontFiles } from "../reports/render/charts";
import { dbFile } from "./runtime";

const MARK = { ok: "✓", warn: "!", error: "✗" } as const;

/** Prints the findings; 1 when any is an error. */
export async function doctorCommand(): Promise<number> {
  const config = loadConfig();
  const findings = runDoctor({
    dataDir: config.dataDir, dbPath: dbFile(config), secretKey: config.secretKey, timeZone: config.timeZone,
    chromiumPath: CHROMIUM_PATH, fontFiles: cjkFontFiles(),
  });
  for (const f of findings) console.log(`${MARK[f.level]} [${f.check}] ${f.zh}\n    ${f.en}`);
  const errors = findings.filter((f) => f.level === "error").length;
  console.log(errors ? `\n${errors} 项需要处理 / ${errors} to fix` : "\n全部检查通过 / all checks passed");
  return errors ? 1 : 0;
}
