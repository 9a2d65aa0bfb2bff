// Near-duplicate evaluation on the research-only development set in ../shared/data (never copied
// into the repo). Run: node --import tsx eval/neardup.ts. Exits 0 when the data is absent.
// Scores pairwise: every pair of posts in one predicted group versus one gold group.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { NearDupIndex, type NearDupOptions } from "../src/analyse/dedup";
import { shingleHashes } from "../src/analyse/dedup/minhash";
import { normaliseText } from "../src/analyse/normalise";

/** Pairwise precision, recall and F1 of a grouping. */
export type PairScore = { precision: number; recall: number; f1: number; predictedPairs: number; goldPairs: number };

/** Everything evaluateNearDup measured. */
export type Report = {
  items: number;
  index: PairScore & { docsPerSecond: number; bytesPerItem: number };
  baseline: PairScore & { threshold: number };
  speed: { chars: number; docsPerSecond: number; normalisedDocsPerSecond: number }[];
};

const rowSchema = z.object({ id: z.string(), text: z.string(), group: z.string() });
type Row = z.infer<typeof rowSchema>;

const FILE = "neardup-dev.jsonl";

function readRows(dataDir: string): Row[] {
  const lines = fs.readFileSync(path.join(dataDir, FILE), "utf8").split("\n").filter((l) => l.trim() !== "");
  return lines.map((l) => rowSchema.parse(JSON.parse(l)));
}

const pairs = (n: number) => (n * (n - 1)) / 2;

function countBy(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Pairwise scores of predicted group labels against gold ones (same order). */
export function scorePairs(gold: readonly string[], predicted: readonly string[]): PairScore {
  let goldPairs = 0;
  let predictedPairs = 0;
  let both = 0;
  for (const n of countBy(gold).values()) goldPairs += pairs(n);
  for (const n of countBy(predicted).values()) predictedPairs += pairs(n);
  for (const n of countBy(gold.map((g, i) => `${g}\u0000${predicted[i]}`)).values()) both += pairs(n);
  const precision = predictedPairs ? both / predictedPairs : 1;
  const recall = goldPairs ? both / goldPairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predictedPairs, goldPairs };
}

/** Groups the rows with a NearDupIndex, in file order, and scores the result. */
export function runIndex(rows: readonly Row[], options: NearDupOptions = {}): Report["index"] {
  const index = new NearDupIndex(options);
  const start = performance.now();
  for (const r of rows) index.add(r.id, r.text);
  const seconds = (performance.now() - start) / 1000;
  const predicted = rows.map((r) => index.groupOf(r.id) ?? r.id);
  const s = scorePairs(rows.map((r) => r.group), predicted);
  return { ...s, docsPerSecond: rows.length / seconds, bytesPerItem: index.bytesPerItem };
}

// The floor: raw text, 3-character shingles, exact Jaccard over every pair, groups by transitive
// closure; the best threshold on this very set is reported (so it is optimistic).
function baseline(rows: readonly Row[]): Report["baseline"] {
  const sets = rows.map((r) => shingleHashes(r.text, 3));
  const postings = new Map<number, number[]>();
  const edges: { i: number; j: number; jaccard: number }[] = [];
  sets.forEach((s, i) => {
    const shared = new Map<number, number>();
    for (const h of s) for (const j of postings.get(h) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, c] of shared) edges.push({ i, j, jaccard: c / (s.length + sets[j].length - c) });
    for (const h of s) postings.set(h, [...(postings.get(h) ?? []), i]);
  });
  let best: Report["baseline"] | null = null;
  for (let t = 0.3; t <= 0.7001; t += 0.05) {
    const parent = rows.map((_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
    for (const e of edges) if (e.jaccard >= t) parent[find(e.i)] = find(e.j);
    const s = scorePairs(rows.map((r) => r.group), rows.map((_, i) => String(find(i))));
    if (!best || s.f1 > best.f1) best = { ...s, threshold: Number(t.toFixed(2)) };
  }
  if (!best) throw new Error("neardup eval: no baseline threshold");
  return best;
}

// add() throughput on texts of a fixed length cut from the set's own posts: from raw text, and
// from text already normalised (as the ingest pipeline will pass it, normalising once for all).
function speedAt(rows: readonly Row[], chars: number): Report["speed"][number] {
  const all = rows.map((r) => r.text).join("");
  const texts = Array.from({ length: 5000 }, (_, i) => {
    const from = (i * 7919) % Math.max(1, all.length - chars);
    return all.slice(from, from + chars);
  });
  const rate = (input: readonly string[], normalised: boolean) => {
    const index = new NearDupIndex({ normalised });
    const start = performance.now();
    input.forEach((t, i) => index.add(`s${i}`, t));
    return input.length / ((performance.now() - start) / 1000);
  };
  return { chars, docsPerSecond: rate(texts, false), normalisedDocsPerSecond: rate(texts.map(normaliseText), true) };
}

/** Runs every measurement on the files in dataDir. */
export async function evaluateNearDup(dataDir: string, options: NearDupOptions = {}): Promise<Report> {
  const rows = readRows(dataDir);
  runIndex(rows, options); // warm-up: OpenCC tables, JIT
  return {
    items: rows.length,
    index: runIndex(rows, options),
    baseline: baseline(rows),
    speed: [120, 200, 800].map((n) => speedAt(rows, n)),
  };
}

function line(name: string, s: PairScore): string {
  const f = (x: number) => x.toFixed(4);
  return `${name.padEnd(30)} P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}  (pairs predicted ${s.predictedPairs}, gold ${s.goldPairs})`;
}

async function main(): Promise<void> {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const dataDir = path.resolve(repoRoot, "../shared/data");
  if (!fs.existsSync(path.join(dataDir, FILE))) {
    console.log(`neardup eval: data absent (${path.join(dataDir, FILE)}); nothing to evaluate`);
    return;
  }
  const r = await evaluateNearDup(dataDir);
  console.log(`Near-duplicate grouping, ${r.items} posts, pairwise:`);
  console.log(line("  NearDupIndex", r.index));
  console.log(line(`  baseline Jaccard ≥ ${r.baseline.threshold}`, r.baseline));
  console.log(`  index: ${Math.round(r.index.docsPerSecond)} docs/s on this set, ${Math.round(r.index.bytesPerItem)} bytes/post in typed arrays`);
  for (const s of r.speed)
    console.log(
      `  add() at ${s.chars} chars: ${Math.round(s.docsPerSecond)} docs/s from raw text, ${Math.round(s.normalisedDocsPerSecond)} docs/s from normalised text`,
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
