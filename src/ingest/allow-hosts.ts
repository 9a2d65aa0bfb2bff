// TINGFENG_FETCH_ALLOW_HOSTS: the only way a fetch may reach a non-public address (an intranet
// CMS, the local demo). Entries are host names (`cms.local`), subdomain patterns (`*.gov.example`),
// either with an optional `:port`, IP literals (matched like host names, against the URL's host)
// and CIDRs (`10.0.0.0/8`, `fd00::/8`, matched against the address a host resolves to).
// Pure: the fetch guard asks it per connection, the source form per URL.
import ipaddr from "ipaddr.js";

/** A host entry: exact host or `*.suffix`, on one port or any. */
interface HostEntry { host: string; wildcard: boolean; port: number | null }

/** A parsed allow list. */
export interface AllowList {
  readonly hosts: readonly HostEntry[];
  readonly cidrs: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

const PORT_SUFFIX = /^(.*):(\d{1,5})$/;

// Hosts and lists are normalised per fetch and per connection; a few hundred distinct ones recur,
// so their parses are kept (bounded) instead of redone thousands of times a minute.
const CACHE_MAX = 1000;
const hostCache = new Map<string, string | null>();
const listCache = new Map<string, AllowList>();

/** Lower-case host without IPv6 brackets or a trailing dot, as WHATWG URL parsing spells it. */
function normaliseHost(host: string): string | null {
  let h = hostCache.get(host);
  if (h === undefined) {
    if (hostCache.size >= CACHE_MAX) hostCache.clear();
    hostCache.set(host, (h = parseHost(host)));
  }
  return h;
}

function parseHost(host: string): string | null {
  const bare = host.trim().toLowerCase().replace(/\.$/, "");
  if (bare === "") return null;
  const literal = bare.replace(/^\[|\]$/g, "");
  try {
    // Through the URL parser, so that 127.1, 0x7f.1 and [::ffff:127.0.0.1] read as the URL reads them.
    const url = new URL(`http://${ipaddr.IPv6.isValid(literal) ? `[${literal}]` : bare}/`);
    if (url.username || url.password || url.port) return null;
    return url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
  } catch {
    return null;
  }
}

function parseEntry(raw: string): HostEntry | [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  const entry = raw.trim().toLowerCase();
  if (entry.includes("/")) {
    try {
      return ipaddr.parseCIDR(entry.replace(/^\[|\](?=\/)/g, ""));
    } catch {
      return null;
    }
  }
  let hostPart = entry;
  let port: number | null = null;
  const withPort = ipaddr.IPv6.isValid(entry) ? null : PORT_SUFFIX.exec(entry);
  if (withPort) {
    hostPart = withPort[1];
    port = Number(withPort[2]);
    if (port < 1 || port > 65535) return null;
  }
  const wildcard = hostPart.startsWith("*.");
  const host = normaliseHost(wildcard ? hostPart.slice(2) : hostPart);
  if (host === null || host.includes("*")) return null;
  return { host, wildcard, port };
}

/** Entries of `entries` that are neither a host pattern nor a CIDR (for config validation). */
export function invalidAllowEntries(entries: readonly string[]): string[] {
  return entries.filter((e) => e.trim() !== "" && parseEntry(e) === null);
}

/** Parses TINGFENG_FETCH_ALLOW_HOSTS entries; blank and invalid ones are skipped (config rejects invalid ones first). */
export function parseAllowList(entries: readonly string[]): AllowList {
  const key = entries.join("\n");
  let list = listCache.get(key);
  if (!list) {
    if (listCache.size >= CACHE_MAX) listCache.clear();
    listCache.set(key, (list = readAllowList(entries)));
  }
  return list;
}

function readAllowList(entries: readonly string[]): AllowList {
  const hosts: HostEntry[] = [];
  const cidrs: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries) {
    if (raw.trim() === "") continue;
    const parsed = parseEntry(raw);
    if (parsed === null) continue;
    if (Array.isArray(parsed)) cidrs.push(parsed);
    else hosts.push(parsed);
  }
  return { hosts, cidrs };
}

/** True when a host entry names `host` (a URL's hostname) on `port` (the effective port, 80/443 when implicit). */
export function isHostAllowed(list: AllowList, host: string, port: number): boolean {
  const h = normaliseHost(host);
  if (h === null) return false;
  for (const e of list.hosts) {
    if (e.port !== null && e.port !== port) continue;
    if (e.wildcard ? h.endsWith(`.${e.host}`) : h === e.host) return true;
  }
  return false;
}

/** True when a CIDR entry contains `address` (an IPv4-mapped IPv6 address also matches IPv4 CIDRs). */
export function isAddressAllowed(list: AllowList, address: string): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(address.replace(/^\[|\]$/g, ""));
  } catch {
    return false;
  }
  // An IPv4-mapped IPv6 address is the IPv4 address for this purpose, and the other way round.
  const other = addr instanceof ipaddr.IPv6 ? (addr.isIPv4MappedAddress() ? addr.toIPv4Address() : null) : addr.toIPv4MappedAddress();
  for (const [net, bits] of list.cidrs) {
    for (const a of [addr, other]) if (a !== null && a.kind() === net.kind() && a.match(net, bits)) return true;
  }
  return false;
}

/** The port a URL connects to: its explicit port, else 443 for https and 80 otherwise. */
export function effectivePort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}
