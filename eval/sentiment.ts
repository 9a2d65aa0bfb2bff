// Sentiment evaluation on the research-only development sets in ../shared/data (never copied
// into the repo). Run: node --import tsx eval/sentiment.ts. Exits 0 when the data is absent.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import {
  analyseSentiment, type SentimentLabel, type SentimentResult, type TrainedModel, trainSentimentModel,
} from "../src/analyse/sentiment";

/** Accuracy and macro-F1 over neg/pos; a "neu" verdict (or a score of exactly 0) counts as wrong. */
export type Metrics = { n: number; accuracy: number; macroF1: number; undecided: number };

/** Everything evaluateSentiment measured. */
export type Report = {
  lexicon: { smp2020: Metrics; usual: Metrics; virus: Metrics; chnsenticorp: Metrics };
  trained: { trainAtestB: Metrics; trainBtestA: Metrics; lexiconOnA: Metrics; lexiconOnB: Metrics; trainSeconds: number };
  speed: { lexiconPostsPerSecond: number; trainedPostsPerSecond: number };
};

const rowSchema = z.object({ text: z.string(), label: z.enum(["neg", "pos"]), domain: z.string().optional() });
type Row = z.infer<typeof rowSchema>;

function readJsonl(file: string): Row[] {
  const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "");
  return lines.map((l) => rowSchema.parse(JSON.parse(l)));
}

/** Scores predictions against gold labels. */
export function score(gold: readonly SentimentLabel[], predicted: readonly SentimentResult[]): Metrics {
  let correct = 0;
  let undecided = 0;
  const tp = { neg: 0, pos: 0 }, fp = { neg: 0, pos: 0 }, fn = { neg: 0, pos: 0 };
  gold.forEach((g, i) => {
    const p = predicted[i];
    const label = p.score === 0 ? "neu" : p.label;
    if (label === "neu") undecided++;
    if (label === g) correct++;
    for (const c of ["neg", "pos"] as const) {
      if (label === c && g === c) tp[c]++;
      else if (label === c) fp[c]++;
      else if (g === c) fn[c]++;
    }
  });
  const f1 = (c: "neg" | "pos") => (tp[c] === 0 ? 0 : (2 * tp[c]) / (2 * tp[c] + fp[c] + fn[c]));
  return { n: gold.length, accuracy: correct / gold.length, macroF1: (f1("neg") + f1("pos")) / 2, undecided };
}

function run(rows: readonly Row[], model?: TrainedModel): Metrics {
  return score(rows.map((r) => r.label), rows.map((r) => analyseSentiment(r.text, model)));
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
    speed: { lexiconPostsPerSecond: postsPerSecond(texts), trainedPostsPerSecond: postsPerSecond(texts, modelA) },
  };
}

function line(name: string, m: Metrics): string {
  const pct = (x: number) => x.toFixed(4);
  const figures = `accuracy ${pct(m.accuracy)}  macro-F1 ${pct(m.macroF1)}  undecided ${m.undecided}`;
  return `${name.padEnd(34)} n=${String(m.n).padStart(4)}  ${figures}`;
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
  console.log("Speed (single thread, smp2020 posts):");
  console.log(`  lexicon analyser: ${Math.round(r.speed.lexiconPostsPerSecond)} posts/s`);
  console.log(`  with trained model: ${Math.round(r.speed.trainedPostsPerSecond)} posts/s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
