// When someone pastes a site's home page instead of its feed, the page usually names the
// feed in <link rel="alternate">; telling them beats a bare "not a feed".
import { Parser } from "htmlparser2";

// Not plain application/json: WordPress advertises its REST API that way.
const FEED_TYPES = /^application\/(rss|atom|feed|rdf)\+(xml|json)$/i;

/** Feed URLs an HTML page advertises via <link rel="alternate" type="…rss+xml…">, resolved against `baseUrl`. */
export function findAlternateFeedLinks(html: string, baseUrl: string | null = null): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name !== "link" || !attrs.href) return;
        const rels = (attrs.rel ?? "").toLowerCase().split(/\s+/);
        if (!rels.includes("alternate") || !FEED_TYPES.test((attrs.type ?? "").trim())) return;
        try {
          const href = baseUrl ? new URL(attrs.href, baseUrl).toString() : new URL(attrs.href).toString();
          if (!found.includes(href)) found.push(href);
        } catch {
          if (!found.includes(attrs.href)) found.push(attrs.href); // relative and no base: still a useful hint
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}
