// /api/wall/*: the duty-room wall display (大屏), read with a display token instead of a session (the auth
// hook resolves no session here). GET /api/wall/snapshot takes the token in `x-display-token`; the event
// stream (EventSource cannot send headers) in `?t=`. The stream sends a snapshot at once, every 15 s and
// ~2 s after new alerts; at each of these it checks the token again, and a revocation in this process
// closes it at once, after an `event: revoked`.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { activeDisplayToken, displayTokenActive, LAST_SEEN_STEP_MS, touchDisplayToken } from "../../store/display-tokens";
import { writeLockFree } from "../../db/write-lock";
import { hashDisplayToken, isDisplayTokenShape } from "../../displays/token";
import { onDisplayRevoked } from "../../displays/live";
import { onEnqueued } from "../../alerts/outbox";
import type { DisplayTokensTable } from "../../db/schema";
import type { WallSnapshot } from "../../shared/wall-api";
import type { RouteDeps } from "../context";
import { errorBody } from "../schemas";
import { wallSnapshotView } from "../wall-schemas";

/** How often an open stream sends a snapshot (and re-checks its token). */
export const WALL_TICK_MS = 15_000;
/** How long after a new alert the stream sends a snapshot (alerts in a burst make one). */
export const WALL_ALERT_DEBOUNCE_MS = 2_000;
/** How long a computed snapshot serves every display. */
const CACHE_MS = 2_000;

/** Wall display routes. */
export async function wallRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  // One snapshot (read on the read pool: ~95 ms at 1M items with 100k in the last day) serves every
  // display for CACHE_MS; a new alert drops it, and a failed one is not kept.
  let cached: { at: number; snap: Promise<WallSnapshot> } | null = null;
  const snapshotFor = async (display: string): Promise<WallSnapshot> => {
    const now = Date.now();
    if (!cached || now - cached.at >= CACHE_MS) {
      const snap = deps.reads.run("wallSnapshot", ["", now]);
      cached = { at: now, snap };
      snap.catch(() => {
        if (cached?.snap === snap) cached = null;
      });
    }
    return { ...(await cached.snap), display };
  };
  // last_seen_at is a courtesy, written at most once a minute per token: a GET must neither wait for another
  // connection's write lock (a synchronous wait would hold the event loop) nor fail because of it.
  const touched = new Map<number, number>();
  const seen = (id: number) => {
    const now = Date.now();
    if (now - (touched.get(id) ?? 0) < LAST_SEEN_STEP_MS) return;
    try {
      if (!writeLockFree(db)) return;
      touchDisplayToken(db, id, now);
      touched.set(id, now);
    } catch {
      /* written at the next request */
    }
  };
  const displayOf = (token: unknown): DisplayTokensTable => {
    const row = isDisplayTokenShape(token) ? activeDisplayToken(db, hashDisplayToken(token)) : undefined;
    if (!row) throw AppError.of(401, "wall.token_invalid");
    seen(row.id);
    return row;
  };

  // Open streams by token, ended when the server closes (an open SSE response would hold app.close()).
  const streams = new Set<{ tokenId: number; soon(): void; revoked(): void; end(): void }>();
  const stopAlerts = onEnqueued(db, () => {
    cached = null;
    for (const s of streams) s.soon();
  });
  const stopRevoked = onDisplayRevoked(db, (tokenId) => {
    for (const s of streams) if (s.tokenId === tokenId) s.revoked();
  });
  app.addHook("onClose", async () => {
    stopAlerts();
    stopRevoked();
    for (const s of streams) s.end();
  });

  r.get("/api/wall/snapshot", {
    schema: { tags: ["wall"], summary: "The wall display's figures (token in x-display-token)", response: { 200: wallSnapshotView, 401: errorBody } },
  }, async (req, reply) => {
    const t = displayOf(req.headers["x-display-token"]);
    void reply.header("cache-control", "no-store");
    return snapshotFor(t.name);
  });

  r.get("/api/wall/stream", {
    schema: {
      tags: ["wall"], summary: "Server-sent events: `snapshot` at once, every 15 s and after new alerts; `revoked` before closing",
      // Any string: a malformed token is a 401 like an unknown one, and its value is echoed nowhere.
      querystring: z.object({ t: z.string().optional() }),
    },
  }, async (req, reply) => {
    const t = displayOf(req.query.t);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" });
    // A dropped connection is retried by the browser after 3 s.
    res.write(": 听风大屏\nretry: 3000\n\n");
    let debounce: NodeJS.Timeout | undefined;
    const send = async () => {
      try {
        if (!displayTokenActive(db, t.id)) return stream.revoked();
        seen(t.id);
        const snap = await snapshotFor(t.name);
        if (!res.writableEnded) res.write(`event: snapshot\ndata: ${JSON.stringify(snap)}\n\n`);
      } catch (err) {
        // Keeps the connection alive; the next tick tries again.
        req.log.error({ err }, "wall snapshot failed");
        if (!res.writableEnded) res.write(": snapshot failed\n\n");
      }
    };
    const stream = {
      tokenId: t.id,
      soon() {
        debounce ??= setTimeout(() => {
          debounce = undefined;
          void send();
        }, WALL_ALERT_DEBOUNCE_MS);
      },
      revoked() {
        if (!res.writableEnded) res.write("event: revoked\ndata: {}\n\n");
        stream.end();
      },
      end() {
        clearInterval(tick);
        clearTimeout(debounce);
        streams.delete(stream);
        if (!res.writableEnded) res.end();
      },
    };
    const tick = setInterval(() => void send(), WALL_TICK_MS);
    streams.add(stream);
    req.raw.on("close", () => stream.end());
    void send();
  });
}
