import { describe, expect, it } from "vitest";
import { applyStep, nextSteps, type CaseSnapshot, type CaseStepInput } from "./workflow";

const fresh: CaseSnapshot = { state: "open", severity: null, category: null, unitId: null, coUnitIds: [] };

/** Runs steps in order, failing the test on the first refused one; returns the final case. */
function run(c: CaseSnapshot, steps: CaseStepInput[]): CaseSnapshot {
  for (const s of steps) {
    const out = applyStep(c, s);
    if (!out.ok) throw new Error(`${s.kind} refused in ${c.state}: ${out.code} ${out.field ?? ""}`);
    c = { ...c, ...out.patch, state: out.state };
  }
  return c;
}

describe("case workflow", () => {
  it("walks the full flow through a leader's instruction, a returned reply and a close", () => {
    const end = run(fresh, [
      { kind: "triage", severity: "significant", category: "城建", unitId: 3 },
      { kind: "escalate" },
      { kind: "instruct", text: "请住建局牵头核实，当日回应" },
      { kind: "assign", unitId: 3, coUnitIds: [4, 3, 4] },
      { kind: "accept" },
      { kind: "reply", text: "已安排维修" },
      { kind: "return", text: "未说明完成时限" },
      { kind: "reply", text: "已安排维修，本周五前完成" },
      { kind: "close", text: "回应及时，群众认可" },
    ]);
    expect(end).toMatchObject({ state: "closed", severity: "significant", unitId: 3, coUnitIds: [4] });
    expect(nextSteps("closed")).toEqual(["reopen", "comment"]);
    expect(nextSteps("responding")).toEqual(["reply", "comment", "extend", "approve_extension"]);
    expect(run(end, [{ kind: "reopen", text: "群众再次反映" }]).state).toBe("responding");
  });

  it("refuses steps out of order and steps missing what they need", () => {
    expect(applyStep(fresh, { kind: "close", text: "x" })).toEqual({ ok: false, code: "cases.step_not_allowed" });
    expect(applyStep(fresh, { kind: "triage", unitId: 2 })).toEqual({ ok: false, code: "cases.step_needs_field", field: "severity" });
    expect(applyStep(fresh, { kind: "triage", severity: "general" })).toEqual({ ok: false, code: "cases.step_needs_field", field: "unitId" });
    const triaged = run(fresh, [{ kind: "triage", severity: "general", unitId: 2 }]);
    expect(applyStep(triaged, { kind: "instruct", text: "同意" })).toEqual({ ok: false, code: "cases.step_not_allowed" });
    expect(applyStep({ ...triaged, state: "escalated" }, { kind: "instruct", text: "  " })).toMatchObject({ ok: false, field: "text" });
    expect(applyStep({ ...triaged, state: "closed" }, { kind: "extend", text: "需现场勘查" })).toEqual({ ok: false, code: "cases.step_not_allowed" });
  });

  it("comments and extensions keep the state", () => {
    const out = applyStep({ ...fresh, state: "responding", unitId: 2 }, { kind: "extend", text: "需协调", until: 1 });
    expect(out).toEqual({ ok: true, state: "responding", patch: {} });
    expect(applyStep({ ...fresh, state: "responding" }, { kind: "extend", text: "需协调" })).toMatchObject({ ok: false, field: "until" });
  });
});
