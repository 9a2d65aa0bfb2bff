// TINGFENG_FETCH_ALLOW_HOSTS: hosts an operator trusts even on private addresses (an intranet
// CMS, the local demo). Matching is kept pure so the address check can reuse it per redirect.

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
}

/** True when `host` equals an entry, or is a subdomain of a `*.suffix` entry (the bare suffix is not matched). */
export function isHostAllowedByList(host: string, allowHosts: readonly string[]): boolean {
  const h = normaliseHost(host);
  if (h === "") return false;
  for (const raw of allowHosts) {
    const entry = normaliseHost(raw);
    if (entry === "") continue;
    if (entry.startsWith("*.")) {
      const suffix = entry.slice(1); // ".example.com"
      if (h.endsWith(suffix) && h.length > suffix.length) return true;
    } else if (h === entry) {
      return true;
    }
  }
  return false;
}
