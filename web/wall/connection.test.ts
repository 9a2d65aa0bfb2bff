// The wall's connection through a blip and a revocation, with a stand-in EventSource and fetch.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WallSnapshot } from "../../src/shared/wall-api";
import { connectWall, type WallStatus } from "./connection";

class FakeSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static all: FakeSource[] = [];
  readyState = FakeSource.CONNECTING;
  closed = false;
  private handlers = new Map<string, ((e: { data?: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeSource.all.push(this);
  }
  addEventListener(type: string, fn: (e: { data?: string }) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), fn]);
  }
  emit(type: string, data?: unknown) {
    if (type === "open") this.readyState = FakeSource.OPEN;
    for (const fn of this.handlers.get(type) ?? []) fn({ data: data === undefined ? undefined : JSON.stringify(data) });
  }
  close() {
    this.closed = true;
    this.readyState = FakeSource.CLOSED;
  }
}

const snap = (display: string) => ({ display, generatedAt: new Date().toISOString() }) as unknown as WallSnapshot;
let fetchStatus = 200;
const fetches: { url: string; token: string | null }[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  FakeSource.all = [];
  fetches.length = 0;
  fetchStatus = 200;
  vi.stubGlobal("window", globalThis);
  vi.stubGlobal("EventSource", FakeSource);
  vi.stubGlobal("fetch", async (url: string, init: { headers: Record<string, string> }) => {
    fetches.push({ url, token: init.headers["x-display-token"] ?? null });
    return { status: fetchStatus, ok: fetchStatus === 200, json: async () => snap("from-fetch") };
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("connectWall", () => {
  it("shows a blip, fetches the snapshot again on reconnection, and reopens a stream the browser gave up on", async () => {
    const statuses: WallStatus[] = [];
    const shown: string[] = [];
    const stop = connectWall("tok", { status: (s) => statuses.push(s), snapshot: (s) => shown.push(s.display) });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches).toEqual([{ url: "/api/wall/snapshot", token: "tok" }]);
    const es = FakeSource.all[0];
    expect(es.url).toBe("/api/wall/stream?t=tok");
    es.emit("open");
    es.emit("snapshot", snap("pushed"));
    expect(statuses.at(-1)).toBe("live");
    // A blip: the browser retries by itself (CONNECTING); the wall says so, and refetches once reconnected.
    es.readyState = FakeSource.CONNECTING;
    es.emit("error");
    expect(statuses.at(-1)).toBe("reconnecting");
    es.emit("open");
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches).toHaveLength(2);
    es.emit("snapshot", snap("again"));
    expect(statuses.at(-1)).toBe("live");
    // A proxy's 502: the browser gives up (CLOSED); the wall asks, then opens a new stream.
    es.readyState = FakeSource.CLOSED;
    es.emit("error");
    await vi.advanceTimersByTimeAsync(5_100);
    expect(FakeSource.all).toHaveLength(2);
    // A silent stream (no snapshot for 50 s) is replaced too.
    await vi.advanceTimersByTimeAsync(56_000);
    expect(FakeSource.all.length).toBeGreaterThanOrEqual(3);
    expect(statuses.at(-1)).toBe("reconnecting");
    expect(shown).toEqual(["from-fetch", "pushed", "from-fetch", "again", "from-fetch"]);
    stop();
  });

  it("shows the invalid screen on `revoked` and on a 401, and stops trying", async () => {
    const statuses: WallStatus[] = [];
    connectWall("tok", { status: (s) => statuses.push(s), snapshot: () => {} });
    await vi.advanceTimersByTimeAsync(0);
    FakeSource.all[0].emit("revoked");
    expect(statuses.at(-1)).toBe("invalid");
    expect(FakeSource.all[0].closed).toBe(true);

    fetchStatus = 401;
    const later: WallStatus[] = [];
    connectWall("old", { status: (s) => later.push(s), snapshot: () => {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(later.at(-1)).toBe("invalid");
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeSource.all).toHaveLength(2);
  });
});
