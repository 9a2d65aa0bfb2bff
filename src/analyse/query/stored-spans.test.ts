import { describe, expect, it } from "vitest";
import { decodeSpans, encodeWatchSpans } from "./stored-spans";
import type { MatchSpan } from "./prepared-doc";

describe("stored spans", () => {
  it("round-trips every watch's spans, title and text, through the stored form", () => {
    const a: MatchSpan[] = [{ field: "title", start: 0, end: 2 }, { field: "text", start: 13, end: 15 }];
    const b: MatchSpan[] = [{ field: "text", start: 102, end: 106 }];
    const stored = encodeWatchSpans([{ watchId: 3, spans: a }, { watchId: 17, spans: b }, { watchId: 20, spans: [] }]);
    expect(stored).toBe('{"3":[[1,0,2],[0,13,15]],"17":[[0,102,106]],"20":[]}');
    const parsed = JSON.parse(stored) as Record<string, unknown>;
    expect(decodeSpans(JSON.stringify(parsed["3"]))).toEqual(a);
    expect(decodeSpans(JSON.stringify(parsed["17"]))).toEqual(b);
    expect(encodeWatchSpans([])).toBe("{}");
  });

  it("skips what is not a span instead of failing", () => {
    expect(decodeSpans("not json")).toEqual([]);
    expect(decodeSpans('{"a":1}')).toEqual([]);
    expect(decodeSpans('[[0,1,2],[2,1,2],[0,-1,2],[0,5,3],[0,1],"x",[1,4,4.5],[1,4,9]]')).toEqual([
      { field: "text", start: 1, end: 2 }, { field: "title", start: 4, end: 9 },
    ]);
  });
});
