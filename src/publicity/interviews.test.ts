// The interview request state machine: which actions each state allows and what they need.
import { describe, expect, it } from "vitest";
import { applyInterviewAction, interviewActionsFrom } from "./interviews";

describe("interview state machine", () => {
  it("allows each action only from its states", () => {
    expect(interviewActionsFrom("requested")).toEqual(["approve", "decline", "cancel"]);
    expect(interviewActionsFrom("approved")).toEqual(["schedule", "cancel", "link"]);
    expect(interviewActionsFrom("scheduled")).toEqual(["schedule", "done", "cancel", "link"]);
    expect(interviewActionsFrom("declined")).toEqual([]);
    expect(interviewActionsFrom("cancelled")).toEqual([]);
    expect(applyInterviewAction("requested", { action: "done" })).toEqual({ ok: false, refusal: { kind: "state", state: "requested", action: "done" } });
  });

  it("needs a reason to decline or cancel, and a time and place to schedule", () => {
    expect(applyInterviewAction("requested", { action: "decline", reason: " " })).toEqual({ ok: false, refusal: { kind: "field", field: "reason" } });
    expect(applyInterviewAction("approved", { action: "schedule", scheduledAt: 1, place: "" })).toEqual({ ok: false, refusal: { kind: "field", field: "place" } });
    expect(applyInterviewAction("approved", { action: "schedule", scheduledAt: 5, place: " 会议室 ", accompaniedBy: "李科长" }))
      .toEqual({ ok: true, change: { state: "scheduled", scheduledAt: 5, place: "会议室", accompaniedBy: "李科长" } });
    expect(applyInterviewAction("scheduled", { action: "cancel", reason: "改期" })).toEqual({ ok: true, change: { state: "cancelled", cancelReason: "改期" } });
    expect(applyInterviewAction("scheduled", { action: "link", placementId: 7 })).toEqual({ ok: true, change: { state: "done", placementId: 7 } });
  });
});
