// Builds the message a carrier alert sends: itself and the alerts folded into it, with their items.
import type { Db } from "../db/connection";
import { foldedCount, messageRows } from "../store/alerts";
import { ALERT_SEVERITIES, type AlertMessage, type AlertSeverity } from "./channels/types";
import { foldSubject } from "./rules";
import { signAckLink } from "./ack-link";
import { iso } from "../shared/iso";

const severityOf = (s: string): AlertSeverity => ((ALERT_SEVERITIES as readonly string[]).includes(s) ? (s as AlertSeverity) : "general");
const sentimentOf = (s: string | null) => (s === "neg" || s === "neu" || s === "pos" ? s : null);

/** How a message's ack link is signed: the derived key (ackLinkKey), its lifetime, and now. */
export interface AckLinkOptions { key: Buffer; ttlMs: number; now?: number }

/** The leader's phone memo page of a case, where the instruction (批示) is written. */
export const caseMemoPath = (caseId: number): string => `/cases/${caseId}/instruct`;

/** The fold key of a case's escalation message (src/cases/escalation-notice.ts). */
export const escalationFoldKey = (caseId: number, at: number): string => `case:${caseId}:escalate:${at}`;

/** The app path a case alert (fold key `case:<id>:…`) links to. */
function caseLinkOf(foldKey: string): string {
  const [, id, kind] = foldKey.split(":");
  return kind === "escalate" ? caseMemoPath(Number(id)) : `/cases/${id}`;
}

/** The message of a carrier alert, or null when the alert is gone; with `ack`, it carries a signed ack link. */
export function buildMessage(db: Db, carrierId: number, publicUrl: string, ack?: AckLinkOptions): AlertMessage | null {
  const rows = messageRows(db, carrierId);
  const head = rows[0];
  if (!head || head.id !== carrierId) return null;
  const count = rows.length < 50 ? rows.length : foldedCount(db, carrierId);
  const minutes = Math.max(1, Math.round((head.fold_seconds ?? 600) / 60));
  return {
    id: head.id,
    severity: severityOf(head.severity),
    title: count > 1 ? `${head.title}（${foldSubject(head.fold_key)} ${minutes} 分钟内新增 ${count} 条）` : head.title,
    reason: head.reason,
    // A case's reminder or overdue notice (src/cases/reminders.ts) links to the case, its escalation to the memo page.
    url: /^case:\d+:/.test(head.fold_key) ? `${publicUrl}${caseLinkOf(head.fold_key)}` : `${publicUrl}/alerts?id=${head.id}`,
    // Event, source and burst alerts carry no item: the message is its head and the link.
    items: rows.filter((r) => r.item_id != null).map((r) => ({
      id: r.item_id!, title: r.item_title ?? "", url: r.item_url, source: r.source_name ?? "",
      publishedAt: iso(r.published_at), fetchedAt: iso(r.fetched_at ?? r.created_at)!, sentiment: sentimentOf(r.sentiment), repostCount: Math.max(0, r.reposts ?? 0),
    })),
    createdAt: iso(head.created_at)!,
    count,
    ...(ack ? { ackUrl: signAckLink(ack.key, publicUrl, head.id, ack.now ?? Date.now(), ack.ttlMs) } : {}),
  };
}
