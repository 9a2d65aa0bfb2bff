import { describe, expect, it } from "vitest";
import { periodQuery } from "./stats-panel";

describe("board statistics periods", () => {
  it("asks for the quarter, the month or last year so far", () => {
    const now = new Date(2026, 11, 6);
    expect(periodQuery("year", now)).toBe("");
    expect(periodQuery("quarter", now)).toBe("?from=2026-10-01&to=2026-12-06");
    expect(periodQuery("month", now)).toBe("?from=2026-12-01&to=2026-12-06");
    expect(periodQuery("lastYear", now)).toBe("?from=2025-01-01&to=2025-12-31");
  });
});
