// Event evaluation on the research-only near-duplicate set in ../shared/data (never copied into
// the repo). Run: node --import tsx eval/events.ts. Exits 0 when the data is absent.
// Each news group of neardup-dev.jsonl is one article about one incident, and different news
// groups report different incidents, so an event holding two news groups is an error: pair
// precision over news items. Copies of one article or post are always one event: pair recall of the
// gold groups. Both are also given per half (groups split by a hash of their name), so that a
// threshold tuned on the whole file can be checked on each half.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { analyzeLines } from "../src/cli/analyze";
import { scorePairs } from "./neardup";

const rowSchema = z.object({ id: z.string(), text: z.string(), group: z.string(), kind: z.enum(["news", "post"]) });
type Row = z.infer<typeof rowSchema>;

async function* linesOf(rows: readonly string[]): AsyncIterable<string> {
  yield* rows;
}

// A stable half for a group name (FNV-1a), independent of file order.
function halfOf(group: string): 0 | 1 {
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 === 0 ? 0 : 1;
}

/** Event pair precision on news items and pair recall of copy groups, for the rows kept by `keep`. */
function score(rows: readonly Row[], events: readonly string[], keep: (r: Row) => boolean): { precision: number; recall: number; newsRecall: number; events: number; newsPairs: number } {
  const news = rows.flatMap((r, i) => (r.kind === "news" && keep(r) ? [i] : []));
  const all = rows.flatMap((r, i) => (keep(r) ? [i] : []));
  const p = scorePairs(news.map((i) => rows[i].group), news.map((i) => events[i]));
  const r = scorePairs(all.map((i) => rows[i].group), all.map((i) => events[i]));
  return { precision: p.precision, recall: r.recall, newsRecall: p.recall, events: new Set(all.map((i) => events[i])).size, newsPairs: p.predictedPairs };
}

async function main(): Promise<void> {
  const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../shared/data");
  const file = path.join(dataDir, "neardup-dev.jsonl");
  if (!fs.existsSync(file)) {
    console.log(`events eval: data absent (${dataDir}); nothing to evaluate`);
    return;
  }
  const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim());
  const rows = lines.map((l) => rowSchema.parse(JSON.parse(l)));
  const t0 = performance.now();
  const out = (await analyzeLines(linesOf(rows.map((r) => JSON.stringify({ id: r.id, text: r.text }))))).map((l) => JSON.parse(l) as { event: string });
  const secs = (performance.now() - t0) / 1000;
  const events = out.map((o) => o.event);
  console.log(`Events (tingfeng analyze on ${rows.length} items of neardup-dev, ${Math.round(rows.length / secs)} items/s end to end):`);
  const parts: [string, (r: Row) => boolean][] = [["all", () => true], ["half A", (r) => halfOf(r.group) === 0], ["half B", (r) => halfOf(r.group) === 1]];
  for (const [name, keep] of parts) {
    const s = score(rows, events, keep);
    console.log(
      `  ${name.padEnd(6)}  news event pair precision ${s.precision.toFixed(4)} (${s.newsPairs} pairs)  copy recall ${s.recall.toFixed(4)} (news ${s.newsRecall.toFixed(4)})  ${s.events} events`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
