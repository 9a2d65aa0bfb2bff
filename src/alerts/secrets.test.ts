import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, loadSecretKey, maskUrl, openUrl, parseKey, sealUrl } from "./secrets";

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

describe("channel URLs with tokens", () => {
  const key = Buffer.alloc(32, 3);
  it("masks robot tokens in the query and hook ids in the path, and leaves plain URLs alone", () => {
    expect(maskUrl("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx")).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=******");
    expect(maskUrl("https://oapi.dingtalk.com/robot/send?access_token=abc123def")).toBe("https://oapi.dingtalk.com/robot/send?access_token=******");
    expect(maskUrl("https://open.feishu.cn/open-apis/bot/v2/hook/2f4a-9b1c-77aa")).toBe("https://open.feishu.cn/open-apis/bot/v2/hook/******");
    expect(maskUrl("http://127.0.0.1:9000/alerts?team=duty")).toBe("http://127.0.0.1:9000/alerts?team=duty");
  });

  it("stores a URL with a token encrypted and gives it back", () => {
    const url = "https://oapi.dingtalk.com/robot/send?access_token=abc123def";
    const sealed = sealUrl(key, url);
    expect(sealed).not.toContain("abc123def");
    expect(openUrl(key, sealed)).toBe(url);
    expect(sealUrl(key, "http://127.0.0.1:9000/hook")).toBe("http://127.0.0.1:9000/hook");
    expect(openUrl(key, "http://127.0.0.1:9000/hook")).toBe("http://127.0.0.1:9000/hook");
  });
});
