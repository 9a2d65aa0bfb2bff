import { describe, expect, it } from "vitest";
import { can, type Principal } from "./policies";

const p = (role: Principal["role"], unitSubtree: number[] = []): Principal => ({ id: 1, username: "u", role, unitId: unitSubtree[0] ?? null, unitSubtree });

describe("policies", () => {
  it("nobody signed in can do nothing", () => {
    expect(can(null, "dashboard.read")).toBe(false);
  });

  it("admins manage accounts; monitors manage sources; leaders read", () => {
    expect(can(p("admin"), "users.write")).toBe(true);
    expect(can(p("monitor"), "users.write")).toBe(false);
    expect(can(p("monitor"), "sources.write")).toBe(true);
    expect(can(p("leader"), "sources.write")).toBe(false);
    expect(can(p("leader"), "items.read")).toBe(true);
    expect(can(p("leader"), "items.triage")).toBe(false);
  });

  it("handlers and contributors see only their unit subtree", () => {
    const h = p("handler", [5, 6]);
    expect(can(h, "units.read", { unitId: 6 })).toBe(true);
    expect(can(h, "units.read", { unitId: 7 })).toBe(false);
    expect(can(p("contributor", []), "units.read", { unitId: 1 })).toBe(false);
    expect(can(p("monitor"), "units.read", { unitId: 7 })).toBe(true);
    expect(can(h, "items.read")).toBe(false);
  });

  it("admins configure alert channels and rules; the office reads alerts; monitors and leaders acknowledge", () => {
    expect(can(p("admin"), "alerts.manage")).toBe(true);
    expect(can(p("monitor"), "alerts.manage")).toBe(false);
    expect(can(p("monitor"), "alerts.ack")).toBe(true);
    expect(can(p("spokesperson"), "alerts.read")).toBe(true);
    expect(can(p("spokesperson"), "alerts.ack")).toBe(false);
    expect(can(p("handler", [5]), "alerts.read")).toBe(false);
  });
});

describe("reply policies", () => {
  it("lets the lead unit's handlers draft and only its own spokesperson (or an admin) review", () => {
    const lead = { unitId: 5 };
    expect(can(p("handler", [5, 6]), "replies.draft", lead)).toBe(true);
    expect(can(p("handler", [7]), "replies.draft", lead)).toBe(false);
    expect(can(p("monitor"), "replies.draft", lead)).toBe(true);
    expect(can(p("leader"), "replies.draft", lead)).toBe(false);
    expect(can(p("spokesperson", [5]), "replies.review", lead)).toBe(true);
    expect(can(p("spokesperson", [7]), "replies.review", lead)).toBe(false);
    expect(can(p("spokesperson", []), "replies.review", lead)).toBe(false);
    expect(can(p("admin"), "replies.review", lead)).toBe(true);
    expect(can(p("handler", [5]), "replies.review", lead)).toBe(false);
    expect(can(p("spokesperson", [5]), "official_accounts.write", lead)).toBe(true);
    expect(can(p("spokesperson", [7]), "official_accounts.write", lead)).toBe(false);
    expect(can(p("spokesperson", [5]), "reply_templates.write", { unitId: null })).toBe(false);
  });
});
