// A running app on a temporary database holding analysed fictional posts (one repost group forms an event),
// a monitor account, and a signed-in browser page factory; for the triage and phone-layout flows.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { loadConfig } from "../../src/config";
import { openDb, type Db } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";
import { buildApp } from "../../src/http/app";
import { createUser } from "../../src/accounts/commands";
import { createAnalysisWorker, type AnalysisWorker } from "../../src/jobs/analyse-items";
import { insertItems } from "../../src/store/items";
import { insertSource } from "../../src/store/sources";
import { launchBrowser } from "./browser";

/** The monitor's password. */
export const PASSWORD = "e2e-quiet-harbour-4172";

const FEE = "青禾县禾溪镇第一小学家长反映，学校以兴趣班名义每学期额外收取补课费八百元，家长质疑属于乱收费，希望教育局尽快调查处理。";

/** Fictional posts, oldest first (the ledger shows them newest first). */
export const POSTS = [
  { title: "禾溪镇小学被指乱收费", text: FEE },
  { title: "转发：禾溪镇小学乱收费", text: `转发：${FEE}` },
  { title: "网友爆料学校乱收费", text: `${FEE}太过分了！` },
  { title: "城西公交3路调整线路", text: "青禾县交通运输局发布通知，城西公交3路自下周一起调整线路，不再经过老汽车站，改经新建的滨河路。" },
  { title: "点赞政务服务中心", text: "今天去政务服务中心办营业执照，工作人员热情周到，半小时就办好了，效率真高，必须点赞！" },
  { title: "柳溪镇道路施工致早高峰拥堵", text: "柳溪镇滨河路施工半个月，早高峰车辆排起长队，希望有关部门合理安排施工时间。" },
];

/** What a flow gets. */
export interface SeededApp {
  base: string;
  db: Db;
  /** The analysis worker (not started: `drain()` analyses what a flow stores). */
  analysis: AnalysisWorker;
  browser: Browser;
  /** The app's HTTP server (to drop its connections, as a network blip would). */
  server: Server;
  /** Where screenshots go (printed; look at them when a layout changes). */
  shots: string;
  /** A new page of `width`×`height`, signed in as the monitor. */
  signedIn(width: number, height: number): Promise<Page>;
  /** A new page of `width`×`height`, signed in as `username` (an account made with PASSWORD). */
  signedInAs(username: string, width: number, height: number): Promise<Page>;
  close(): Promise<void>;
}

/** Fills and submits the sign-in form on the page showing it (e.g. after a redirect to /login). */
export async function fillLogin(page: Page, username: string): Promise<void> {
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
}

/** Signs a page in as `username` and waits for the dashboard. */
export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await fillLogin(page, username);
  await page.waitForURL(`${base}/`);
}

/** Starts the app, stores and analyses the posts, launches Chromium. */
export async function startSeededApp(name: string): Promise<SeededApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tingfeng-e2e-${name}-`));
  const shots = process.env.E2E_SCREENSHOTS ?? path.join(os.tmpdir(), "tingfeng-e2e-shots");
  mkdirSync(shots, { recursive: true });
  const config = loadConfig({}, { dataDir: dir, demo: false });
  const db = openDb(path.join(dir, "e2e.db"));
  migrate(db);
  await createUser(db, null, { username: "monitor", password: PASSWORD, role: "monitor", unitId: null });
  const src = insertSource(db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/none", intervalSeconds: 3600, priority: 2, enabled: false });
  const t0 = Date.now() - 5 * 3_600_000;
  POSTS.forEach((p, i) =>
    insertItems(db, src.id, [{ guid: `p${i}`, url: `https://bbs.example.org/thread/${i}?from=share&utm_source=wechat_timeline_long_parameter`, canonicalUrl: null, contentHash: `h${i}`, author: "禾溪网友", title: p.title, text: p.text, publishedAt: t0 + i * 600_000 }]),
  );
  const worker: AnalysisWorker = createAnalysisWorker(db, () => {}, { autostart: false });
  await worker.drain();
  const app = await buildApp({ db, config, version: "e2e", analysis: worker });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();

  const signedInAs = async (username: string, width: number, height: number) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await signIn(page, base, username);
    return page;
  };
  return {
    base, db, analysis: worker, browser, shots, signedInAs, server: app.server,
    signedIn: (width, height) => signedInAs("monitor", width, height),
    async close() {
      await browser.close();
      await app.close();
      await worker.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
