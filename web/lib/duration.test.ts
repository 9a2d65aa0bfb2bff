import { describe, expect, it } from "vitest";
import { durationParts } from "./duration";

describe("durationParts", () => {
  it("shows milliseconds under a second, seconds under a minute, minutes beyond", () => {
    expect(durationParts(0)).toEqual({ unit: "ms", n: "0" });
    expect(durationParts(842.4)).toEqual({ unit: "ms", n: "842" });
    expect(durationParts(999)).toEqual({ unit: "ms", n: "999" });
    expect(durationParts(1000)).toEqual({ unit: "s", n: "1.0" });
    expect(durationParts(2345)).toEqual({ unit: "s", n: "2.3" });
    expect(durationParts(12_600)).toEqual({ unit: "s", n: "13" });
    expect(durationParts(59_999)).toEqual({ unit: "min", n: "1.0" });
    expect(durationParts(999.7)).toEqual({ unit: "s", n: "1.0" });
    expect(durationParts(90_000)).toEqual({ unit: "min", n: "1.5" });
    expect(durationParts(8 * 3_600_000)).toEqual({ unit: "min", n: "480" });
  });
});
