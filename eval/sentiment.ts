// Sentiment evaluation on the research-only development sets in ../shared/data (never copied
// into the repo). Run: node --import tsx eval/sentiment.ts. Exits 0 when the data is absent.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { analyseSentiment, type TrainedModel, trainSentimentModel } from "../src/analyse/sentiment";
import {
  line, line3, type Metrics, type Metrics3, reliability, type ReliabilityBin, score, score3,
} from "./sentiment-metrics";

export type { Metrics, Metrics3 } from "./sentiment-metrics";

/** Everything evaluateSentiment measured. */
export type Report = {
  lexicon: { smp2020: Metrics; usual: Metrics; virus: Metrics; chnsenticorp: Metrics };
  trained: { trainAtestB: Metrics; trainBtestA: Metrics; lexiconOnA: Metrics; lexiconOnB: Metrics; trainSeconds: number };
  three: {
    lexicon: Metrics3; usual: Metrics3; virus: Metrics3; lexiconOnA: Metrics3; lexiconOnB: Metrics3;
    trainAtestB: Metrics3; trainBtestA: Metrics3; reliability: ReliabilityBin[];
  } | null;
  speed: { lexiconPostsPerSecond: number; trainedPostsPerSecond: number };
};

const rowSchema = z.object({ text: z.string(), label: z.enum(["neg", "neu", "pos"]), domain: z.string().optional() });
type Row = z.infer<typeof rowSchema>;

function readJsonl(file: string): Row[] {
  const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "");
  return lines.map((l) => rowSchema.parse(JSON.parse(l)));
}

function run(rows: readonly Row[], model?: TrainedModel): Metrics {
  return score(rows.map((r) => r.label), rows.map((r) => analyseSentiment(r.text, model)));
}

function run3(rows: readonly Row[], model?: TrainedModel): Metrics3 {
  return score3(rows.map((r) => r.label), rows.map((r) => analyseSentiment(r.text, model)));
}

const RELIABILITY_EDGES = [0, 0.2, 0.4, 0.6, 0.8, 1];

// Three classes: the pos/neg posts plus the human-labelled neutral ones, halved the same way.
function evaluateThree(smp: readonly Row[], neutral: readonly Row[]): NonNullable<Report["three"]> {
  const all = [...smp, ...neutral];
  const [a, b] = splitHalves(all);
  const byDomain = (d: string) => all.filter((r) => r.domain === d);
  return {
    lexicon: run3(all),
    usual: run3(byDomain("usual")),
    virus: run3(byDomain("virus")),
    lexiconOnA: run3(a),
    lexiconOnB: run3(b),
    trainAtestB: run3(b, trainSentimentModel(a)),
    trainBtestA: run3(a, trainSentimentModel(b)),
    reliability: reliability(all.map((r) => r.label), all.map((r) => analyseSentiment(r.text)), RELIABILITY_EDGES),
  };
}

