import { describe, expect, it } from "vitest";
import { SeenSet } from "./seen-set";

describe("SeenSet", () => {
  it("tells new values from seen ones until cleared, colliding values included", () => {
    const seen = new SeenSet(4);
    expect(seen.size).toBe(16);
    const values = [0, 1, -1, 16, 32, 0x7fffffff, -0x80000000, 5];
    expect(values.map((v) => seen.add(v))).toEqual(values.map(() => true));
    expect(values.map((v) => seen.add(v))).toEqual(values.map(() => false));
    seen.clear();
    expect(seen.add(16)).toBe(true);
    expect(seen.add(0)).toBe(true);
    expect(seen.add(16)).toBe(false);
  });
});
