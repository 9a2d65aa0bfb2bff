import { describe, expect, it } from "vitest";
import { RefreshThrottle } from "./refresh-events";

describe("RefreshThrottle", () => {
  it("refreshes a new event at once, a small one when it doubles, and remembers what it held back", () => {
    const t = new RefreshThrottle();
    expect(t.due(1, 1, 0)).toBe(true); // new
    expect(t.due(1, 2, 10)).toBe(true); // doubled
    expect(t.due(1, 3, 20)).toBe(false);
    expect(t.due(1, 4, 30)).toBe(true);
    expect(t.due(1, 7, 40)).toBe(false);
    expect(t.takeStale()).toEqual([1]);
    expect(t.takeStale()).toEqual([]);
    // Refreshed from the stale list, it counts as new again.
    expect(t.due(1, 7, 50)).toBe(true);
  });

  it("refreshes a big event when it grew by a fifth, and any event after a minute", () => {
    const t = new RefreshThrottle();
    expect(t.due(2, 600, 0)).toBe(true);
    expect(t.due(2, 700, 1_000)).toBe(false);
    expect(t.due(2, 720, 2_000)).toBe(true);
    expect(t.due(3, 10, 0)).toBe(true);
    expect(t.due(3, 11, 59_999)).toBe(false);
    expect(t.due(3, 12, 60_001)).toBe(true);
    expect(t.takeStale()).toEqual([]); // both were refreshed after they were held back
  });
});
