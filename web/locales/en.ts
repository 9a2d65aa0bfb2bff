// English UI strings; typed against the Chinese table so a missing or extra key fails to compile.
import { enReplies } from "./en-replies";
import { enDuty } from "./en-duty";
import { enAnalysis } from "./en-analysis";
import { enAlerts } from "./en-alerts";
import { enCases } from "./en-cases";
import { enIncidents } from "./en-incidents";
import { enTriage } from "./en-triage";
import { enCaseStats } from "./en-case-stats";
import { enCaseExtras } from "./en-case-extras";
import type { Messages } from "./zh-CN";
import { enBoard } from "./en-board";
import { enReports } from "./en-reports";
import { enWall } from "./en-wall";
import { enImport } from "./en-import";
import { enSources } from "./en-sources";
import { enOps } from "./en-ops";
import { enPubProposals } from "./en-pub-proposals";
import { enPubPeople } from "./en-pub-people";
import { enPubReview } from "./en-pub-review";
import { enPubScoring } from "./en-pub-scoring";
import { enPublicity } from "./en-publicity";
import { enPubScores } from "./en-pub-scores";

/** Every UI string in English. */
export const en: Messages = {
  "app.name": "Tingfeng",
  "app.tagline": "Online public-opinion workbench",
  "lang.label": "Language",

  "common.actions": "Actions",
  "common.add": "New",
  "common.autoRefresh": "Auto-refresh",
  "common.backHome": "Back to home",
  "common.cancel": "Cancel",
  "common.confirmDelete": "Delete “{name}”?",
  "common.created": "Created",
  "common.delete": "Delete",
  "common.deleted": "Deleted",
  "common.edit": "Edit",
  "common.forbidden": "Your role cannot open this page.",
  "common.loadFailed": "Could not load",
  "common.networkError": "Cannot reach the server. Check the network and try again.",
  "common.httpError": "The server answered with an error (HTTP {status}); try again later.",
  "common.no": "No",
  "common.notFound": "Page not found.",
  "common.refresh": "Refresh",
  "common.reset": "Reset",
  "common.retry": "Retry",
  "common.save": "Save",
  "common.saved": "Saved",
  "common.search": "Search",
  "common.total": "{n} in total",
  "common.totalOver": "more than {n}",
  "common.yes": "Yes",

  "validation.required": "Please enter {field}",
  "validation.url": "Enter a valid address starting with http:// or https://",
  "validation.range": "Enter a whole number from {min} to {max}",
  "validation.minLength": "At least {n} characters",
  "validation.username": "2–32 letters, digits or _ . -",

  "menu.dashboard": "Dashboard",
  "menu.items": "Ledger",
  "menu.watches": "Watches",
  "menu.events": "Events",
  "menu.sources": "Sources",
  "menu.dictionary": "User dictionary",
  "menu.units": "Units",
  "menu.users": "Users and roles",
  "menu.audit": "Audit log",

  "header.logout": "Sign out",

  "role.admin": "Administrator",
  "role.monitor": "Monitor",
  "role.leader": "Leader",
  "role.handler": "Handler",
  "role.spokesperson": "Spokesperson",
  "role.contributor": "Correspondent",

  "status.new": "New",
  "status.seen": "Seen",
  "status.ignored": "Ignored",

  "login.title": "Sign in to Tingfeng",
  "login.username": "Username",
  "login.password": "Password",
  "login.submit": "Sign in",

  "dashboard.itemsToday": "Items today",
  "dashboard.itemsTotal": "Items in total",
  "dashboard.sourcesTotal": "Sources",
  "dashboard.sourcesFailing": "Failing sources",
  "dashboard.volume7d": "Volume, last 7 days",
  "dashboard.volumeSeries": "Items",
  "dashboard.perSource": "Items per source",
  "dashboard.source": "Source",
  "dashboard.today": "Today",
  "dashboard.total": "Total",

  "items.searchPlaceholder": "Search titles and text",
  "items.allSources": "All sources",
  "items.allStatuses": "All statuses",
  "items.export": "Export Excel",
  "items.col.title": "Title",
  "items.col.source": "Source",
  "items.col.author": "Author",
  "items.col.published": "Published",
  "items.col.fetched": "Fetched",
  "items.col.status": "Status",

  "item.back": "Back to ledger",
  "item.link": "Original",
  "item.markSeen": "Mark as seen",
  "item.ignore": "Ignore",
  "item.restore": "Restore",
  "item.statusChanged": "Status updated",

  "sources.add": "Add source",
  "sources.edit": "Edit source",
  "sources.name": "Name",
  "sources.kind": "Kind",
  "sources.url": "URL",
  "sources.urlHint": "An RSS, Atom or JSON Feed address; any RSSHub route URL works.",
  "sources.interval": "Interval (seconds)",
  "sources.intervalShort": "Interval",
  "sources.priority": "Priority",
  "sources.enabled": "Enabled",
  "sources.health": "Health",
  "sources.health.green": "Healthy",
  "sources.health.yellow": "Warning",
  "sources.health.red": "Broken",
  "sources.health.week": "Items per day, last 7 days",
  "sources.lastSuccessAt": "Last success: {time}",
  "sources.lastErrorAt": "Last error ({n} failures in a row): {error}",
  "sources.nextFetch": "Next fetch",
  "sources.itemCount": "Items",
  "sources.never": "never",
  "sources.fetchNow": "Fetch now",
  "sources.fetchResult": "Fetched: {n} new items",
  "sources.fetchFailed": "Fetch failed: {error}",
  "sources.seconds": "{n} s",

  "units.add": "New unit",
  "units.addChild": "Add sub-unit",
  "units.edit": "Edit unit",
  "units.name": "Unit name",
  "units.parent": "Parent unit",
  "units.parentNone": "(none: top-level unit)",

  "users.add": "New user",
  "users.edit": "Edit user",
  "users.username": "Username",
  "users.displayName": "Display name",
  "users.role": "Role",
  "users.unit": "Unit",
  "users.noUnit": "Unassigned",
  "users.password": "Password",
  "users.newPassword": "New password",
  "users.passwordKeep": "Leave empty to keep the current one",
  "users.state": "State",
  "users.active": "Active",
  "users.disabled": "Disabled",
  "users.disableAccount": "Disable account",
  "users.createdAt": "Created",

  "audit.at": "Time",
  "audit.actor": "Actor",
  "audit.action": "Action",
  "audit.targetType": "Target type",
  "audit.target": "Target",
  "audit.summary": "Summary",
  "audit.ip": "IP",
  "audit.system": "System",
  "audit.export": "Export CSV",

  ...enAnalysis,
  ...enTriage,
  ...enAlerts,
  ...enCases,
  ...enCaseStats,
  ...enIncidents,
  ...enDuty,
  ...enBoard,
  ...enCaseExtras,
  ...enReplies,
  ...enReports,
  ...enWall,
  ...enImport,
  ...enSources,
  ...enOps,
  ...enPubProposals,
  ...enPubPeople,
  ...enPubReview,
  ...enPubScoring,
  ...enPublicity,
  ...enPubScores,

  "links.created": "Opened {range}",
  "links.closed": "Closed {range}",
  "links.overdueAt": "Overdue as of {at}",
  "links.overdueNow": "Overdue now",
  "links.raised": "Raised {range}",
  "links.severity": "Level: {severity}",
  "links.alertId": "Alert #{id}",
  "links.received": "Received {range}",
  "links.answered": "Answered {range}",
  "links.statuses": "Status: {statuses}",
  "links.judgedAt": "Deadlines judged as of {at}",
  "links.sentimentNone": "Not analysed",
  "links.acceptedAt": "Accepted as of {at}",
  "links.unansweredAt": "Unanswered as of {at}",
};
