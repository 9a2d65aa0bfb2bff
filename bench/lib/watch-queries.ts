// The 100 watches of the pipeline benchmarks, built from words of the generated corpus.
import { chineseItemStream, generateChineseItems } from "../../src/ingest";

/** The 100 watch queries, in the shapes offices write. */
export function watchQueries(): string[] {
  const words = new Set<string>();
  for (const d of generateChineseItems(2000, 4242)) for (const m of d.text.matchAll(/[\p{Script=Han}]{2,4}/gu)) words.add(m[0].slice(0, 2 + (words.size % 3)));
  const w = [...words];
  const pick = (i: number) => w[(i * 7919) % w.length];
  return Array.from({ length: 100 }, (_, i) => {
    const k = i * 10;
    switch (i % 4) {
      case 0: return `${pick(k)} ${pick(k + 1)}`;
      case 1: return `(${pick(k)} | ${pick(k + 1)} | ${pick(k + 2)}) -${pick(k + 3)}`;
      case 2: return `"${pick(k)}" NEAR/20 ${pick(k + 1)}`;
      default: return `${pick(k)} | ${pick(k + 1)} | ${pick(k + 2)} | ${pick(k + 3)} | ${pick(k + 4)}`;
    }
  });
}

/** The benchmark's ~200-character posts, generated as they are used so no corpus is held. */
export const benchPosts = () => chineseItemStream(99, { min: 190, max: 210, history: 5000 });
