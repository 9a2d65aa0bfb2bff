// Rule set commands: save a new version of the points table. History is never rewritten: a new version must
// start after the latest one, and the open set it follows ends the day before (audited in one transaction).
import type { Db } from "../db/connection";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../store/audit";
import { closeOpenRuleSets, insertRuleSet, latestRuleSet, listRuleSets, type RuleSetRow } from "../store/scoring-rules";
import { DEFAULT_SCORING_RULES, type ScoringRules } from "../shared/publicity-types";
import { dayBefore, ruleSetOn } from "./scoring";
import { isDate } from "../duty/rota";

/** A new version as asked (the rules already validated in full at the boundary). */
export interface RuleSetInput { name: string; validFrom: string; rules: ScoringRules }

/** Saves a new version starting `validFrom`; 409 when it does not start after the latest saved one. */
export function addRuleSet(db: Db, actor: Actor | null, input: RuleSetInput, now = Date.now(), ip: string | null = null): { id: number; closedPrevious: string | null } {
  if (!isDate(input.validFrom)) throw AppError.validation({ validFrom: "field.invalid_date" });
  return db.tx(() => {
    const latest = latestRuleSet(db);
    if (latest && input.validFrom <= latest.validFrom) {
      throw AppError.conflict("publicity.rules_history", { validFrom: latest.validFrom });
    }
    const closedPrevious = latest ? dayBefore(input.validFrom) : null;
    if (closedPrevious) closeOpenRuleSets(db, closedPrevious);
    const id = insertRuleSet(db, input, actor?.id ?? null, now);
    recordAudit(db, {
      actor, action: "scoring_rules.create", targetType: "scoring_rule_set", targetId: id,
      summary: { name: input.name, validFrom: input.validFrom, previousEndsOn: closedPrevious, previousId: latest?.id ?? null }, ip,
    }, now);
    return { id, closedPrevious };
  });
}

/** Every saved version (newest first) with the one in force on `today` marked, and the defaults used when none applies. */
export function ruleSetsOverview(db: Db, today: string): { sets: (RuleSetRow & { inForce: boolean })[]; inForceId: number | null; defaults: ScoringRules } {
  const sets = listRuleSets(db);
  const inForce = ruleSetOn(today, sets);
  return { sets: sets.map((s) => ({ ...s, inForce: s.id === inForce?.id })), inForceId: inForce?.id ?? null, defaults: DEFAULT_SCORING_RULES };
}
