// The review rules: who decides which step, where each action leads, and the timeliness limit on the working calendar.
import { describe, expect, it } from "vitest";
import type { Principal } from "../accounts/policies";
import { DEFAULT_REVIEW_STEPS } from "../shared/publicity-types";
import { availableActions, decide, type ReviewSubject } from "./review";
import { timeliness } from "./timeliness";
import type { WorkingCalendar } from "../shared/working-calendar";

const who = (role: Principal["role"], unitSubtree: number[] = []): Principal => ({ id: 9, username: role, role, unitId: unitSubtree[0] ?? null, unitSubtree });
const subject = (over: Partial<ReviewSubject> = {}): ReviewSubject => ({ state: "in_review", stepIndex: 0, steps: DEFAULT_REVIEW_STEPS, unitId: 5, authorId: 1, ...over });

describe("review", () => {
  it("lets only the unit's handler (or an admin) decide the unit head's step", () => {
    expect(decide(who("handler", [5, 6]), subject(), "approve")).toMatchObject({ ok: true, state: "in_review", stepIndex: 1 });
    expect(decide(who("handler", [7]), subject(), "approve")).toMatchObject({ ok: false, code: "publicity.not_your_step" });
    expect(decide(who("monitor"), subject(), "approve")).toMatchObject({ ok: false, code: "publicity.not_your_step" });
    expect(decide(who("admin"), subject(), "approve")).toMatchObject({ ok: true, stepIndex: 1 });
    expect(decide(who("leader"), subject({ stepIndex: 2 }), "approve")).toMatchObject({ ok: true, state: "approved" });
  });

  it("needs a comment to return, and restarts at the first step on resubmission", () => {
    expect(decide(who("monitor"), subject({ stepIndex: 1 }), "return", "  ")).toMatchObject({ ok: false, code: "publicity.comment_required" });
    expect(decide(who("monitor"), subject({ stepIndex: 1 }), "return", "补充数据")).toMatchObject({ ok: true, state: "returned", stepIndex: 1 });
    expect(decide(who("contributor", [5]), subject({ state: "returned", stepIndex: 1 }), "submit")).toMatchObject({ ok: true, state: "in_review", stepIndex: 0 });
    expect(decide(who("contributor", [5]), subject({ state: "approved" }), "withdraw")).toMatchObject({ ok: false, code: "publicity.bad_state" });
    expect(availableActions(who("contributor", [5]), subject(), true)).toEqual(["withdraw"]);
  });
});

describe("timeliness", () => {
  const cal: WorkingCalendar = {
    timeZone: "Asia/Shanghai", weekdays: [1, 2, 3, 4, 5], periods: [{ start: 540, end: 1080 }], holidays: new Set(["2026-10-01", "2026-10-02"]), makeupDays: new Set(),
  };
  const at = (s: string) => Date.parse(s);
  it("counts working days after the event day, skipping weekends and holidays", () => {
    // Wednesday 30 Sep → due Thursday 1 Oct, a holiday, so Friday 2 Oct too: Monday 5 Oct 18:00.
    const t = timeliness(cal, { eventDate: "2026-09-30", submittedAt: at("2026-10-05T09:00:00+08:00"), approvedAt: null, state: "in_review" }, 1, 0);
    expect(t).toMatchObject({ flagged: false, hoursToSubmit: 5 * 24 + 9, hoursToApprove: null, dueAt: at("2026-10-05T18:00:00+08:00") });
    expect(timeliness(cal, { eventDate: "2026-09-30", submittedAt: at("2026-10-06T09:00:00+08:00"), approvedAt: null, state: "in_review" }, 1, 0).flagged).toBe(true);
    // A draft never submitted is late once the due moment has passed.
    expect(timeliness(cal, { eventDate: "2026-09-30", submittedAt: null, approvedAt: null, state: "draft" }, 1, at("2026-10-06T00:00:00+08:00")).flagged).toBe(true);
    expect(timeliness(cal, { eventDate: "2026-09-30", submittedAt: null, approvedAt: null, state: "withdrawn" }, 1, at("2026-10-06T00:00:00+08:00")).flagged).toBe(false);
  });
});
