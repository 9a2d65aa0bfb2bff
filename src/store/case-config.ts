// What cases are configured by: routing rules (→ owner unit), deadline policies per severity and
// category, and the calendar's exceptional days (public holidays, make-up working days).
import type { Db } from "../db/connection";
import type { CaseDeadlinesTable, RoutingRulesTable } from "../db/schema";

/** A routing rule as written. */
export interface RoutingRuleInput { name: string; kind: string; terms: string[]; unitId: number; priority: number; enabled: boolean }

/** Every routing rule, in id order. */
export function listRoutingRules(db: Db): RoutingRulesTable[] {
  return db.prepare("SELECT * FROM routing_rules ORDER BY id").all() as RoutingRulesTable[];
}

/** One routing rule, or undefined. */
export function getRoutingRule(db: Db, id: number): RoutingRulesTable | undefined {
  return db.prepare("SELECT * FROM routing_rules WHERE id = ?").get(id) as RoutingRulesTable | undefined;
}

/** Inserts a routing rule; returns its id. */
export function insertRoutingRule(db: Db, r: RoutingRuleInput, now = Date.now()): number {
  return Number(
    db
      .prepare("INSERT INTO routing_rules (name, kind, terms, unit_id, priority, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(r.name, r.kind, JSON.stringify(r.terms), r.unitId, r.priority, r.enabled ? 1 : 0, now, now).lastInsertRowid,
  );
}

/** Rewrites a routing rule. */
export function updateRoutingRule(db: Db, id: number, r: RoutingRuleInput, now = Date.now()): void {
  db.prepare("UPDATE routing_rules SET name = ?, kind = ?, terms = ?, unit_id = ?, priority = ?, enabled = ?, updated_at = ? WHERE id = ?")
    .run(r.name, r.kind, JSON.stringify(r.terms), r.unitId, r.priority, r.enabled ? 1 : 0, now, id);
}

/** Deletes a routing rule. */
export function deleteRoutingRule(db: Db, id: number): void {
  db.prepare("DELETE FROM routing_rules WHERE id = ?").run(id);
}

/** Deadline policies. */
export function listCaseDeadlines(db: Db): CaseDeadlinesTable[] {
  return db.prepare("SELECT * FROM case_deadlines ORDER BY CASE severity WHEN 'general' THEN 0 WHEN 'significant' THEN 1 ELSE 2 END, category").all() as CaseDeadlinesTable[];
}

/** Sets the deadlines of a severity and category ('' for every category). */
export function upsertCaseDeadline(db: Db, d: Omit<CaseDeadlinesTable, "id">): void {
  db.prepare(
    `INSERT INTO case_deadlines (severity, category, feedback_amount, feedback_unit, reply_amount, reply_unit) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (severity, category) DO UPDATE SET feedback_amount = excluded.feedback_amount, feedback_unit = excluded.feedback_unit,
       reply_amount = excluded.reply_amount, reply_unit = excluded.reply_unit`,
  ).run(d.severity, d.category, d.feedback_amount, d.feedback_unit, d.reply_amount, d.reply_unit);
}

/** The policy for a severity and category: the category's own row, else the severity's general one. */
export function caseDeadlineFor(db: Db, severity: string, category: string | null): CaseDeadlinesTable | undefined {
  return db
    .prepare("SELECT * FROM case_deadlines WHERE severity = ? AND category IN (?, '') ORDER BY category DESC LIMIT 1")
    .get(severity, category ?? "") as CaseDeadlinesTable | undefined;
}

/** A calendar exception. */
export interface CalendarDay { date: string; kind: "holiday" | "workday"; name: string }

/** The calendar's exceptions, optionally within [from, to] (dates). */
export function listCalendarDays(db: Db, from = "0000-01-01", to = "9999-12-31"): CalendarDay[] {
  return db.prepare("SELECT date, kind, name FROM calendar_days WHERE date BETWEEN ? AND ? ORDER BY date").all(from, to) as CalendarDay[];
}

/** Replaces the exceptions of a date range with the given days (a year's holiday notice at once). */
export function replaceCalendarDays(db: Db, from: string, to: string, days: readonly CalendarDay[]): void {
  db.prepare("DELETE FROM calendar_days WHERE date BETWEEN ? AND ?").run(from, to);
  const add = db.prepare("INSERT INTO calendar_days (date, kind, name) VALUES (?, ?, ?) ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name");
  for (const d of days) add.run(d.date, d.kind, d.name);
}
