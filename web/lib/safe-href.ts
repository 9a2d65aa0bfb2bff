// Links taken from collected items: only http(s) becomes an href.

/** The URL when it is http(s); null for anything else (a `javascript:` URL from a hostile feed, say). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
