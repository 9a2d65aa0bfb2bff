import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyFingerprint } from "./manifest";

describe("keyFingerprint", () => {
  it("is the same for one key written as hex or base64, differs for another key, and is null without one", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-key-"));
    try {
      const key = randomBytes(32);
      expect(keyFingerprint(undefined, dir)).toBeNull();
      writeFileSync(path.join(dir, "secret.key"), `${key.toString("hex")}\n`);
      const fromFile = keyFingerprint(undefined, dir);
      expect(fromFile).toMatch(/^[0-9a-f]{16}$/);
      expect(keyFingerprint(key.toString("base64"), dir)).toBe(fromFile);
      expect(keyFingerprint(randomBytes(32).toString("hex"), dir)).not.toBe(fromFile);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
