// Keyword precision on our own labelled set: eval/keywords-labelled.json holds 100 demo-county posts
// (createDemoGenerator(20261206), reposts included) with the keywords an office worker would file each
// under (places, organisations, the concrete issue), written by hand. Run: node --import tsx eval/keywords.ts.
// precision@5: of the first five keywords the pipeline stores for a post, the share that are in its
// list; a post with fewer than five keywords counts the missing ones as misses.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { KeywordExtractor } from "../src/analyse/keywords";
import { analysedText } from "../src/analyse/pipeline";
import { normaliseText } from "../src/analyse/normalise";
import { segment } from "../src/analyse/segment";

const K = 5;
const rowSchema = z.object({ id: z.string(), title: z.string(), text: z.string(), keywords: z.array(z.string()).min(1) });

/** The labelled posts. */
export function readLabelled(file = path.join(path.dirname(fileURLToPath(import.meta.url)), "keywords-labelled.json")): z.infer<typeof rowSchema>[] {
  return z.array(rowSchema).parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

/**
 * precision@K of the pipeline's keywords over the labelled posts, and the wrong words most often
 * given; `keepFragments` measures the extractor without its phrase-fragment filter.
 */
export function evaluateKeywords(rows: readonly z.infer<typeof rowSchema>[], k = K, keepFragments = false): { precision: number; wrong: [string, number][] } {
  const extractor = new KeywordExtractor({ keepFragments });
  let hits = 0;
  const wrong = new Map<string, number>();
  for (const row of rows) {
    const expected = new Set(row.keywords);
    const found = extractor.analyseSegmentation(segment(normaliseText(analysedText(row.title, row.text))), k).keywords;
    for (const { word } of found) {
      if (expected.has(word)) hits++;
      else wrong.set(word, (wrong.get(word) ?? 0) + 1);
    }
  }
  const top = [...wrong].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 15);
  return { precision: hits / (rows.length * k), wrong: top };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = readLabelled();
  const before = evaluateKeywords(rows, K, true);
  const { precision, wrong } = evaluateKeywords(rows);
  console.log(`Keywords, ${rows.length} labelled demo posts: precision@${K} ${precision.toFixed(3)} (${before.precision.toFixed(3)} without the phrase-fragment filter)`);
  console.log(`  most frequent keywords not in the labels: ${wrong.map(([w, n]) => `${w} ${n}`).join(", ")}`);
}
