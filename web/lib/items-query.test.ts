import { describe, expect, it } from "vitest";
import { hasNarrowingFilters, ITEM_FILTER_KEYS, itemListParams, itemSearchParams, pageOf, type ItemFilters } from "./items-query";

const blank = Object.fromEntries(ITEM_FILTER_KEYS.map((key) => [key, ""])) as ItemFilters;

describe("ledger filters", () => {
  it("hide reposts by default and show them only when the URL says collapse=0", () => {
    expect(itemSearchParams(blank).collapse).toBe("1");
    expect(itemSearchParams({ ...blank, collapse: "0" }).collapse).toBe("");
  });

  it("pass the analysis filters through to the list and the export", () => {
    const filters = { ...blank, q: " 食堂 ", sentiment: "neg", watchId: "3", eventId: "12", page: "2", size: "50" };
    expect(itemListParams(filters)).toMatchObject({
      q: "食堂",
      sentiment: "neg",
      watchId: "3",
      eventId: "12",
      limit: 50,
      offset: 50,
    });
  });

  it("fall back to page 1 of 20 and cap the page size", () => {
    expect(pageOf({ page: "x", size: "" })).toEqual({ page: 1, size: 20 });
    expect(pageOf({ page: "3", size: "999" })).toEqual({ page: 3, size: 200 });
  });

  it("tell the search text and paging apart from narrowing filters", () => {
    expect(hasNarrowingFilters({ ...blank, q: "食堂", page: "2", size: "50" })).toBe(false);
    expect(hasNarrowingFilters({ ...blank, status: "new" })).toBe(true);
    expect(hasNarrowingFilters({ ...blank, collapse: "0" })).toBe(true);
  });
});
