// One post is shared under many URLs (WeChat, Weibo and Toutiao append their own tracking);
// the canonical form is what de-duplication keys on.

// Exact names seen on Chinese and international share links. `from` is the WeChat/Weibo
// share marker; ordinary sites rarely use it for content.
const TRACKING_PARAMS = new Set([
  "spm", "spm_id_from", "from", "isappinstalled", "scene", "subscene", "ascene", "clicktime", "enterid",
  "sessionid", "chksm", "pass_ticket", "exportkey", "devicetype", "nettype", "wx_header", "vd_source",
  "tt_from", "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi",
  "ref_src", "wfr", "hmsr", "hmpl", "hmcu", "hmkw", "hmci",
]);
const TRACKING_PREFIXES = ["utm_", "share_", "sharer_", "wt."];

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * The canonical form of an http(s) URL for de-duplication (lowercase scheme/host, no default
 * port, credentials, fragment or tracking parameters, parameters sorted); null if invalid or
 * not http(s) — a javascript: link must never reach the ledger.
 */
export function canonicalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  if (parsed.hostname === "") return null;
  parsed.hash = "";
  parsed.username = "";
  parsed.password = "";
  if (parsed.hostname.endsWith(".")) parsed.hostname = parsed.hostname.slice(0, -1);
  const kept = [...parsed.searchParams].filter(([name]) => !isTracking(name));
  // Sort by name then value so that a=2&a=1 and a=1&a=2 agree; the order of repeats rarely matters for feeds.
  kept.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  parsed.search = kept.length === 0 ? "" : new URLSearchParams(kept).toString();
  return parsed.toString();
}
