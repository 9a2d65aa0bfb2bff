// `tingfeng sentiment train FILE.jsonl`: trains the deployment's sentiment model from lines
// {"text", "label": "neg|neu|pos"} and makes it the active model (the server picks it up on its next start
// or within a minute while running).
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { LabelledExample } from "../analyse/sentiment";
import { trainAndStore } from "../monitor/train-sentiment";
import { openRuntime } from "./runtime";

const lineSchema = z.object({ text: z.string().min(1).max(100_000), label: z.enum(["neg", "neu", "pos"]) });

/** Parses a labelled JSONL file; throws naming the first bad line. */
export function readExamples(text: string): LabelledExample[] {
  const out: LabelledExample[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not valid JSON`);
    }
    const r = lineSchema.safeParse(value);
    if (!r.success) throw new Error(`line ${i + 1}: ${r.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    out.push(r.data);
  });
  return out;
}

/** The CLI entry. */
export async function sentimentCommand(args: string[]): Promise<number> {
  const [sub, file] = args;
  if (sub !== "train" || !file) {
    console.error("usage: tingfeng sentiment train FILE.jsonl   (lines: {\"text\": \"…\", \"label\": \"neg|neu|pos\"})");
    return 2;
  }
  let examples: LabelledExample[];
  try {
    examples = readExamples(readFileSync(file, "utf8"));
  } catch (err) {
    console.error(`sentiment train: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const { db } = await openRuntime();
  try {
    const r = trainAndStore(db, examples, "file");
    const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);
    console.log(`trained model #${r.modelId} on ${r.examples} examples; held-out ${r.holdout}: accuracy ${pct(r.holdoutAccuracy)} (lexicon alone ${pct(r.lexiconAccuracy)})`);
    return 0;
  } catch (err) {
    console.error(`sentiment train: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    db.close();
  }
}
