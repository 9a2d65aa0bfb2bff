// The deployment files are checked with the tools that will read them: the systemd unit with
// `systemd-analyze verify`, the nginx site with `nginx -t` (its certificate paths pointed at a throwaway
// self-signed pair, as an office points them at its own). CI installs both (Debian packages).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/deploy");
const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-deploy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("deployment files", () => {
  it("the systemd unit passes systemd-analyze verify", () => {
    const out = execFileSync("systemd-analyze", ["verify", path.join(here, "tingfeng.service")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 30_000 });
    expect(out).toBe("");
  });

  it("the nginx site passes nginx -t", () => {
    const cert = path.join(dir, "cert.pem");
    const key = path.join(dir, "key.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=yuqing.example.gov.cn", "-keyout", key, "-out", cert], { stdio: "ignore", timeout: 30_000 });
    const site = readFileSync(path.join(here, "nginx-tingfeng.conf"), "utf8")
      .replace("/etc/ssl/tingfeng/fullchain.pem", cert)
      .replace("/etc/ssl/tingfeng/privkey.pem", key);
    expect(site).not.toContain("/etc/ssl/tingfeng/");
    writeFileSync(path.join(dir, "site.conf"), site);
    writeFileSync(
      path.join(dir, "nginx.conf"),
      `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n  include ${dir}/site.conf;\n}\n`,
    );
    // nginx -t prints "syntax is ok" and "test is successful" on stderr and exits 0.
    const res = execFileSync("nginx", ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 30_000 });
    expect(res).toBe("");
  });
});
