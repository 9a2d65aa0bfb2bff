// The API query each list page sends for the filters in its URL.
import { describe, expect, it } from "vitest";
import { alertsApiQuery, boardApiQuery, casesApiQuery, caseStatsApiQuery } from "./list-links";

const q = (s: string) => new URLSearchParams(s);

describe("list links", () => {
  it("the case list shows open cases unless the link says otherwise, and passes the report filters on", () => {
    expect(casesApiQuery(q("")).toString()).toBe("open=1");
    expect(casesApiQuery(q("open=all&createdFrom=2026-07-01T00:00:00Z&page=3")).toString()).toBe("createdFrom=2026-07-01T00%3A00%3A00Z");
    expect(Object.fromEntries(casesApiQuery(q("open=0&state=closed&closedTo=x&overdue=1")))).toEqual({ state: "closed", closedTo: "x", overdue: "1", open: "0" });
  });

  it("alerts, board and case statistics pass only the filters they read", () => {
    expect(alertsApiQuery(q("id=7&foo=1")).toString()).toBe("id=7");
    expect(boardApiQuery(q("status=accepted,answered&from=a&to=b&page=2&id=4")).toString()).toBe("status=accepted%2Canswered&from=a&to=b");
    expect(caseStatsApiQuery(q("from=2026-07-01&to=2026-09-30&at=z")).toString()).toBe("from=2026-07-01&to=2026-09-30&at=z");
  });
});
