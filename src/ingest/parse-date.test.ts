import { describe, expect, it } from "vitest";
import { parseFeedDate } from "./parse-date";

const iso = (s: string | null) => parseFeedDate(s)?.toISOString() ?? null;

describe("parseFeedDate", () => {
  it("reads RFC 822 dates with numeric and named zones", () => {
    expect(iso("Wed, 01 May 2024 12:00:00 +0800")).toBe("2024-05-01T04:00:00.000Z");
    expect(iso("Wed, 1 May 2024 12:00:00 GMT")).toBe("2024-05-01T12:00:00.000Z");
    expect(iso("01 May 24 12:00 EST")).toBe("2024-05-01T17:00:00.000Z");
    expect(iso("Wed,01 May 2024 12:00:00")).toBe("2024-05-01T04:00:00.000Z");
  });

  it("reads ISO 8601 with and without a zone (no zone means Beijing time)", () => {
    expect(iso("2024-05-01T12:00:00Z")).toBe("2024-05-01T12:00:00.000Z");
    expect(iso("2024-05-01T12:00:00.250+02:00")).toBe("2024-05-01T10:00:00.250Z");
    expect(iso("2024-05-01 12:00:00")).toBe("2024-05-01T04:00:00.000Z");
    expect(iso("2024/5/1 08:30")).toBe("2024-05-01T00:30:00.000Z");
    expect(iso("2024-05-01")).toBe("2024-04-30T16:00:00.000Z");
  });

  it("reads the Chinese and Java forms Chinese CMSs emit; CST is China time", () => {
    expect(iso("2024年5月1日 12:00")).toBe("2024-05-01T04:00:00.000Z");
    expect(iso("Wed May 01 12:00:00 CST 2024")).toBe("2024-05-01T04:00:00.000Z");
  });

  it("returns null for anything invalid", () => {
    for (const bad of ["", "not a date", "2024-02-30 10:00:00", "2024-13-01", "Wed, 01 Foo 2024 12:00:00 GMT", "01 May 2024 12:00 XYZ", null]) {
      expect(iso(bad)).toBeNull();
    }
  });
});
