import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dumpConfig, loadConfig } from "./config";

describe("config", () => {
  it("has working defaults", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.demo).toBe(true);
    expect(c.fetchMaxBytes).toBe(5 * 1024 * 1024);
    expect(c.fetchAllowHosts).toEqual([]);
    expect(path.isAbsolute(c.dataDir)).toBe(true);
  });

  it("parses types and lists", () => {
    const c = loadConfig({ PORT: "8080", TINGFENG_DEMO: "0", TINGFENG_FETCH_ALLOW_HOSTS: " Intranet.local, 10.0.0.5 ,," });
    expect(c.port).toBe(8080);
    expect(c.demo).toBe(false);
    expect(c.fetchAllowHosts).toEqual(["intranet.local", "10.0.0.5"]);
  });

  it("refuses allow-list entries that are neither a host pattern nor a CIDR", () => {
    const c = loadConfig({ TINGFENG_FETCH_ALLOW_HOSTS: "cms.local:8080,*.gov.qinghe.example,10.0.0.0/8,[fd00::1]:443" });
    expect(c.fetchAllowHosts).toHaveLength(4);
    expect(() => loadConfig({ TINGFENG_FETCH_ALLOW_HOSTS: "cms.local,10.0.0.0/33,http://x/" })).toThrow(/TINGFENG_FETCH_ALLOW_HOSTS.*10\.0\.0\.0\/33, http:\/\/x\//);
  });

  it("names every invalid variable in one error", () => {
    expect(() => loadConfig({ PORT: "abc", TINGFENG_DEMO: "maybe" })).toThrow(/PORT[\s\S]*TINGFENG_DEMO/);
  });

  it("reads secrets from *_FILE and masks them in the dump", () => {
    const f = path.join(mkdtempSync(path.join(os.tmpdir(), "tf-cfg-")), "pw");
    writeFileSync(f, "from-a-file-123\n");
    const c = loadConfig({ TINGFENG_ADMIN_PASSWORD_FILE: f });
    expect(c.adminPassword).toBe("from-a-file-123");
    const dump = dumpConfig(c);
    expect(dump.TINGFENG_ADMIN_PASSWORD).toBe("********");
    expect(JSON.stringify(dump)).not.toContain("from-a-file-123");
    expect(dump.PORT).toBe("3000");
  });
});
