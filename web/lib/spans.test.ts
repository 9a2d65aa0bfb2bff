import { describe, expect, it } from "vitest";
import { excerptAround, fieldSpans, mergeSpans, splitSpans } from "./spans";

describe("mergeSpans", () => {
  it("sorts, merges overlapping and touching spans, and clamps them to the text", () => {
    expect(
      mergeSpans(
        [
          { start: 8, end: 12 },
          { start: 0, end: 2 },
          { start: 1, end: 4 },
          { start: 4, end: 5 },
          { start: 9, end: 30 },
        ],
        10,
      ),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 8, end: 10 },
    ]);
  });

  it("drops empty, reversed, negative-only and non-numeric spans", () => {
    expect(
      mergeSpans(
        [
          { start: 3, end: 3 },
          { start: 5, end: 2 },
          { start: -4, end: -1 },
          { start: Number.NaN, end: 2 },
        ],
        10,
      ),
    ).toEqual([]);
  });
});

describe("splitSpans", () => {
  it("marks the spanned runs and keeps every character of the text", () => {
    const parts = splitSpans("县城学校食堂被指饭菜变质", [
      { start: 2, end: 6 },
      { start: 10, end: 12 },
    ]);
    expect(parts).toEqual([
      { text: "县城", match: false },
      { text: "学校食堂", match: true },
      { text: "被指饭菜", match: false },
      { text: "变质", match: true },
    ]);
    expect(parts.map((part) => part.text).join("")).toBe("县城学校食堂被指饭菜变质");
  });

  it("returns the text unmarked without spans, and nothing for empty text", () => {
    expect(splitSpans("<b>x</b>", [])).toEqual([{ text: "<b>x</b>", match: false }]);
    expect(splitSpans("", [{ start: 0, end: 3 }])).toEqual([]);
  });
});

describe("fieldSpans", () => {
  it("gathers one field's spans across several watch matches", () => {
    const watches = [
      { spans: [{ field: "title" as const, start: 0, end: 2 }, { field: "text" as const, start: 5, end: 7 }] },
      { spans: [{ field: "title" as const, start: 4, end: 6 }] },
    ];
    expect(fieldSpans(watches, "title")).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 6 },
    ]);
    expect(fieldSpans(watches, "text")).toEqual([{ start: 5, end: 7 }]);
    expect(fieldSpans(undefined, "text")).toEqual([]);
  });
});

describe("excerptAround", () => {
  const text = "0123456789abcdefghijklmnopqrstuvwxyz";

  it("cuts around the first span and re-bases the spans inside the excerpt", () => {
    expect(excerptAround(text, [{ start: 20, end: 22 }, { start: 30, end: 33 }], 5)).toEqual({
      text: "fghijklmnopq",
      spans: [{ start: 5, end: 7 }],
      cutStart: true,
      cutEnd: true,
    });
  });

  it("starts at the beginning without spans and does not cut a short text", () => {
    const short = excerptAround("短文本", [], 40);
    expect(short).toEqual({ text: "短文本", spans: [], cutStart: false, cutEnd: false });
    expect(excerptAround(text, [], 5)).toMatchObject({ text: "0123456789", cutStart: false, cutEnd: true });
  });
});
