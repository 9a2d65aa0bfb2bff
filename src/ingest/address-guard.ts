// Which addresses a fetch may connect to: public unicast only. The ranges are ipaddr.js's; this
// file only decides which of its range names are public and looks inside IPv6 forms that carry
// an IPv4 address, so that ::ffff:127.0.0.1 or 64:ff9b::7f00:1 is judged as 127.0.0.1.
import ipaddr from "ipaddr.js";

// Global unicast (RFC 4291 2.5.4): what ipaddr.js calls "unicast" also covers unassigned space
// and the deprecated site-local fec0::/10.
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

function v4At(parts: number[], i: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([parts[i] >> 8, parts[i] & 0xff, parts[i + 1] >> 8, parts[i + 1] & 0xff]);
}

/** The IPv4 addresses an IPv6 address embeds (mapped, compatible, NAT64, 6to4, Teredo), or null when it embeds none. */
export function embeddedIPv4(addr: ipaddr.IPv6): ipaddr.IPv4[] | null {
  const p = addr.parts;
  switch (addr.range()) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d
      return [v4At(p, 6)];
    case "rfc6052": // NAT64 64:ff9b::a.b.c.d; the local-use 64:ff9b:1::/48 (null: refused) puts it where its operator likes
      return p[2] === 0 ? [v4At(p, 6)] : null;
    case "6to4": // 2002:AABB:CCDD::
      return [v4At(p, 1)];
    case "teredo": { // 2001:0:server:…:client (the client address is stored inverted)
      const client = v4At(p.map((x) => ~x & 0xffff), 6);
      return [v4At(p, 2), client];
    }
    default:
      // IPv4-compatible ::a.b.c.d (deprecated, but a stack may still route it); :: and ::1 fall in here too.
      return p.slice(0, 6).every((x) => x === 0) ? [v4At(p, 6)] : null;
  }
}

function isPublicV4(addr: ipaddr.IPv4): boolean {
  return addr.range() === "unicast";
}

/** True when `address` (an IP literal, IPv6 with or without brackets) is public unicast; false for anything else or garbage. */
export function isPublicAddress(address: string): boolean {
  // Four-part decimal only: resolvers and URL hosts hand us normalised addresses, anything else is suspect.
  const bare = address.trim().replace(/^\[|\]$/g, "");
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  if (ipaddr.IPv6.isValid(bare)) addr = ipaddr.IPv6.parse(bare);
  else if (ipaddr.IPv4.isValidFourPartDecimal(bare)) addr = ipaddr.IPv4.parse(bare);
  else return false;
  if (addr instanceof ipaddr.IPv4) return isPublicV4(addr);
  if (addr.zoneId !== undefined) return false;
  const embedded = embeddedIPv4(addr);
  if (embedded !== null) return embedded.every(isPublicV4);
  return addr.range() === "unicast" && addr.match(GLOBAL_UNICAST_V6);
}

/** True when `host` (a URL hostname, IPv6 in brackets or not) is an IP literal rather than a name to resolve. */
export function isIpLiteral(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  return ipaddr.IPv6.isValid(bare) || ipaddr.IPv4.isValidFourPartDecimal(bare);
}
