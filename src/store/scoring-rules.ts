// Scoring rule sets (积分规则): versioned points tables. A saved set's rules and start are never rewritten
// (a trigger forbids it); a new set closes the open one the day before it starts.
import type { Db } from "../db/connection";
import type { RuleSet } from "../publicity/scoring";
import { DEFAULT_SCORING_RULES, type ScoringRules } from "../shared/publicity-types";

/** A rule set with who saved it and when. */
export interface RuleSetRow extends RuleSet { createdBy: string | null; createdAt: number }

interface Raw { id: number; name: string; valid_from: string; valid_to: string | null; rules: string; created_by_name: string | null; created_at: number }

const of = (r: Raw): RuleSetRow => ({
  id: r.id, name: r.name, validFrom: r.valid_from, validTo: r.valid_to, rules: parseRules(r.rules),
  createdBy: r.created_by_name, createdAt: r.created_at,
});

/** A saved set's rules over the defaults (a set whose JSON cannot be read is scored with the defaults rather than dropped). */
function parseRules(json: string): ScoringRules {
  try {
    const v = JSON.parse(json) as Partial<ScoringRules>;
    return { ...DEFAULT_SCORING_RULES, ...v, reward: { ...DEFAULT_SCORING_RULES.reward, ...(v.reward ?? {}) } };
  } catch {
    return DEFAULT_SCORING_RULES;
  }
}

/** Every saved rule set, newest start first. */
export function listRuleSets(db: Db): RuleSetRow[] {
  return (db.prepare(
    `SELECT s.*, coalesce(nullif(u.display_name, ''), u.username) AS created_by_name
     FROM scoring_rule_sets s LEFT JOIN users u ON u.id = s.created_by ORDER BY s.valid_from DESC`,
  ).all() as Raw[]).map(of);
}

/** The set with the latest start, or undefined when none is saved. */
export function latestRuleSet(db: Db): RuleSetRow | undefined {
  return listRuleSets(db)[0];
}

/** Closes every open set on `validTo` (the day before a new one starts). */
export function closeOpenRuleSets(db: Db, validTo: string): number {
  return db.prepare("UPDATE scoring_rule_sets SET valid_to = ? WHERE valid_to IS NULL").run(validTo).changes;
}

/** Stores a new, open-ended set; returns its id. */
export function insertRuleSet(db: Db, s: { name: string; validFrom: string; rules: ScoringRules }, createdBy: number | null, now = Date.now()): number {
  return Number(db.prepare(
    "INSERT INTO scoring_rule_sets (name, valid_from, valid_to, rules, created_by, created_at) VALUES (?, ?, NULL, ?, ?, ?)",
  ).run(s.name, s.validFrom, JSON.stringify(s.rules), createdBy, now).lastInsertRowid);
}
