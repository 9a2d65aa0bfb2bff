import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { pollSource } from "../jobs/poll-source";
import { getSourceByUrl } from "../store/sources";
import { startDemo, withDemoAllowed } from "./demo";

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function demoRuntime(): Promise<{ db: Db; feedUrl: string; config: ReturnType<typeof loadConfig> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-demo-"));
  const config = loadConfig({}, { dataDir: dir, demo: true, port: 0, demoPort: 0 });
  const db = openDb(path.join(dir, "demo.db"));
  migrate(db);
  const demo = await startDemo(db, config);
  cleanup = async () => {
    await demo.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { db, feedUrl: demo.feedUrl, config };
}

describe("the demo feed and the fetch guard", () => {
  it("is fetched only through its own host:port on the allow list", async () => {
    const { db, feedUrl, config } = await demoRuntime();
    const source = getSourceByUrl(db, feedUrl)!;
    expect(source).toBeDefined();

    // No bypass: without its entry the demo is refused like any other loopback address.
    expect(await pollSource(db, config, source)).toMatchObject({ inserted: 0, errorCode: "fetch.blocked_address" });
    expect(getSourceByUrl(db, feedUrl)).toMatchObject({ last_error_code: "fetch.blocked_address", error_count: 1 });

    const allowed = withDemoAllowed(config, feedUrl);
    expect(allowed.fetchAllowHosts).toEqual([new URL(feedUrl).host]);
    expect((await pollSource(db, allowed, getSourceByUrl(db, feedUrl)!)).inserted).toBeGreaterThan(0);
    expect(getSourceByUrl(db, feedUrl)).toMatchObject({ last_error: null, last_error_code: null, error_count: 0 });
  });
});