// A text that occurs twice stays in its first half, so no test post was seen in training.
/** Deterministic stratified halves: alternate items within each (domain, label) group. */
export function splitHalves(rows: readonly Row[]): [Row[], Row[]] {
  const seen = new Map<string, number>();
  const half = new Map<string, 0 | 1>();
  const out: [Row[], Row[]] = [[], []];
  for (const r of rows) {
    let h = half.get(r.text);
    if (h === undefined) {
      const key = `${r.domain ?? ""}/${r.label}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      h = n % 2 === 0 ? 0 : 1;
      half.set(r.text, h);
    }
    out[h].push(r);
  }
  return out;
}

function postsPerSecond(texts: readonly string[], model?: TrainedModel): number {
  for (const t of texts.slice(0, 200)) analyseSentiment(t, model);
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 2000) for (const t of texts) { analyseSentiment(t, model); n++; }
  return n / ((performance.now() - start) / 1000);
}

/** Runs every measurement on the files in dataDir. */
export async function evaluateSentiment(dataDir: string): Promise<Report> {
  const smp = readJsonl(path.join(dataDir, "sentiment-dev.smp2020.jsonl"));
  const hotel = readJsonl(path.join(dataDir, "sentiment-dev.chnsenticorp.jsonl"));
  const neutralFile = path.join(dataDir, "sentiment-dev-neutral.smp2020.jsonl");
  const neutral = fs.existsSync(neutralFile) ? readJsonl(neutralFile) : null;
  const [a, b] = splitHalves(smp);
  const t0 = performance.now();
  const modelA = trainSentimentModel(a);
  const trainSeconds = (performance.now() - t0) / 1000;
  const modelB = trainSentimentModel(b);
  const texts = smp.map((r) => r.text);
  return {
    lexicon: {
      smp2020: run(smp),
      usual: run(smp.filter((r) => r.domain === "usual")),
      virus: run(smp.filter((r) => r.domain === "virus")),
      chnsenticorp: run(hotel),
    },
    trained: {
      trainAtestB: run(b, modelA),
      trainBtestA: run(a, modelB),
      lexiconOnA: run(a),
      lexiconOnB: run(b),
      trainSeconds,
    },
    three: neutral ? evaluateThree(smp, neutral) : null,
    speed: { lexiconPostsPerSecond: postsPerSecond(texts), trainedPostsPerSecond: postsPerSecond(texts, modelA) },
  };
}

async function main(): Promise<void> {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const dataDir = path.resolve(repoRoot, "../shared/data");
  if (!fs.existsSync(path.join(dataDir, "sentiment-dev.smp2020.jsonl"))) {
    console.log(`sentiment eval: data absent (${dataDir}); nothing to evaluate`);
    return;
  }
  const r = await evaluateSentiment(dataDir);
  console.log("Default analyser (lexicon + rules, no training):");
  console.log(line("  smp2020 pos/neg", r.lexicon.smp2020));
  console.log(line("  smp2020 usual", r.lexicon.usual));
  console.log(line("  smp2020 virus", r.lexicon.virus));
  console.log(line("  chnsenticorp dev", r.lexicon.chnsenticorp));
  console.log("Trained (stacked n-gram + lexicon), smp2020 halves:");
  console.log(line("  train A, test B", r.trained.trainAtestB));
  console.log(line("  train B, test A", r.trained.trainBtestA));
  console.log(line("  lexicon alone on B", r.trained.lexiconOnB));
  console.log(line("  lexicon alone on A", r.trained.lexiconOnA));
  console.log(`  training time on one half: ${r.trained.trainSeconds.toFixed(2)} s`);
  printThree(r.three);
  console.log("Speed (single thread, smp2020 posts):");
  console.log(`  lexicon analyser: ${Math.round(r.speed.lexiconPostsPerSecond)} posts/s`);
  console.log(`  with trained model: ${Math.round(r.speed.trainedPostsPerSecond)} posts/s`);
}

function printThree(t: Report["three"]): void {
  if (!t) {
    console.log("Three classes: sentiment-dev-neutral.smp2020.jsonl absent; skipped");
    return;
  }
  console.log("Three classes (smp2020 pos/neg + neutral):");
  console.log(line3("  default analyser", t.lexicon));
  console.log(line3("  default, usual", t.usual));
  console.log(line3("  default, virus", t.virus));
  console.log(line3("  default on half A", t.lexiconOnA));
  console.log(line3("  default on half B", t.lexiconOnB));
  console.log(line3("  trained on A, test B", t.trainAtestB));
  console.log(line3("  trained on B, test A", t.trainBtestA));
  const bins = t.reliability.map((b) => `${b.from.toFixed(1)}-${b.to.toFixed(1)}: ${b.accuracy.toFixed(3)} (n=${b.n})`);
  console.log(`  default pos/neg verdicts, accuracy by |score|: ${bins.join("  ")}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
