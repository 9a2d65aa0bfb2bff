// The reply workflow: draft → submitted → approved → published, returned with a reason and resubmitted.
import { describe, expect, it } from "vitest";
import { applyReplyAction, isHttpUrl, replyActions } from "./workflow";

describe("reply workflow", () => {
  it("runs a reply from draft to published through a return", () => {
    expect(applyReplyAction("draft", { action: "submit" })).toEqual({ ok: true, status: "submitted" });
    expect(applyReplyAction("submitted", { action: "return", reason: "口径不准确" })).toEqual({ ok: true, status: "returned" });
    expect(applyReplyAction("returned", { action: "edit", text: "新稿" })).toEqual({ ok: true, status: "returned" });
    expect(applyReplyAction("returned", { action: "submit" })).toEqual({ ok: true, status: "submitted" });
    expect(applyReplyAction("submitted", { action: "approve" })).toEqual({ ok: true, status: "approved" });
    expect(applyReplyAction("approved", { action: "publish", url: "https://weibo.com/123/abc" })).toEqual({ ok: true, status: "published" });
  });

  it("refuses actions out of order", () => {
    expect(applyReplyAction("draft", { action: "approve" })).toMatchObject({ ok: false, code: "replies.action_not_allowed" });
    expect(applyReplyAction("submitted", { action: "edit", text: "x" })).toMatchObject({ ok: false, code: "replies.action_not_allowed" });
    expect(applyReplyAction("submitted", { action: "publish", url: "https://a.example/x" })).toMatchObject({ ok: false });
    expect(applyReplyAction("published", { action: "return", reason: "x" })).toMatchObject({ ok: false, code: "replies.action_not_allowed" });
    expect(replyActions("published")).toEqual([]);
    expect(replyActions("approved")).toEqual(["return", "publish"]);
  });

  it("needs a reason to return, a text to edit and an http(s) URL to publish", () => {
    expect(applyReplyAction("submitted", { action: "return", reason: "  " })).toEqual({ ok: false, code: "replies.needs_field", field: "reason" });
    expect(applyReplyAction("draft", { action: "edit", text: "" })).toEqual({ ok: false, code: "replies.needs_field", field: "text" });
    expect(applyReplyAction("approved", { action: "publish" })).toEqual({ ok: false, code: "replies.needs_field", field: "url" });
    for (const url of ["javascript:alert(1)", "ftp://a.example/x", "weibo.com/123", "file:///etc/passwd", "http://"]) {
      expect(applyReplyAction("approved", { action: "publish", url }), url).toEqual({ ok: false, code: "replies.bad_url", field: "url" });
    }
    expect(isHttpUrl("http://www.qinghe.gov.cn/hd/1.html")).toBe(true);
  });
});
