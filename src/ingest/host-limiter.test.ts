import { describe, expect, it } from "vitest";
import { createHostLimiter } from "./host-limiter";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("host limiter", () => {
  it("keeps at most two requests in flight per host while other hosts go ahead", async () => {
    const limiter = createHostLimiter({ concurrency: 2 });
    const live = new Map<string, number>();
    const peak = new Map<string, number>();
    const job = (host: string) => limiter.run(host, async () => {
      live.set(host, (live.get(host) ?? 0) + 1);
      peak.set(host, Math.max(peak.get(host) ?? 0, live.get(host)!));
      await sleep(5);
      live.set(host, live.get(host)! - 1);
      return host;
    });
    const results = await Promise.all([...Array(10)].flatMap((_, i) => [job("a.example.cn"), job(i % 2 ? "b.example.cn" : "c.example.cn")]));
    expect(results).toHaveLength(20);
    expect(peak.get("a.example.cn")).toBe(2);
    expect(limiter.stats.maxInFlight.get("a.example.cn")).toBe(2);
    expect(Math.max(...peak.values())).toBe(2);
  });

  it("spaces the starts of requests to one host by its delay, raised by Crawl-delay", async () => {
    const limiter = createHostLimiter({ concurrency: 2, minDelayMs: 20 });
    limiter.setDelay("slow.example.cn", 60);
    const starts: number[] = [];
    const t0 = Date.now();
    await Promise.all([1, 2, 3].map(() => limiter.run("slow.example.cn", async () => void starts.push(Date.now() - t0))));
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(55);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(55);
    // A failure frees its slot and reaches the caller.
    await expect(limiter.run("x.example.cn", async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await limiter.run("x.example.cn", async () => 1)).toBe(1);
  });
});
