import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { solveChallenge } from "altcha-lib/v1";
import { newChallenge, powKey, verifyPow } from "./pow";

const key = powKey(Buffer.alloc(32, 7));
const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64");

describe("board proof of work", () => {
  it("issues classic SHA-256 challenges that a solution verifies, and refuses tampered ones", async () => {
    const c = await newChallenge(key, 2000);
    expect(c).toMatchObject({ algorithm: "SHA-256", maxnumber: 2000 });
    const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
    expect(solution).not.toBeNull();
    // The challenge is the hex SHA-256 of the salt followed by the secret number.
    expect(createHash("sha256").update(c.salt + String(solution!.number)).digest("hex")).toBe(c.challenge);
    const payload = { algorithm: c.algorithm, challenge: c.challenge, number: solution!.number, salt: c.salt, signature: c.signature };
    const ok = await verifyPow(key, encode(payload));
    expect(ok?.signature).toBe(c.signature);
    expect(ok!.expiresAt).toBeGreaterThan(Date.now());
    expect(await verifyPow(key, encode({ ...payload, number: solution!.number + 1 }))).toBeNull();
    expect(await verifyPow(powKey(Buffer.alloc(32, 8)), encode(payload))).toBeNull();
    expect(await verifyPow(key, "not base64 json")).toBeNull();
  });

  it("refuses an expired challenge", async () => {
    const c = await newChallenge(key, 500, Date.now() - 11 * 60_000);
    const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
    expect(await verifyPow(key, encode({ algorithm: c.algorithm, challenge: c.challenge, number: solution!.number, salt: c.salt, signature: c.signature }))).toBeNull();
  });
});
