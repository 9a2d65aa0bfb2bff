import { describe, expect, it } from "vitest";
import { canAnalyse, canAnswerBoard, canModerateBoard, canPublishBoard, canTriage, canViewBoardContact, pageOfPath, visiblePages } from "./access";

describe("visiblePages", () => {
  it("gives admins every page and monitors the sources page but not administration", () => {
    expect(visiblePages("admin")).toEqual([
      "dashboard",
      "items",
      "watches",
      "events",
      "alerts",
      "duty",
      "cases",
      "caseStats",
      "boardAdmin",
      "officialAccounts",
      "sources",
      "dictionary",
      "units",
      "users",
      "audit",
      "alertSettings",
      "caseSettings",
      "displays",
    ]);
    expect(visiblePages("monitor")).toEqual(["dashboard", "items", "watches", "events", "alerts", "duty", "cases", "caseStats", "boardAdmin", "sources", "dictionary"]);
  });

  it("keeps the office ledger from unit staff, as the server policy does", () => {
    expect(visiblePages("leader")).toEqual(["dashboard", "items", "watches", "events", "alerts", "duty", "cases", "caseStats", "boardAdmin"]);
    expect(visiblePages("handler")).toEqual(["dashboard", "duty", "cases", "caseStats", "boardAdmin"]);
    expect(visiblePages("spokesperson")).toContain("officialAccounts");
  });

  it("lets only admins and monitors triage", () => {
    expect(["admin", "monitor", "leader"].map((role) => canTriage(role as "admin"))).toEqual([true, true, false]);
  });

  it("lets leaders read the analysis pages but not edit them", () => {
    expect(["admin", "monitor", "leader", "spokesperson"].map((role) => canAnalyse(role as "admin"))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("board permissions", () => {
  it("mirrors the board policies: monitors moderate, spokespersons publish, only admins open contacts", () => {
    const roles = ["admin", "monitor", "leader", "handler", "spokesperson", "contributor"] as const;
    expect(roles.map(canModerateBoard)).toEqual([true, true, false, false, false, false]);
    expect(roles.map(canAnswerBoard)).toEqual([true, true, false, true, true, false]);
    expect(roles.map(canPublishBoard)).toEqual([true, false, false, false, true, false]);
    expect(roles.map(canViewBoardContact)).toEqual([true, false, false, false, false, false]);
  });
});

describe("pageOfPath", () => {
  it("selects the list's menu entry on a detail route", () => {
    expect(pageOfPath("/items/42")).toBe("items");
    expect(pageOfPath("/events/7")).toBe("events");
    expect(pageOfPath("/board-admin")).toBe("boardAdmin");
    expect(pageOfPath("/")).toBe("dashboard");
    expect(pageOfPath("/nowhere")).toBe("dashboard");
    expect(pageOfPath("/case-stats")).toBe("caseStats");
    expect(pageOfPath("/cases/3/instruct")).toBe("cases");
  });
});
