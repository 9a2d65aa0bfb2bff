import { describe, expect, it } from "vitest";
import { isIpLiteral, isPublicAddress } from "./address-guard";

// A host as a fetch sees it: what WHATWG URL parsing makes of it.
const hostOf = (spelling: string): string => new URL(`http://${spelling}/feed.xml`).hostname;

describe("isPublicAddress", () => {
  it("reads every spelling of 127.0.0.1 as 127.0.0.1, and refuses it", () => {
    for (const spelling of ["127.0.0.1", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "0x7f000001"]) {
      expect(hostOf(spelling), spelling).toBe("127.0.0.1");
      expect(isPublicAddress(hostOf(spelling)), spelling).toBe(false);
    }
    expect(hostOf("[::ffff:127.0.0.1]")).toBe("[::ffff:7f00:1]");
    expect(isPublicAddress(hostOf("[::ffff:127.0.0.1]"))).toBe(false);
  });

  it.each([
    ["10.0.0.1", "private 10/8"], ["10.255.255.255", "private 10/8"],
    ["172.16.0.1", "private 172.16/12"], ["172.31.255.254", "private 172.16/12"],
    ["192.168.1.1", "private 192.168/16"],
    ["169.254.169.254", "link-local (cloud metadata)"], ["169.254.0.1", "link-local"],
    ["100.64.0.1", "CGNAT 100.64/10"], ["100.127.255.254", "CGNAT 100.64/10"],
    ["224.0.0.1", "multicast"], ["239.255.255.250", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["0.0.0.0", "unspecified"], ["0.1.2.3", "this network 0/8"],
    ["127.0.0.1", "loopback"], ["127.255.255.254", "loopback"],
    ["240.0.0.1", "reserved 240/4"], ["192.0.2.1", "documentation"], ["198.18.0.1", "benchmarking"],
    ["::", "IPv6 unspecified"], ["::1", "IPv6 loopback"], ["[::1]", "IPv6 loopback in brackets"],
    ["fc00::1", "unique-local"], ["fd12:3456::1", "unique-local"],
    ["fe80::1", "IPv6 link-local"], ["fe80::1%eth0", "link-local with zone"],
    ["fec0::1", "deprecated site-local"], ["ff02::1", "IPv6 multicast"],
    ["::ffff:127.0.0.1", "v4-mapped loopback"], ["::ffff:7f00:1", "v4-mapped loopback, hex"],
    ["::ffff:10.0.0.1", "v4-mapped private"], ["::ffff:169.254.169.254", "v4-mapped metadata"],
    ["::ffff:0:7f00:1", "SIIT (rfc6145) loopback"],
    ["64:ff9b::7f00:1", "NAT64 loopback"], ["64:ff9b::a9fe:a9fe", "NAT64 metadata"],
    ["64:ff9b:1::808:808", "local-use NAT64"],
    ["::127.0.0.1", "v4-compatible loopback"], ["::a00:1", "v4-compatible private"],
    ["2002:7f00:1::", "6to4 of loopback"], ["2002:a00:1::1", "6to4 of 10.0.0.1"],
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", "Teredo with client 127.0.0.1"],
    ["2001:db8::1", "IPv6 documentation"], ["100::1", "discard"], ["4000::1", "outside 2000::/3"],
    ["localhost", "a name, not an address"], ["", "empty"], ["999.1.1.1", "garbage"], ["127.1", "not four-part"],
  ])("refuses %s (%s)", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    "8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1", "223.255.255.254",
    "2001:4860:4860::8888", "[2001:4860:4860::8888]", "2606:4700:4700::1111",
    "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
  ])("allows public %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe("isIpLiteral", () => {
  it("tells literal addresses from names", () => {
    expect(isIpLiteral("127.0.0.1")).toBe(true);
    expect(isIpLiteral("[::ffff:7f00:1]")).toBe(true);
    expect(isIpLiteral("::1")).toBe(true);
    expect(isIpLiteral("localhost")).toBe(false);
    expect(isIpLiteral("feed.qinghe.example")).toBe(false);
  });
});
