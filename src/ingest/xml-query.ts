// Read helpers over XNode for the feed readers; all tolerate missing elements.
import type { XNode } from "./xml-tree";

/** The first child element called `name`, or null. */
export function child(node: XNode | null | undefined, name: string): XNode | null {
  if (!node) return null;
  for (const c of node.children) if (typeof c !== "string" && c.name === name) return c;
  return null;
}

/** All child elements called `name`, in order. */
export function children(node: XNode | null | undefined, name: string): XNode[] {
  if (!node) return [];
  return node.children.filter((c): c is XNode => typeof c !== "string" && c.name === name);
}

/** Text directly inside an element, trimmed; "" when absent. */
export function text(node: XNode | null | undefined): string {
  if (!node) return "";
  let out = "";
  for (const c of node.children) if (typeof c === "string") out += c;
  return out.trim();
}

/** Trimmed text of the first child called one of `names` that has any, or null. */
export function firstText(node: XNode | null | undefined, ...names: string[]): string | null {
  for (const name of names) {
    const value = text(child(node, name));
    if (value !== "") return value;
  }
  return null;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The element's content as HTML source. Text children of RSS/Atom-html fields are already
 * HTML (escaped or CDATA) so pass raw; inline XHTML is real markup, so its text is escaped.
 */
export function innerHtml(node: XNode | null | undefined, escapeText = false): string {
  if (!node) return "";
  let out = "";
  for (const c of node.children) {
    if (typeof c === "string") {
      out += escapeText ? escapeHtml(c) : c;
      continue;
    }
    const name = c.name.includes(":") ? c.name.slice(c.name.indexOf(":") + 1) : c.name;
    const attrs = Object.entries(c.attrs).map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join("");
    out += `<${name}${attrs}>${innerHtml(c, escapeText)}</${name}>`;
  }
  return out;
}
