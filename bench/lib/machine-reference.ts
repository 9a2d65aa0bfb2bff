// Child process of pipeline.bench.ts: a fixed piece of CPU work, timed so that the benchmark's
// figures can be read against how fast this machine was at that moment (its own process, so the
// benchmark process holds only what a server holds). On the 2-core development machine the same
// code ran the full pipeline at 540 µs of CPU per post in one hour and 860 in the next, and this
// moved with it: a jieba cut of a bench post took 29–45 µs when the machine was quiet in late
// November 2026, 85–95 when it was busy, and 20–24 on 2 December 2026 (365–385 µs of CPU per post).
// Prints the median µs of one cut (HMM on) of a normalised bench post, over three passes of 2,000.
import { loadEngine } from "../../src/analyse/keywords/engine";
import { normaliseText } from "../../src/analyse/normalise";
import { benchPosts } from "./watch-queries";

const { jieba } = loadEngine();
const stream = benchPosts();
const texts = Array.from({ length: 2_000 }, () => {
  const d = stream.next().value;
  return normaliseText(`${d.title}\n${d.text}`);
});
const passes: number[] = [];
for (let p = 0; p < 3; p++) {
  const t0 = performance.now();
  for (const t of texts) jieba.cut(t, true);
  passes.push(((performance.now() - t0) * 1000) / texts.length);
}
console.log(passes.sort((a, b) => a - b)[1].toFixed(1));
