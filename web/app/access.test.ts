import { describe, expect, it } from "vitest";
import { canAnalyse, canAnswerBoard, canModerateBoard, canPublishBoard, canTriage, canViewBoardContact, pageOfPath, visiblePages } from "./access";
import { canInstructReports, canIssueReports, canOpen, canWriteReports } from "./access";

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
      "reports",
      "boardAdmin",
      "officialAccounts",
      "sources",
      "dictionary",
      "units",
      "users",
      "audit",
      "alertSettings",
      "caseSettings",
      "reportSettings",
      "displays",
      "backups",
      "submissions",
      "bulletins",
      "placements",
      "placementProposals",
      "publicityScores",
      "correspondents",
      "interviews",
      "publicitySettings",
    ]);
    expect(visiblePages("monitor")).toEqual([
      "dashboard", "items", "watches", "events", "alerts", "duty", "cases", "caseStats", "reports", "boardAdmin", "sources", "dictionary",
      "submissions", "bulletins", "placements", "placementProposals", "publicityScores", "correspondents", "interviews",
    ]);
  });

  it("keeps the office ledger from unit staff, as the server policy does", () => {
    expect(visiblePages("leader")).toEqual([
      "dashboard", "items", "watches", "events", "alerts", "duty", "cases", "caseStats", "reports", "boardAdmin",
      "submissions", "bulletins", "placements", "publicityScores", "correspondents", "interviews",
    ]);
    // Unit staff submit drafts and see their unit's roster; placements, scores and the bulletin are the office's.
    expect(visiblePages("handler")).toEqual(["dashboard", "duty", "cases", "caseStats", "boardAdmin", "submissions", "correspondents"]);
    expect(visiblePages("contributor")).toEqual(["dashboard", "duty", "cases", "caseStats", "boardAdmin", "submissions", "correspondents"]);
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

describe("report permissions", () => {
  it("mirrors the report policies: the office reads, monitors write, leaders issue and instruct, admins configure", () => {
    const roles = ["admin", "monitor", "leader", "handler", "spokesperson", "contributor"] as const;
    expect(roles.map((role) => canOpen(role, "reports"))).toEqual([true, true, true, false, true, false]);
    expect(roles.map((role) => canOpen(role, "reportSettings"))).toEqual([true, false, false, false, false, false]);
    expect(roles.map(canWriteReports)).toEqual([true, true, false, false, false, false]);
    expect(roles.map(canIssueReports)).toEqual([true, true, true, false, false, false]);
    expect(roles.map(canInstructReports)).toEqual([true, false, true, false, false, false]);
  });

  it("selects the reports entry on the editor and the settings entry on its page", () => {
    expect(pageOfPath("/reports/12")).toBe("reports");
    expect(pageOfPath("/report-settings")).toBe("reportSettings");
  });
});
