// argv → the CLI. `tingfeng serve` is what `npm start` runs.
import { runCli } from "./cli";

runCli(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    if (err instanceof Error && err.cause) console.error("  cause:", err.cause instanceof Error ? err.cause.message : err.cause);
    process.exitCode = 1;
  },
);
