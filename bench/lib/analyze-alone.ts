// Child process of pipeline.bench.ts: the `analyze` pipeline alone (no database) over the first N
// benchmark posts, as `tingfeng analyze` runs it (batches of 256); prints items per second.
import { Analyser } from "../../src/analyse/pipeline";
import { benchPosts, watchQueries } from "./watch-queries";

const n = Number(process.argv[2] ?? 20_000);
const fmt = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 1 });
const analyser = new Analyser({ watches: watchQueries().map((query, i) => ({ id: i + 1, query })) });
const stream = benchPosts();
const sample = Array.from({ length: n }, () => stream.next().value);
const avg = sample.reduce((k, d) => k + d.text.length, 0) / sample.length;
const start = Date.now() - n * 2000;
const t0 = performance.now();
const items = sample.map((d, i) => ({ id: i + 1, title: d.title, text: d.text, source: "来源1", publishedAt: start + i * 2000 }));
for (let i = 0; i < items.length; i += 256) analyser.analyseBatch(items.slice(i, i + 256));
const secs = (performance.now() - t0) / 1000;
console.log(`analyze pipeline alone: ${fmt(n / secs)} items/s (${fmt(n)} posts of ${fmt(avg)} chars on average, 100 watches)`);
