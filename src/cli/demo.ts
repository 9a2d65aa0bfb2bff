// The built-in demo: a local feed server on 127.0.0.1 registered as a source, so a newcomer sees a live ledger offline.
import type { Config } from "../config";
import type { Db } from "../db/connection";
import { startDemoFeedServer } from "../ingest";
import { recordAudit } from "../store/audit";
import { insertSource, updateSource } from "../store/sources";

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

/** Starts the demo feed and makes sure the demo source points at it. */
export async function startDemo(db: Db, config: Config): Promise<{ feedUrl: string; close(): Promise<void> }> {
  const server = await listen(config);
  db.tx(() => {
    const row = db.get(db.q.selectFrom("sources").selectAll().where("name", "=", DEMO_SOURCE_NAME).where("url", "like", "http://127.0.0.1:%"));
    if (!row) {
      const s = insertSource(db, { name: DEMO_SOURCE_NAME, kind: "rss", url: server.feedUrl, intervalSeconds: 30, priority: 3, enabled: true });
      recordAudit(db, { actor: null, action: "source.create", targetType: "source", targetId: s.id, summary: { demo: true, url: s.url } });
    } else if (row.url !== server.feedUrl) {
      updateSource(db, row.id, { url: server.feedUrl });
    }
  });
  return { feedUrl: server.feedUrl, close: () => server.close() };
}
