// People an alert goes to besides its channels: the rule's recipients and whoever is first on duty in
// the rule's unit (the top unit when none is given). Written in the transaction that writes the alert.
import type { Db } from "../db/connection";
import { enabledUserIds, topUnitId } from "../store/duty";
import { insertRecipient, setAlertDutyUnit } from "../store/alert-steps";
import { onDutyNow } from "../duty/on-duty";

/** A rule's recipients besides channels. */
export interface RuleRecipients {
  /** People who always receive the rule's alerts. */
  userIds: readonly number[];
  /** Also whoever is first on duty when the alert is raised. */
  onDuty: boolean;
  /** The unit whose rota applies (and escalation climbs); null: the top unit. */
  dutyUnitId: number | null;
}

/** No recipients besides channels. */
export const NO_RECIPIENTS: RuleRecipients = { userIds: [], onDuty: false, dutyUnitId: null };

/** Queues a carrier alert for its people (due with its channels at `dueAt`) and notes the unit it escalates in. */
export function planRecipients(db: Db, alertId: number, r: RuleRecipients, dueAt: number, now: number): number {
  const unit = r.dutyUnitId ?? topUnitId(db);
  setAlertDutyUnit(db, alertId, unit);
  let queued = 0;
  for (const id of enabledUserIds(db, r.userIds)) if (insertRecipient(db, alertId, id, "rule", dueAt)) queued++;
  if (r.onDuty && unit != null) {
    const first = onDutyNow(db, unit, now).userIds[0];
    if (first != null && insertRecipient(db, alertId, first, "duty", dueAt)) queued++;
  }
  return queued;
}
