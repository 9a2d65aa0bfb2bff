// Which role may open which page; mirrors src/accounts/policies.ts, which is what actually enforces it.
import type { Role } from "../../src/shared/api";

/** Pages reachable from the side menu. */
export const PAGES = [
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
] as const;
/** One of PAGES. */
export type PageKey = (typeof PAGES)[number];

/** The route of each page. */
export const PAGE_PATHS: Record<PageKey, string> = {
  dashboard: "/",
  items: "/items",
  watches: "/watches",
  events: "/events",
  alerts: "/alerts",
  alertSettings: "/alert-settings",
  cases: "/cases",
  caseSettings: "/case-settings",
  sources: "/sources",
  dictionary: "/dictionary",
  units: "/units",
  users: "/users",
  audit: "/audit",
  duty: "/duty",
  boardAdmin: "/board-admin",
  caseStats: "/case-stats",
  officialAccounts: "/official-accounts",
  reports: "/reports",
  reportSettings: "/report-settings",
  displays: "/displays",
  backups: "/backups",
  submissions: "/submissions",
  bulletins: "/bulletins",
  placements: "/placements",
  placementProposals: "/placement-proposals",
  publicityScores: "/publicity-scores",
  correspondents: "/correspondents",
  interviews: "/interviews",
  publicitySettings: "/publicity-settings",
};

/** The publicity pages (新闻宣传), grouped under one entry of the side menu. */
export const PUBLICITY_PAGES: ReadonlySet<PageKey> = new Set<PageKey>([
  "submissions", "bulletins", "placements", "placementProposals", "publicityScores", "correspondents", "interviews", "publicitySettings",
]);

/** Roles of the office itself; unit staff (handler, contributor) get their concerns through cases. */
const OFFICE: readonly Role[] = ["admin", "monitor", "leader", "spokesperson"];

const PAGE_ROLES: Record<PageKey, readonly Role[] | "everyone"> = {
  dashboard: "everyone",
  items: OFFICE,
  watches: OFFICE,
  events: OFFICE,
  alerts: OFFICE,
  alertSettings: ["admin"],
  // Unit staff see their units' cases; the server scopes the list.
  cases: "everyone",
  caseSettings: ["admin"],
  sources: ["admin", "monitor"],
  dictionary: ["admin", "monitor"],
  units: ["admin"],
  users: ["admin"],
  audit: ["admin"],
  duty: "everyone",
  // Unit staff see their units' messages; the server scopes the list.
  boardAdmin: "everyone",
  // Unit staff see their units' rows; the server scopes the figures.
  caseStats: "everyone",
  // Each unit's official accounts and the reply templates: kept by admins and spokespersons (their unit's).
  officialAccounts: ["admin", "spokesperson"],
  // Reports (报告): the office reads them; templates and schedules are the admin's (reports.configure).
  reports: OFFICE,
  reportSettings: ["admin"],
  // Wall display tokens (值班大屏): issued and revoked by admins (mirrors `displays.manage`).
  displays: ["admin"],
  // Backups (数据备份): admins (mirrors `backups.manage`).
  backups: ["admin"],
  // Publicity work (mirrors the publicity.* policies): contributors submit and see their unit's drafts and
  // roster; the office keeps placements, interviews and the bulletin and sees the scores; admins set the rules.
  submissions: "everyone",
  bulletins: OFFICE,
  placements: OFFICE,
  placementProposals: ["admin", "monitor", "spokesperson"],
  publicityScores: OFFICE,
  correspondents: "everyone",
  interviews: OFFICE,
  publicitySettings: ["admin"],
};

/** Whether a user with `role` may open `page`. */
export function canOpen(role: Role, page: PageKey): boolean {
  const allowed = PAGE_ROLES[page];
  return allowed === "everyone" || allowed.includes(role);
}

/** Whether a role may acknowledge alerts (mirrors `alerts.ack`). */
export function canAckAlerts(role: Role): boolean {
  return role === "admin" || role === "monitor" || role === "leader";
}

/** Whether a role may open cases (mirrors `cases.create`). */
export function canOpenCases(role: Role): boolean {
  return role === "admin" || role === "monitor";
}

const CASE_STEP_ROLES: Record<string, readonly Role[] | "everyone"> = {
  triage: ["admin", "monitor", "leader"], escalate: ["admin", "monitor", "leader"], assign: ["admin", "monitor", "leader"],
  return: ["admin", "monitor", "leader"], close: ["admin", "monitor", "leader"], reopen: ["admin", "monitor", "leader"],
  instruct: ["admin", "leader"], approve_extension: ["admin", "leader"],
  accept: ["admin", "monitor", "spokesperson", "handler"], reply: ["admin", "monitor", "spokesperson", "handler"],
  extend: ["admin", "monitor", "spokesperson", "handler"],
  comment: "everyone",
};

/** Whether a role may take a case step (mirrors the step's policy; a handler only on their unit's case, which the server checks). */
export function canTakeCaseStep(role: Role, kind: string): boolean {
  const allowed = CASE_STEP_ROLES[kind];
  return allowed === "everyone" || (allowed ?? []).includes(role);
}

/** Whether a role writes the office's publicity records: placements, outlets, roster, interviews, bulletin (mirrors `publicity.manage`). */
export function canManagePublicity(role: Role): boolean {
  return role === "admin" || role === "monitor" || role === "spokesperson";
}

/** Whether a role may triage items (mirrors `items.triage`). */
export function canTriage(role: Role): boolean {
  return role === "admin" || role === "monitor";
}

/** Whether `role` may edit analysis: watches, events, the dictionary and sentiment corrections. */
export function canAnalyse(role: Role): boolean {
  return role === "admin" || role === "monitor";
}

/** The pages shown in the menu for `role`, in menu order. */
export function visiblePages(role: Role): PageKey[] {
  return PAGES.filter((page) => canOpen(role, page));
}

/** The menu page a pathname belongs to (detail routes select their list's entry). */
export function pageOfPath(pathname: string): PageKey {
  const first = pathname.split("/")[1] ?? "";
  return PAGES.find((page) => page !== "dashboard" && PAGE_PATHS[page] === `/${first}`) ?? "dashboard";
}

/** Whether a role may plan the duty rota (mirrors `duty.write`). */
export function canPlanDuty(role: Role): boolean {
  return role === "admin" || role === "monitor";
}

/** Whether a role may accept, reject and route board messages (mirrors `board.moderate`). */
export function canModerateBoard(role: Role): boolean {
  return role === "admin" || role === "monitor";
}

/** Whether a role may answer board messages (mirrors `board.answer`; a handler only for their units, which the server checks). */
export function canAnswerBoard(role: Role): boolean {
  return role === "admin" || role === "monitor" || role === "spokesperson" || role === "handler";
}

/** Whether a role's answers are published at once, and may approve or return drafts (mirrors `board.publish`). */
export function canPublishBoard(role: Role): boolean {
  return role === "admin" || role === "spokesperson";
}

/** Whether a role may open a reporter's contact, with a reason (mirrors `board.contact`). */
export function canViewBoardContact(role: Role): boolean {
  return role === "admin";
}

/** Whether a role may generate and edit report drafts (mirrors `reports.write`). */
export function canWriteReports(role: Role): boolean {
  return role === "admin" || role === "monitor";
}

/** Whether a role may issue a report as a numbered version (mirrors `reports.issue`). */
export function canIssueReports(role: Role): boolean {
  return role === "admin" || role === "leader" || role === "monitor";
}

/** Whether a role may write a 批示 on an issued report (mirrors `reports.instruct`). */
export function canInstructReports(role: Role): boolean {
  return role === "admin" || role === "leader";
}
