// Declarative permissions: can(actor, action, resource). Pure; no I/O.
import type { Role } from "../shared/api";

/** The signed-in user as policies see it; `unitSubtree` holds the ids of their unit and its descendants. */
export interface Principal { id: number; username: string; role: Role; unitId: number | null; unitSubtree: number[] }

/** Actions guarded by policies. */
export type Action =
  | "dashboard.read" | "dashboard.all_sources" | "items.read" | "items.triage" | "items.export"
  | "sources.read" | "sources.write" | "sources.ignore_robots"
  | "units.read" | "units.write" | "users.read" | "users.write" | "audit.read"
  | "analysis.read" | "analysis.write"
  | "alerts.read" | "alerts.ack" | "alerts.manage"
  | "cases.read" | "cases.create" | "cases.manage" | "cases.instruct" | "cases.handle" | "cases.configure"
  | "incidents.banner" | "incidents.read" | "incidents.note" | "incidents.manage"
  | "alerts.raise"
  | "board.read" | "board.moderate" | "board.answer" | "board.publish" | "board.contact"
  | "duty.read" | "duty.write"
  | "replies.draft" | "replies.review" | "official_accounts.read" | "official_accounts.write" | "reply_templates.read" | "reply_templates.write"
  | "reports.read" | "reports.write" | "reports.issue" | "reports.instruct" | "reports.configure" | "displays.manage"
  | "backups.manage"
  | "publicity.read" | "publicity.submit" | "publicity.review" | "publicity.manage" | "publicity.scores" | "publicity.configure";

/** What an action applies to, when it matters (e.g. a unit for scoping). */
export interface Resource {
  unitId?: number | null;
  /** Further units the resource belongs to (a case's co-handling units): a scoped user of any of them may see it. */
  coUnitIds?: readonly number[];
}

type Rule = Role[] | ((p: Principal, r: Resource) => boolean);

const everyone: Role[] = ["admin", "monitor", "leader", "handler", "spokesperson", "contributor"];
const office: Role[] = ["admin", "monitor", "leader", "spokesperson"];

/** Handlers and contributors see only their unit's subtree; other roles see every unit. */
const isUnitStaff = (p: Principal): boolean => p.role === "handler" || p.role === "contributor";

/** The units whose records a principal's lists are limited to: their unit's subtree for unit staff, null (all) for the office. */
export const unitScope = (p: Principal): readonly number[] | null => (isUnitStaff(p) ? p.unitSubtree : null);

const scoped = (p: Principal, r: Resource): boolean =>
  p.role !== "handler" && p.role !== "contributor" ? true : r.unitId != null && p.unitSubtree.includes(r.unitId);

/** A spokesperson whose own unit (or a unit under it) is the resource's. */
const ownUnitSpokesperson = (p: Principal, r: Resource): boolean => p.role === "spokesperson" && r.unitId != null && p.unitSubtree.includes(r.unitId);

