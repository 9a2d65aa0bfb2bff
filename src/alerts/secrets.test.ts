import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, loadSecretKey, parseKey } from "./secrets";

describe("channel secrets", () => {
  it("round-trips through AES-256-GCM and refuses another key or altered text", () => {
    const key = parseKey("11".repeat(32));
    const enc = encryptSecret(key, "robot-secret");
    expect(enc).not.toContain("robot-secret");
    expect(encryptSecret(key, "robot-secret")).not.toBe(enc); // a fresh IV each time
    expect(decryptSecret(key, enc)).toBe("robot-secret");
    expect(() => decryptSecret(parseKey("22".repeat(32)), enc)).toThrow();
    expect(() => decryptSecret(key, enc.slice(0, -4) + "AAAA")).toThrow();
    expect(() => parseKey("short")).toThrow();
  });

  it("generates a key file with mode 0600 on first run and reuses it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-key-"));
    try {
      const a = loadSecretKey({ dataDir: dir, secretKey: undefined });
      expect(statSync(path.join(dir, "secret.key")).mode & 0o777).toBe(0o600);
      expect(loadSecretKey({ dataDir: dir, secretKey: undefined }).equals(a)).toBe(true);
      expect(a).toHaveLength(32);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
