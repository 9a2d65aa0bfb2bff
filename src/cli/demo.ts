// The built-in demo: a local feed server on 127.0.0.1 registered as a source, so a newcomer sees a live ledger offline.
import type { Config } from "../config";
import type { Db } from "../db/connection";
import { startDemoFeedServer } from "../ingest";
import { recordAudit } from "../store/audit";
import { insertSource, updateSource } from "../store/sources";
import { insertWatch, listWatches } from "../store/watches";

/** Watches a newcomer finds ready on the demo's first run (editable like any other). */
export const DEMO_WATCHES = [
  { name: "演示：教育收费与补课", query: "(乱收费 | 资料费 | 补课 | 补习班) -招聘" },
  { name: "演示：交通出行", query: "公交 | 堵车 | 拥堵 | 红绿灯 | 停车" },
  { name: "演示：环境投诉", query: "污染 | 排污 | 恶臭 | 噪音 | 异味 | 垃圾" },
];

/** Name of the demo source; the demo finds its own row by it. */
export const DEMO_SOURCE_NAME = "演示：青禾县网络动态";

async function listen(config: Config) {
  const wanted = config.demoPort || (config.port ? config.port + 1 : 0);
  try {
    return await startDemoFeedServer({ port: wanted, intervalMs: config.demoIntervalMs });
  } catch {
    // The preferred port is taken: any free port will do (the source row is updated below).
    return startDemoFeedServer({ port: 0, intervalMs: config.demoIntervalMs });
  }
}

/** `config` with the demo feed's own loopback host:port on the fetch allow list (the guard makes no exception for it). */
export function withDemoAllowed(config: Config, feedUrl: string): Config {
  return { ...config, fetchAllowHosts: [...config.fetchAllowHosts, new URL(feedUrl).host] };
}

/** Starts the demo feed and makes sure the demo source points at it. */
export async function startDemo(db: Db, config: Config): Promise<{ feedUrl: string; close(): Promise<void> }> {
  const server = await listen(config);
  db.tx(() => {
    const row = db.get(db.q.selectFrom("sources").selectAll().where("name", "=", DEMO_SOURCE_NAME).where("url", "like", "http://127.0.0.1:%"));
    if (!row) {
      const s = insertSource(db, { name: DEMO_SOURCE_NAME, kind: "rss", url: server.feedUrl, intervalSeconds: 30, priority: 3, enabled: true });
      recordAudit(db, { actor: null, action: "source.create", targetType: "source", targetId: s.id, summary: { demo: true, url: s.url } });
      if (listWatches(db, 0).length === 0)
        for (const w of DEMO_WATCHES) {
          const id = insertWatch(db, { ...w, enabled: true, createdBy: null });
          recordAudit(db, { actor: null, action: "watch.create", targetType: "watch", targetId: id, summary: { demo: true, ...w } });
        }
    } else if (row.url !== server.feedUrl) {
      updateSource(db, row.id, { url: server.feedUrl });
    }
  });
  return { feedUrl: server.feedUrl, close: () => server.close() };
}
