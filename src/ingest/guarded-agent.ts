// The undici dispatcher every feed fetch goes through. It decides on the address it actually
// connects to, after resolution, so a name that resolves to an internal address (or starts to,
// DNS rebinding) is refused however the URL spelled it, on every redirect hop.
import { promises as dns, type LookupAddress, type LookupOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, buildConnector } from "undici";
import { isIpLiteral, isPublicAddress } from "./address-guard";
import { effectivePort, isAddressAllowed, isHostAllowed, type AllowList } from "./allow-hosts";

/** Resolves a host name to all its addresses; tests pass one that answers what they need. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** The production resolver: the system's dns.lookup with all: true. */
export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** A connection the guard refused: the host is, or resolves to, a non-public address not on the allow list. */
export class BlockedAddressError extends Error {
  override readonly name = "BlockedAddressError";
  constructor(readonly host: string) {
    super(`fetch guard: ${host} is or resolves to a non-public address that is not on TINGFENG_FETCH_ALLOW_HOSTS`);
  }
}

/** True when a connection to `address` may be made: public unicast, or inside an allowed CIDR. */
export function isAddressPermitted(list: AllowList, address: string): boolean {
  return isPublicAddress(address) || isAddressAllowed(list, address);
}

/** True when a URL may be requested before anything is resolved: allowed by host, or not a refused IP literal. */
export function isUrlPermittedBeforeLookup(list: AllowList, url: URL): boolean {
  if (isHostAllowed(list, url.hostname, effectivePort(url))) return true;
  return !isIpLiteral(url.hostname) || isAddressPermitted(list, url.hostname.replace(/^\[|\]$/g, ""));
}

function lookupThrough(resolve: Resolver, permitted: (address: string) => boolean): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    resolve(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = family ? found.filter((a) => a.family === family) : found;
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "", 0);
        } else if (!addresses.every((a) => permitted(a.address))) {
          // Every answer is checked: with several, the socket may try any of them.
          callback(new BlockedAddressError(hostname), "", 0);
        } else if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0].address, addresses[0].family);
        }
      },
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), "", 0),
    );
  };
}

/** How long connecting may take. */
const CONNECT_TIMEOUT_MS = 10_000;
/** How long an idle connection is kept for the next request to its origin. */
const KEEP_ALIVE_MS = 10_000;

/** An undici Agent that connects only where `list` and the address rules allow, resolving names with `resolve`. */
export function createGuardedAgent(list: AllowList, resolve: Resolver = systemResolver): Agent {
  // A host named on the allow list may resolve anywhere; any other name only to permitted addresses.
  // Connecting (DNS, TCP, TLS) has its own limit of 10 s; the fetch's deadline covers the whole response.
  const trusted = buildConnector({ timeout: CONNECT_TIMEOUT_MS, lookup: lookupThrough(resolve, () => true) });
  const guarded = buildConnector({ timeout: CONNECT_TIMEOUT_MS, lookup: lookupThrough(resolve, (a) => isAddressPermitted(list, a)) });
  return new Agent({
    // Idle connections are kept a little, so a list page and its articles share one (the guard runs per connection).
    keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: KEEP_ALIVE_MS,
    connect(opts, callback) {
      const port = opts.port ? Number(opts.port) : opts.protocol === "https:" ? 443 : 80;
      if (isHostAllowed(list, opts.hostname, port)) return trusted(opts, callback);
      // An IP literal is never looked up, so it is judged here, before any packet is sent.
      if (isIpLiteral(opts.hostname) && !isAddressPermitted(list, opts.hostname)) return callback(new BlockedAddressError(opts.hostname), null);
      return guarded(opts, callback);
    },
  });
}

// One agent per allow list (and per injected resolver), so connections are reused across fetches.
// A reused connection was checked when it was made and still goes to that address, so reuse keeps
// the guard: a name that later resolves elsewhere is judged again when a new connection is made.
const sharedAgents = new WeakMap<Resolver, Map<string, Agent>>();

/** The process's guarded agent for this allow list and resolver (created on first use, then reused). */
export function sharedGuardedAgent(allowHosts: readonly string[], list: AllowList, resolve: Resolver = systemResolver): Agent {
  let byList = sharedAgents.get(resolve);
  if (!byList) sharedAgents.set(resolve, (byList = new Map()));
  const key = JSON.stringify(allowHosts);
  let agent = byList.get(key);
  if (!agent) byList.set(key, (agent = createGuardedAgent(list, resolve)));
  return agent;
}
