// Password hashing with argon2id, and generated passwords for the first admin.
import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

/** Hashes a password with argon2id (OWASP-recommended parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** True when `password` matches the stored hash; false for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A random password that is easy to type from a console (no 0/O/1/l). */
export function generatePassword(length = 16): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
export const dummyHash = hashPassword(generatePassword());
