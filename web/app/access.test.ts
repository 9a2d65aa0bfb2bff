import { describe, expect, it } from "vitest";
import { canAnalyse, canTriage, pageOfPath, visiblePages } from "./access";

describe("visiblePages", () => {
  it("gives admins every page and monitors the sources page but not administration", () => {
    expect(visiblePages("admin")).toEqual([
      "dashboard",
      "items",
      "watches",
      "events",
      "alerts",
      "cases",
      "sources",
      "dictionary",
      "units",
      "users",
      "audit",
      "alertSettings",
      "duty",
      "officialAccounts",
    ]);
    expect(visiblePages("monitor")).toEqual(["dashboard", "items", "watches", "events", "alerts", "cases", "sources", "dictionary", "duty"]);
  });

  it("keeps the office ledger from unit staff, as the server policy does", () => {
    expect(visiblePages("leader")).toEqual(["dashboard", "items", "watches", "events", "alerts", "cases", "duty"]);
    expect(visiblePages("handler")).toEqual(["dashboard", "cases", "duty"]);
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

describe("pageOfPath", () => {
  it("selects the list's menu entry on a detail route", () => {
    expect(pageOfPath("/items/42")).toBe("items");
    expect(pageOfPath("/events/7")).toBe("events");
    expect(pageOfPath("/")).toBe("dashboard");
    expect(pageOfPath("/nowhere")).toBe("dashboard");
  });
});
