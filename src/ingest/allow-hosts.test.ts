import { describe, expect, it } from "vitest";
import { effectivePort, invalidAllowEntries, isAddressAllowed, isHostAllowed, parseAllowList } from "./allow-hosts";

const hostAllowed = (entries: string[], host: string, port = 80): boolean => isHostAllowed(parseAllowList(entries), host, port);
const addressAllowed = (entries: string[], address: string): boolean => isAddressAllowed(parseAllowList(entries), address);

describe("isHostAllowed", () => {
  it("matches exact hosts case-insensitively", () => {
    expect(hostAllowed(["cms.intranet.local"], "CMS.Intranet.Local")).toBe(true);
    expect(hostAllowed(["127.0.0.1"], "127.0.0.1")).toBe(true);
    expect(hostAllowed(["cms.intranet.local"], "cms2.intranet.local")).toBe(false);
  });

  it("matches subdomains of *.suffix but not the bare suffix or look-alikes", () => {
    const list = ["*.gov.qinghe.example"];
    expect(hostAllowed(list, "edu.gov.qinghe.example")).toBe(true);
    expect(hostAllowed(list, "a.b.gov.qinghe.example")).toBe(true);
    expect(hostAllowed(list, "gov.qinghe.example")).toBe(false);
    expect(hostAllowed(list, "evilgov.qinghe.example")).toBe(false);
  });

  it("matches host:port only on that port", () => {
    const list = ["127.0.0.1:4100", "[::1]:4200", "cms.local:8080", "*.intra.example:443"];
    expect(hostAllowed(list, "127.0.0.1", 4100)).toBe(true);
    expect(hostAllowed(list, "127.0.0.1", 4101)).toBe(false);
    expect(hostAllowed(list, "[::1]", 4200)).toBe(true);
    expect(hostAllowed(list, "::1", 4100)).toBe(false);
    expect(hostAllowed(list, "cms.local", 8080)).toBe(true);
    expect(hostAllowed(list, "cms.local", 80)).toBe(false);
    expect(hostAllowed(list, "a.intra.example", 443)).toBe(true);
    expect(hostAllowed(list, "a.intra.example", 80)).toBe(false);
  });

  it("reads an entry the way a URL reads its host", () => {
    expect(hostAllowed(["127.1:4100"], new URL("http://0x7f.1:4100/").hostname, 4100)).toBe(true);
    expect(hostAllowed(["::ffff:127.0.0.1"], new URL("http://[::ffff:7f00:1]/").hostname)).toBe(true);
    expect(hostAllowed(["localhost"], "127.0.0.1")).toBe(false); // names are not resolved to match
  });

  it("ignores trailing dots, IPv6 brackets and blank entries", () => {
    expect(hostAllowed(["cms.local"], "cms.local.")).toBe(true);
    expect(hostAllowed(["::1"], "[::1]")).toBe(true);
    expect(hostAllowed(["", "  "], "x.local")).toBe(false);
    expect(hostAllowed(["*.local"], "")).toBe(false);
  });
});

describe("isAddressAllowed", () => {
  it("matches IPv4 and IPv6 CIDRs against resolved addresses", () => {
    const list = ["10.0.0.0/8", "fd00::/8", "192.168.5.7/32"];
    expect(addressAllowed(list, "10.1.2.3")).toBe(true);
    expect(addressAllowed(list, "11.1.2.3")).toBe(false);
    expect(addressAllowed(list, "fd12::1")).toBe(true);
    expect(addressAllowed(list, "fc00::1")).toBe(false);
    expect(addressAllowed(list, "192.168.5.7")).toBe(true);
    expect(addressAllowed(list, "192.168.5.8")).toBe(false);
    expect(addressAllowed(list, "::ffff:10.0.0.1")).toBe(true); // the mapped form is the same address
  });

  it("does not treat host entries as addresses", () => {
    expect(addressAllowed(["127.0.0.1", "cms.local"], "127.0.0.1")).toBe(false);
  });
});

describe("invalidAllowEntries", () => {
  it("names entries that are neither a host pattern nor a CIDR", () => {
    expect(invalidAllowEntries(["cms.local", "10.0.0.0/8", "[::1]:80", "*.x.example", "", "10.0.0.0/33", "a b", "cms.local/feed", "x:99999", "user@host"]))
      .toEqual(["10.0.0.0/33", "a b", "cms.local/feed", "x:99999", "user@host"]);
  });
});

describe("effectivePort", () => {
  it("fills in the scheme's default port", () => {
    expect(effectivePort(new URL("http://a.example/"))).toBe(80);
    expect(effectivePort(new URL("https://a.example/"))).toBe(443);
    expect(effectivePort(new URL("http://a.example:8080/"))).toBe(8080);
  });
});
