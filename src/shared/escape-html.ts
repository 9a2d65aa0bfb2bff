// Text made inert in HTML (and XML) element content and attribute values: & < > " ' as numeric references.

/** `text` escaped for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
