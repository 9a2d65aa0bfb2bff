// The built-in demo source: a loopback HTTP server whose RSS feed grows every few seconds,
// so a newcomer sees a live ledger with no internet. Conditional GET works like a real site.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createDemoGenerator, type DemoPost } from "./corpus";
import { renderPostPage, renderRss } from "./render";
import { mulberry32 } from "./template";

/** Options for startDemoFeedServer; `now` lets tests control the clock. */
export interface DemoFeedServerOptions {
  port?: number;
  host?: "127.0.0.1";
  intervalMs?: number;
  seed?: number;
  now?: () => Date;
}

/** A running demo server. */
export interface DemoFeedServer {
  url: string;
  feedUrl: string;
  close(): Promise<void>;
}

const FEED_SIZE = 50;
const KEPT_POSTS = 500; // bounded so a demo left running for days does not grow without limit
const BACKDATED = 20;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

interface FeedState { body: string; etag: string; lastModified: string; lastModifiedMs: number }

function notModified(req: IncomingMessage, state: FeedState): boolean {
  const inm = req.headers["if-none-match"];
  if (inm) return inm.split(",").some((tag) => tag.trim().replace(/^W\//, "") === state.etag || tag.trim() === "*");
  const ims = Date.parse(req.headers["if-modified-since"] ?? "");
  return !Number.isNaN(ims) && Math.floor(state.lastModifiedMs / 1000) * 1000 <= ims;
}

// A malformed %-escape must not throw inside the request handler and take the demo down.
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Starts the demo feed on 127.0.0.1: /feed.xml (latest 50 posts) and /posts/:guid pages. */
export async function startDemoFeedServer(opts: DemoFeedServerOptions = {}): Promise<DemoFeedServer> {
  const now = opts.now ?? (() => new Date());
  const seed = opts.seed ?? (Date.now() >>> 0); // a fresh seed per run, so restarts bring new guids
  const posts: DemoPost[] = []; // newest first
  const byGuid = new Map<string, DemoPost>();
  let state: FeedState | null = null;
  let baseUrl = "";
  let generator: ReturnType<typeof createDemoGenerator> | null = null;

  const add = (at: Date): void => {
    if (!generator) return;
    const post = generator.next(at);
    posts.unshift(post);
    byGuid.set(post.guid, post);
    for (const old of posts.splice(KEPT_POSTS)) byGuid.delete(old.guid);
    state = null;
  };
  const feed = (): FeedState => {
    if (state) return state;
    const latest = posts.slice(0, FEED_SIZE);
    const lastModifiedMs = latest[0]?.publishedAt.getTime() ?? 0;
    const body = renderRss(latest, baseUrl, new Date(lastModifiedMs));
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
    state = { body, etag, lastModified: new Date(lastModifiedMs).toUTCString(), lastModifiedMs };
    return state;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/feed.xml") {
      const current = feed();
      const headers = { etag: current.etag, "last-modified": current.lastModified, "cache-control": "no-cache" };
      if (notModified(req, current)) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, "content-type": "application/rss+xml; charset=utf-8" });
      res.end(req.method === "HEAD" ? undefined : current.body);
      return;
    }
    const post = path.startsWith("/posts/") ? byGuid.get(safeDecode(path.slice(7))) : undefined;
    if (post) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(req.method === "HEAD" ? undefined : renderPostPage(post, `${baseUrl}/feed.xml`));
      return;
    }
    if (path === "/") {
      res.writeHead(302, { location: "/feed.xml" }).end();
      return;
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  generator = createDemoGenerator(seed, baseUrl);

  // A week of history so the 7-day charts have data on first start.
  const spread = mulberry32(seed ^ 0x5bd1e995);
  const start = now().getTime() - WEEK_MS;
  for (let i = 0; i < BACKDATED; i++) add(new Date(start + ((i + 0.2 + 0.6 * spread()) * WEEK_MS) / BACKDATED));

  const timer = setInterval(() => add(now()), opts.intervalMs ?? 5000);
  timer.unref();

  return {
    url: baseUrl,
    feedUrl: `${baseUrl}/feed.xml`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(timer);
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