const rules: Record<Action, Rule> = {
  "dashboard.read": everyone,
  // Names and counts of every source: the office's; unit staff see only sources of their unit (none yet).
  "dashboard.all_sources": office,
  // The monitoring ledger is the office's; unit staff get their concerns through cases.
  "items.read": office,
  "items.export": office,
  "items.triage": ["admin", "monitor"],
  "sources.read": ["admin", "monitor"],
  "sources.write": ["admin", "monitor"],
  // Fetching what a site's robots.txt asks us not to is an administrator's decision, and audited.
  "sources.ignore_robots": ["admin"],
  "units.read": (p, r) => (r.unitId === undefined ? true : scoped(p, r)),
  "units.write": ["admin"],
  "users.read": ["admin"],
  "users.write": ["admin"],
  "audit.read": ["admin"],
  // Watches, events, the dictionary and sentiment corrections: read by the office, edited by monitors.
  "analysis.read": office,
  "analysis.write": ["admin", "monitor"],
  // Alerts: the office reads the ledger; monitors (and leaders) acknowledge; channels (with their
  // secrets) and rules are configured by administrators.
  "alerts.read": office,
  "alerts.ack": ["admin", "monitor", "leader"],
  "alerts.manage": ["admin"],
  // Cases: the office sees every case; unit staff see the cases their unit leads or co-handles.
  // Monitors open, triage, assign, return and close; leaders instruct and approve extensions (and may
  // assign, return and close); the lead unit's handlers accept, reply and ask for more time.
  "cases.read": (p, r) =>
    (r.unitId === undefined && r.coUnitIds === undefined) || scoped(p, r) || (isUnitStaff(p) && (r.coUnitIds ?? []).some((u) => p.unitSubtree.includes(u))),
  "cases.create": ["admin", "monitor"],
  "cases.manage": ["admin", "monitor", "leader"],
  "cases.instruct": ["admin", "leader"],
  "cases.handle": (p, r) => ["admin", "monitor", "spokesperson"].includes(p.role) || (p.role === "handler" && scoped(p, r)),
  "cases.configure": ["admin"],
  // Incident mode (24 小时值守): everyone sees the banner; the office reads an incident's log and figures;
  // monitors and admins start, extend and close it; leaders direct the response, so they write in its log too.
  "incidents.banner": everyone,
  "incidents.read": office,
  "incidents.note": ["admin", "monitor", "leader"],
  "incidents.manage": ["admin", "monitor"],
  // A manual alert on an item or event (the ledger's and the event page's "发预警"): monitors.
  "alerts.raise": ["admin", "monitor"],
  // The message board: the office sees every message, unit staff their units'; monitors moderate and
  // route; the unit drafts answers, which its spokesperson (or an admin) publishes; a reporter's
  // contact is opened only by administrators, with a reason, audited.
  "board.read": (p, r) => (r.unitId === undefined ? true : scoped(p, r)),
  "board.moderate": ["admin", "monitor"],
  "board.answer": (p, r) => ["admin", "monitor", "spokesperson"].includes(p.role) || (p.role === "handler" && scoped(p, r)),
  "board.publish": ["admin", "spokesperson"],
  "board.contact": ["admin"],
  // Duty rota (值班): everyone sees who is on duty; administrators and the office's monitors plan it.
  "duty.read": everyone,
  "duty.write": ["admin", "monitor"],
  // Replies (回应) under a unit's official accounts: the lead unit's handlers (and the office's monitors)
  // draft; the lead unit's own spokesperson (or an admin) approves, returns and records publication.
  // Accounts and unit templates are kept by admins and the unit's spokesperson; shared templates by admins.
  "replies.draft": (p, r) => p.role === "admin" || p.role === "monitor" || (p.role === "handler" && scoped(p, r)),
  "replies.review": (p, r) => p.role === "admin" || ownUnitSpokesperson(p, r),
  "official_accounts.read": (p, r) => (r.unitId === undefined ? true : scoped(p, r)),
  "official_accounts.write": (p, r) => p.role === "admin" || (r.unitId === undefined ? p.role === "spokesperson" : ownUnitSpokesperson(p, r)),
  "reply_templates.read": everyone,
  "reply_templates.write": (p, r) => p.role === "admin" || (r.unitId === undefined ? p.role === "spokesperson" : ownUnitSpokesperson(p, r)),
  // Reports (报告): the office reads them; monitors draft, edit and issue the numbered version;
  // leaders issue too and write instructions (批示) on it; templates and delivery schedules are the administrators'.
  "reports.read": office,
  "reports.write": ["admin", "monitor"],
  "reports.issue": ["admin", "leader", "monitor"],
  "reports.instruct": ["admin", "leader"],
  "reports.configure": ["admin"],
  // Wall-display tokens (大屏): issued and revoked by administrators.
  "displays.manage": ["admin"],
  // Backups of the whole data folder (every unit's data and the secrets' ciphertexts): administrators.
  "backups.manage": ["admin"],
  // Publicity work (新闻宣传): contributors (and a unit's handlers) submit drafts and see their unit's
  // submissions and roster; who decides a review step is the step's role (checked by the review command,
  // with unit staff limited to their unit); the office (admins, monitors as editors, spokespersons) keeps
  // outlets, placements, interviews, the roster and the bulletin; the office sees scores; admins set the
  // points table, quotas and review flows.
  "publicity.read": (p, r) => (r.unitId === undefined ? true : scoped(p, r)),
  "publicity.submit": (p, r) => ["admin", "monitor", "spokesperson"].includes(p.role) || (isUnitStaff(p) && scoped(p, r)),
  "publicity.review": (p, r) => ["admin", "monitor", "leader", "spokesperson"].includes(p.role) || (isUnitStaff(p) && scoped(p, r)),
  "publicity.manage": ["admin", "monitor", "spokesperson"],
  "publicity.scores": office,
  "publicity.configure": ["admin"],
};

/** True when the principal may perform the action on the resource. */
export function can(p: Principal | null, action: Action, resource: Resource = {}): boolean {
  if (!p) return false;
  const rule = rules[action];
  return Array.isArray(rule) ? rule.includes(p.role) : rule(p, resource);
}
