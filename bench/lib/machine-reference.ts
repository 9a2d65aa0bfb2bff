// A fixed piece of CPU work timed next to the benchmarks, so that their figures can be read against
// how fast this machine was at that moment: on the 2-core development machine the same code ran the
// full pipeline at 540 µs of CPU per post in one hour and 860 in the next, and this reference moved
// with it (a jieba cut of a bench post: 45 µs at the machine's quiet best, 85–95 µs when it is busy).
import { loadEngine } from "../../src/analyse/keywords/engine";
import { normaliseText } from "../../src/analyse/normalise";
import { benchPosts } from "./watch-queries";

const POSTS = 2_000;
let texts: string[] | null = null;

/** Median µs of one jieba cut (HMM on) of a normalised bench post, over three passes of 2,000 posts. */
export function machineReference(): number {
  const { jieba } = loadEngine();
  if (!texts) {
    const stream = benchPosts();
    texts = Array.from({ length: POSTS }, () => {
      const d = stream.next().value;
      return normaliseText(`${d.title}\n${d.text}`);
    });
  }
  const passes: number[] = [];
  for (let p = 0; p < 3; p++) {
    const t0 = performance.now();
    for (const t of texts) jieba.cut(t, true);
    passes.push(((performance.now() - t0) * 1000) / texts.length);
  }
  return passes.sort((a, b) => a - b)[1];
}
