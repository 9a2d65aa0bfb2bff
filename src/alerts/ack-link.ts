// Signed, expiring acknowledgement links (<publicUrl>/a/<alertId>?e=<expiry>&s=<signature>): an HMAC
// over the alert id and the expiry (Unix seconds) with a key derived from the secrets key, so a link
// cannot be made for another alert or stretched past its expiry. Opening one still needs a session.
import { createHmac, timingSafeEqual } from "node:crypto";

/** The key links are signed with: derived from the secrets key (never the key itself). */
export function ackLinkKey(secretKey: Buffer): Buffer {
  return createHmac("sha256", secretKey).update("tingfeng:alert-ack-link:v1").digest();
}

function signature(key: Buffer, alertId: number, expiry: number): string {
  return createHmac("sha256", key).update(`${alertId}.${expiry}`).digest("base64url");
}

/** The link to acknowledge `alertId`, valid until now + ttlMs. */
export function signAckLink(key: Buffer, publicUrl: string, alertId: number, now: number, ttlMs: number): string {
  const expiry = Math.floor((now + ttlMs) / 1000);
  return `${publicUrl}/a/${alertId}?e=${expiry}&s=${signature(key, alertId, expiry)}`;
}

/** Why a link is refused, or "ok". */
export type AckLinkCheck = "ok" | "invalid" | "expired";

/** Checks a link's expiry `e` and signature `s` for `alertId` (the signature first: a forged expiry is invalid, not expired). */
export function checkAckLink(key: Buffer, alertId: number, e: string, s: string, now: number): AckLinkCheck {
  if (!/^\d{1,12}$/.test(e) || !/^[A-Za-z0-9_-]{43}$/.test(s)) return "invalid";
  const expected = Buffer.from(signature(key, alertId, Number(e)));
  const given = Buffer.from(s);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  return Number(e) * 1000 < now ? "expired" : "ok";
}
