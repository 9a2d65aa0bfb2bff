// Dispatches `tingfeng <command>`; every command shares the same config and database code.
import { serveCommand } from "./serve";
import { migrateCommand } from "./migrate";
import { userCommand } from "./user";
import { ingestCommand } from "./ingest";
import { configDumpCommand } from "./config-dump";
import { benchCommand } from "./bench";
import { analyzeCommand } from "./analyze";
import { sentimentCommand } from "./sentiment";
import { reportCommand } from "./report";
import { importCommand } from "./import";
import { backupCommand, restoreCommand } from "./backup";
import { doctorCommand } from "./doctor";

const USAGE = `Usage: tingfeng <command> [options]

Commands:
  serve                         run the API, the web UI and the ingest scheduler (npm start)
  migrate [--dry-run]           apply database migrations and exit (--dry-run: list what would run)
  backup --out FILE.tar.gz      online backup of the data folder (database, attachments, manifest); safe while serving
  doctor                        check the data folder, database, key, fonts, Chromium, time zone and clock
  restore FILE.tar.gz [--force] restore into TINGFENG_DATA_DIR (empty, or with the server stopped: --force keeps the old database aside)
  user create --username U --password P --role R [--unit ID] [--display-name NAME]
  ingest --once                 poll every due source once and exit
  config-dump                   print the effective settings (secrets masked)
  bench                         run the benchmarks under bench/ and print figures
  analyze --input F.jsonl [--output F.jsonl] [--model M.json]
                                analyse posts offline with the server's pipeline (one JSON line out per line in)
  sentiment train F.jsonl       train this deployment's sentiment model from {"text","label"} lines
  report daily|periodic|special|quarterly|annual [--date D] [--from D --to D] [--period week|month] [--event ID]
         [--template ID] [--issue] --format docx|pdf|xlsx --out FILE
                                generate a report (kept as a draft; --issue numbers it) and write the file
  import FILE --source NAME [--map title=标题,url=链接,text=内容,time=时间,author=作者]
                                import a CSV, XLSX or JSONL file into a source (created as kind "import")
`;

type Command = (args: string[]) => Promise<number | void>;
const commands: Record<string, Command> = {
  serve: serveCommand, migrate: migrateCommand, user: userCommand, ingest: ingestCommand,
  "config-dump": configDumpCommand, bench: benchCommand,
  analyze: analyzeCommand, sentiment: sentimentCommand, report: reportCommand,
  import: importCommand, backup: backupCommand, restore: restoreCommand, doctor: doctorCommand,
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
