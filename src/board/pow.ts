// Proof of work for the public board with ALTCHA's classic hash challenges (altcha-lib's v1 API):
// the challenge is SHA-256(salt + secret number), signed with an HMAC key derived from the
// installation's secret key, and expires. A solved payload is accepted once: its signature is
// recorded as spent (in the submission's transaction) until the challenge expires.
import { createHmac } from "node:crypto";
import { createChallenge, extractParams, verifySolution } from "altcha-lib/v1";
import type { Challenge } from "altcha-lib/v1/types";

/** How long a challenge may be solved and submitted. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

/** The HMAC key of challenges: derived from the secret key, so it needs no setting of its own. */
export function powKey(secretKey: Buffer): string {
  return createHmac("sha256", secretKey).update("tingfeng:altcha:v1").digest("hex");
}

/** A new challenge; `maxNumber` sets the work (the widget tries on average half of it). */
export async function newChallenge(hmacKey: string, maxNumber: number, now = Date.now()): Promise<Required<Pick<Challenge, "maxnumber">> & Challenge> {
  const c = await createChallenge({ algorithm: "SHA-256", hmacKey, maxNumber, expires: new Date(now + CHALLENGE_TTL_MS) });
  return { ...c, maxnumber: c.maxnumber ?? maxNumber };
}

/** A verified payload: the signature to spend and until when it must be remembered. */
export interface VerifiedPow { signature: string; expiresAt: number }

/** Checks a base64 ALTCHA payload (signature, solution, expiry); null when it does not hold. */
export async function verifyPow(hmacKey: string, payload: string): Promise<VerifiedPow | null> {
  if (typeof payload !== "string" || payload.length > 2000) return null;
  let parsed: { signature?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as { signature?: unknown };
  } catch {
    return null;
  }
  if (typeof parsed?.signature !== "string") return null;
  let ok = false;
  try {
    ok = await verifySolution(payload, hmacKey, true);
  } catch {
    return null;
  }
  if (!ok) return null;
  const expires = Number(extractParams(payload).expires);
  return { signature: parsed.signature, expiresAt: Number.isFinite(expires) && expires > 0 ? expires * 1000 : Date.now() + CHALLENGE_TTL_MS };
}
