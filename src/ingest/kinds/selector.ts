// CSS selector check for html source settings: what the DOM we read pages with accepts.
import { parseHTML } from "linkedom";

const { document: probe } = parseHTML("<!doctype html><html><body></body></html>");

/** True when `selector` is CSS the DOM accepts (checked against an empty document). */
export function isValidSelector(selector: string): boolean {
  try {
    probe.querySelectorAll(selector);
    return true;
  } catch {
    return false;
  }
}
