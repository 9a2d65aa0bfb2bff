// Child process of pipeline.bench.ts: opens a stored database as a restarted server's analysis
// worker would, and prints how long that took and the process's memory.
import { openDb } from "../../src/db/connection";
import { loadAnalyser } from "../../src/jobs/load-analyser";

const [file, nowArg] = process.argv.slice(2);
const db = openDb(file);
const t0 = performance.now();
const analyser = loadAnalyser(db, Number(nowArg));
const secs = (performance.now() - t0) / 1000;
const count = (db.sqlite.prepare("SELECT count(*) AS n FROM items").get() as { n: number }).n;
console.log(
  `worker restart over ${count.toLocaleString("en-US")} stored items: ${secs.toFixed(1)} s, near-duplicate index ${analyser.dedup.size.toLocaleString("en-US")} items, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
);
db.close();
