// The reply workflow (回应) as data: a handler drafts and submits, the unit's spokesperson approves or
// returns it with a reason, and an approved reply is marked published with its public URL (the
// product never posts it). Pure: who may take an action is a policy (src/accounts/policies.ts).
import { ACCOUNT_PLATFORMS, REPLY_STATUSES, type AccountPlatformName, type ReplyStatusName } from "../shared/replies-api";

export { ACCOUNT_PLATFORMS, REPLY_STATUSES };
/** A reply status. */
export type ReplyStatus = ReplyStatusName;

/** Actions on a reply. `edit` keeps the status. */
export type ReplyAction = "edit" | "submit" | "approve" | "return" | "publish";

/** From which statuses an action may be taken, where it leads (null: the status stays) and its timeline step kind. */
export const REPLY_ACTIONS: Record<ReplyAction, { from: readonly ReplyStatus[]; to: ReplyStatus | null; step: string }> = {
  edit: { from: ["draft", "returned"], to: null, step: "reply_edit" },
  submit: { from: ["draft", "returned"], to: "submitted", step: "reply_submitted" },
  approve: { from: ["submitted"], to: "approved", step: "reply_approved" },
  // A spokesperson may still take back an approval before the reply is published.
  return: { from: ["submitted", "approved"], to: "returned", step: "reply_returned" },
  publish: { from: ["approved"], to: "published", step: "reply_published" },
};

/** An official account's platform. */
export type AccountPlatform = AccountPlatformName;

/** What an action carries. */
export interface ReplyActionInput { action: ReplyAction; text?: string; reason?: string; url?: string }

/** The outcome of an action: the new status, or why it is refused (a message catalog key). */
export type ReplyOutcome =
  | { ok: true; status: ReplyStatus }
  | { ok: false; code: "replies.action_not_allowed" | "replies.needs_field" | "replies.bad_url"; field?: string };

/** True for an absolute http(s) URL with a host. */
export function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/** Checks an action against a reply's status and says where it leads. */
export function applyReplyAction(status: ReplyStatus, input: ReplyActionInput): ReplyOutcome {
  const a = REPLY_ACTIONS[input.action];
  if (!a.from.includes(status)) return { ok: false, code: "replies.action_not_allowed" };
  if (input.action === "edit" && input.text !== undefined && !input.text.trim()) return { ok: false, code: "replies.needs_field", field: "text" };
  if (input.action === "return" && !input.reason?.trim()) return { ok: false, code: "replies.needs_field", field: "reason" };
  if (input.action === "publish") {
    if (!input.url?.trim()) return { ok: false, code: "replies.needs_field", field: "url" };
    if (!isHttpUrl(input.url.trim())) return { ok: false, code: "replies.bad_url", field: "url" };
  }
  return { ok: true, status: a.to ?? status };
}

/** The actions open to a reply in a status (for the UI's buttons). */
export function replyActions(status: ReplyStatus): ReplyAction[] {
  return (Object.keys(REPLY_ACTIONS) as ReplyAction[]).filter((k) => REPLY_ACTIONS[k].from.includes(status));
}
