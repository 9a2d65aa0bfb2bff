// Dispatches `tingfeng <command>`; every command shares the same config and database code.
import { serveCommand } from "./serve";
import { migrateCommand } from "./migrate";
import { userCommand } from "./user";
import { ingestCommand } from "./ingest";
import { configDumpCommand } from "./config-dump";
import { benchCommand } from "./bench";

const USAGE = `Usage: tingfeng <command> [options]

Commands:
  serve                         run the API, the web UI and the ingest scheduler (npm start)
  migrate                       apply database migrations and exit
  user create --username U --password P --role R [--unit ID] [--display-name NAME]
  ingest --once                 poll every due source once and exit
  config-dump                   print the effective settings (secrets masked)
  bench                         run the benchmarks under bench/ and print figures
`;

type Command = (args: string[]) => Promise<number | void>;
const commands: Record<string, Command> = {
  serve: serveCommand, migrate: migrateCommand, user: userCommand, ingest: ingestCommand,
  "config-dump": configDumpCommand, bench: benchCommand,
};

/** Runs one CLI command; resolves to the exit code (undefined keeps the process alive, e.g. serve). */
export async function runCli(argv: string[]): Promise<number | void> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(USAGE);
    return name ? 0 : 1;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`unknown command: ${name}\n\n${USAGE}`);
    return 2;
  }
  return cmd(rest);
}
