// Display tokens: 32 random bytes as base64url, known to the server only by their SHA-256.
import { createHash, randomBytes } from "node:crypto";

/** A new token (43 base64url characters). */
export function newDisplayToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Whether a string has a token's shape (checked before any lookup). */
export function isDisplayTokenShape(s: unknown): s is string {
  return typeof s === "string" && /^[A-Za-z0-9_-]{43}$/.test(s);
}

/** The stored form of a token: hex SHA-256. */
export function hashDisplayToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
