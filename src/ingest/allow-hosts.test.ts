import { describe, expect, it } from "vitest";
import { isHostAllowedByList } from "./allow-hosts";

describe("isHostAllowedByList", () => {
  it("matches exact hosts case-insensitively", () => {
    expect(isHostAllowedByList("CMS.Intranet.Local", ["cms.intranet.local"])).toBe(true);
    expect(isHostAllowedByList("127.0.0.1", ["127.0.0.1"])).toBe(true);
    expect(isHostAllowedByList("cms2.intranet.local", ["cms.intranet.local"])).toBe(false);
  });

  it("matches subdomains of *.suffix but not the bare suffix or look-alikes", () => {
    const list = ["*.gov.qinghe.example"];
    expect(isHostAllowedByList("edu.gov.qinghe.example", list)).toBe(true);
    expect(isHostAllowedByList("a.b.gov.qinghe.example", list)).toBe(true);
    expect(isHostAllowedByList("gov.qinghe.example", list)).toBe(false);
    expect(isHostAllowedByList("evilgov.qinghe.example", list)).toBe(false);
  });

  it("ignores trailing dots, IPv6 brackets and blank entries", () => {
    expect(isHostAllowedByList("cms.local.", ["cms.local"])).toBe(true);
    expect(isHostAllowedByList("[::1]", ["::1"])).toBe(true);
    expect(isHostAllowedByList("x.local", ["", "  "])).toBe(false);
    expect(isHostAllowedByList("", ["*.local"])).toBe(false);
  });
});
