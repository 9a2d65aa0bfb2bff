// A small ordered element tree over fast-xml-parser, with namespaces folded to the
// conventional prefixes so readers can ask for "dc:creator" whatever the feed calls it.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FeedError } from "./errors";

/** An element with its attributes and children in document order; strings are decoded text. */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: Array<XNode | string>;
}

// Known namespaces → the prefix readers use; "" means "read as unprefixed" (RSS 1.0/0.90, XHTML).
const NAMESPACES: Record<string, string> = {
  "http://www.w3.org/2005/Atom": "atom",
  "http://purl.org/atom/ns#": "atom",
  "http://purl.org/rss/1.0/": "",
  "http://my.netscape.com/rdf/simple/0.9/": "",
  "http://www.w3.org/1999/xhtml": "",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
  "http://purl.org/rss/1.0/modules/content/": "content",
  "http://purl.org/dc/elements/1.1/": "dc",
  "http://purl.org/dc/terms/": "dcterms",
  "http://www.w3.org/XML/1998/namespace": "xml",
};

// processEntities:false means DOCTYPE entities are never expanded, so entity bombs stay inert
// text; the five XML entities and character references are decoded by decodeXmlEntities.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  cdataPropName: "#cdata",
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const XML_ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the predefined XML entities and character references; other names are left for the HTML pass. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(XML_ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const cp = dec ? Number(dec) : parseInt(hex ?? "", 16);
    const valid = cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
    return valid ? String.fromCodePoint(cp) : "\uFFFD";
  });
}

// Bare "&" in URLs is the commonest real-world XML error; escaping it outside CDATA is safe.
function escapeBareAmpersands(xml: string): string {
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][\w.-]*;)/g, "&amp;")))
    .join("");
}

// Declarations that recurse ("billion laughs") or reach outside (XXE) are attacks, never
// feeds; plain ones such as <!ENTITY nbsp "&#160;"> are ignored and the HTML pass decodes
// the name instead.
const DOCTYPE_SUBSET = /^\s*<!DOCTYPE\b[^[>]*\[([\s\S]*?)\]\s*>/i;
const DANGEROUS_ENTITY = /<!ENTITY\s+%|<!ENTITY\s+[^\s>]+\s+(?:SYSTEM|PUBLIC)\b|<!ENTITY\s+[^\s>]+\s+(?:"[^"]*&[A-Za-z_:%]|'[^']*&[A-Za-z_:%])/i;

function refuseDangerousDoctype(xml: string): void {
  // Only a courtesy: processEntities:false already keeps any declaration from expanding.
  const prolog = xml.replace(/^\s*<\?xml[^>]*\?>/, "").replace(/^(?:\s*<!--[\s\S]*?-->)*/, "");
  const subset = DOCTYPE_SUBSET.exec(prolog);
  if (subset && DANGEROUS_ENTITY.test(subset[1])) {
    throw new FeedError(
      "feed.malformed",
      "The feed declares nested or external XML entities in its DOCTYPE, which are refused for safety (they can exhaust memory or read local files). Real feeds do not need them; ask the site to publish plain XML.",
    );
  }
}

// The validator reports an unexpected end as a JSON list of open tags; say it in words.
function describeXmlError(msg: string): string {
  const open = /^Invalid '\[([\s\S]*)\]' found\.?$/.exec(msg);
  if (!open) return msg;
  const tags = open[1].split(",").map((t) => t.trim().replace(/^"|"$/g, "")).filter(Boolean);
  return `the document ends while <${tags.join("> <")}> are still open, so it looks truncated`;
}

function checkWellFormed(xml: string): string {
  refuseDangerousDoctype(xml);
  let result = XMLValidator.validate(xml);
  if (result === true) return xml;
  const repaired = escapeBareAmpersands(xml);
  if (repaired !== xml) {
    const again = XMLValidator.validate(repaired);
    if (again === true) return repaired;
    result = again;
  }
  const { line, col, msg } = result.err;
  const where = msg.startsWith("Invalid '[") ? "" : `line ${line}, column ${col}: `;
  throw new FeedError(
    "feed.malformed",
    `The feed is not well-formed XML (${where}${describeXmlError(msg)}). The site may be sending a truncated or broken feed; open the URL in a browser to check.`,
  );
}

type Scope = Record<string, string>;

function resolveName(raw: string, scope: Scope, isAttr: boolean): string {
  const colon = raw.indexOf(":");
  if (colon === -1 && isAttr) return raw; // unprefixed attributes have no namespace
  const prefix = colon === -1 ? "" : raw.slice(0, colon);
  const local = colon === -1 ? raw : raw.slice(colon + 1);
  const canonical = scope[prefix] === undefined ? undefined : NAMESPACES[scope[prefix]];
  if (canonical === undefined) return prefix === "xml" ? raw : colon === -1 ? local : raw;
  return canonical === "" ? local : `${canonical}:${local}`;
}

function convert(entries: unknown[], scope: Scope): Array<XNode | string> {
  const out: Array<XNode | string> = [];
  for (const entry of entries) {
    if (typeof entry !== "object" || entry === null) continue;
    const record = entry as Record<string, unknown>;
    const rawAttrs = (record[":@"] ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === ":@") continue;
      const value = record[key];
      if (key === "#text") out.push(decodeXmlEntities(String(value)));
      else if (key === "#cdata") out.push(...(Array.isArray(value) ? value : []).map((t) => String((t as Record<string, unknown>)["#text"] ?? "")));
      else out.push(element(key, rawAttrs, Array.isArray(value) ? value : [], scope));
    }
  }
  return out;
}

function element(rawName: string, rawAttrs: Record<string, unknown>, kids: unknown[], parentScope: Scope): XNode {
  let scope = parentScope;
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === "xmlns" || k.startsWith("xmlns:")) {
      if (scope === parentScope) scope = { ...parentScope };
      scope[k === "xmlns" ? "" : k.slice(6)] = decodeXmlEntities(String(v)).trim();
    }
  }
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k !== "xmlns" && !k.startsWith("xmlns:")) attrs[resolveName(k, scope, true)] = decodeXmlEntities(String(v));
  }
  return { name: resolveName(rawName, scope, false), attrs, children: convert(kids, scope) };
}

/** Parses well-formed XML into its root element; throws FeedError("feed.malformed") otherwise. */
export function parseXml(xml: string): XNode {
  const checked = checkWellFormed(xml);
  let roots: Array<XNode | string>;
  try {
    roots = convert(parser.parse(checked) as unknown[], { xml: "http://www.w3.org/XML/1998/namespace" });
  } catch (cause) {
    throw new FeedError("feed.malformed", `The feed could not be parsed as XML: ${(cause as Error).message}`, { cause });
  }
  const root = roots.find((n): n is XNode => typeof n !== "string");
  if (!root) throw new FeedError("feed.malformed", "The document has no root element.");
  return root;
}
