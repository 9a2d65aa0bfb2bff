// End-to-end evaluation of `tingfeng analyze` (the server's pipeline) on the research-only sets in
// ../shared/data: near-duplicate pairwise F1 from the output dupGroup, and sentiment accuracy from
// the output label. Run: node --import tsx eval/pipeline.ts. Exits 0 when the data is absent.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeLines } from "../src/cli/analyze";
import { scorePairs } from "./neardup";

async function* linesOf(rows: readonly string[]): AsyncIterable<string> {
  yield* rows;
}

async function main(): Promise<void> {
  const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../shared/data");
  const dupFile = path.join(dataDir, "neardup-dev.jsonl");
  const sentFile = path.join(dataDir, "sentiment-dev.smp2020.jsonl");
  if (!fs.existsSync(dupFile) || !fs.existsSync(sentFile)) {
    console.log(`pipeline eval: data absent (${dataDir}); nothing to evaluate`);
    return;
  }
  console.log("Full pipeline (tingfeng analyze):");
  const dupLines = fs.readFileSync(dupFile, "utf8").split("\n").filter((l) => l.trim());
  const gold = dupLines.map((l) => (JSON.parse(l) as { group: string }).group);
  let t0 = performance.now();
  const dupOut = (await analyzeLines(linesOf(dupLines))).map((l) => JSON.parse(l) as { dupGroup: string });
  let secs = (performance.now() - t0) / 1000;
  const s = scorePairs(gold, dupOut.map((o) => o.dupGroup));
  console.log(`  near-duplicates, ${gold.length} posts: P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  (${Math.round(gold.length / secs)} posts/s end to end)`);

  const sentLines = fs.readFileSync(sentFile, "utf8").split("\n").filter((l) => l.trim());
  const rows = sentLines.map((l, i) => ({ id: `s${i}`, ...(JSON.parse(l) as { text: string; label: string }) }));
  const posNeg = rows.filter((r) => r.label === "pos" || r.label === "neg");
  t0 = performance.now();
  const out = (await analyzeLines(linesOf(posNeg.map((r) => JSON.stringify({ id: r.id, text: r.text }))))).map(
    (l) => JSON.parse(l) as { sentiment: { label: string; score: number } },
  );
  secs = (performance.now() - t0) / 1000;
  const correct = out.filter((o, i) => o.sentiment.score !== 0 && o.sentiment.label === posNeg[i].label).length;
  console.log(`  sentiment, smp2020 pos/neg (${posNeg.length} posts, score 0 counts as wrong): accuracy ${(correct / posNeg.length).toFixed(4)}  (${Math.round(posNeg.length / secs)} posts/s end to end)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
