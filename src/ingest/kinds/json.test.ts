import { describe, expect, it } from "vitest";
import { valueAt } from "./json";

describe("valueAt", () => {
  const doc = { data: { items: [{ title: "甲", tags: [["a", "b"]] }], "n-1": 3 }, user: { name: "乙" } };

  it("follows dot paths with array indexes", () => {
    expect(valueAt(doc, "data.items[0].title")).toBe("甲");
    expect(valueAt(doc, "data.items[0].tags[0][1]")).toBe("b");
    expect(valueAt(doc, "user.name")).toBe("乙");
    expect(valueAt(doc, "data.n-1")).toBe(3);
    expect(valueAt(doc, "")).toBe(doc);
  });

  it("gives undefined for missing parts and never reads inherited properties", () => {
    expect(valueAt(doc, "data.items[5].title")).toBeUndefined();
    expect(valueAt(doc, "user.name.first")).toBeUndefined();
    expect(valueAt(doc, "data.constructor")).toBeUndefined();
    expect(valueAt(doc, "data.__proto__")).toBeUndefined();
    expect(valueAt(null, "a")).toBeUndefined();
  });
});
