// Keyboard shortcuts of the ledger: which key does what, and a hook that listens for them outside text boxes.
import { useEffect, useRef } from "react";

/** What a shortcut does. */
export type LedgerAction = "next" | "prev" | "toggle" | "ignore" | "seen" | "open" | "help";

/** The shortcuts, in the order the help lists them. */
export const LEDGER_KEYS: readonly { key: string; action: LedgerAction }[] = [
  { key: "j", action: "next" },
  { key: "k", action: "prev" },
  { key: "x", action: "toggle" },
  { key: "e", action: "ignore" },
  { key: "s", action: "seen" },
  { key: "o", action: "open" },
  { key: "?", action: "help" },
];

/** The part of a keyboard event the shortcuts read. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

// Inputs that take no typing: a row's checkbox keeps focus after a click, and j/k must still work there.
const NOT_TEXT = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/** True for a target that takes typing: a text box, a select's search, an editable element. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const field = (target as Element).closest("input, textarea, select, [contenteditable=''], [contenteditable='true']");
  if (!field) return false;
  return !(field.tagName === "INPUT" && NOT_TEXT.has((field as HTMLInputElement).type));
}

/** The action of a key press, or null when it is no shortcut (with a modifier, or while typing). */
export function ledgerAction(event: KeyLike): LedgerAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return null;
  return LEDGER_KEYS.find((entry) => entry.key === event.key)?.action ?? null;
}

/** Moves a focus index by `step` within `count` rows (-1 = none yet: the first step lands on the first row). */
export function moveFocus(current: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return 0;
  return Math.min(count - 1, Math.max(0, current + step));
}

/** True while a dialog or drawer is shown (antd keeps closed ones in the page, hidden). */
function overlayOpen(): boolean {
  for (const el of document.querySelectorAll(".ant-modal-wrap, .ant-drawer-open")) if (el.getClientRects().length > 0) return true;
  return false;
}

/** Calls `onAction` for ledger shortcuts pressed anywhere on the page while `enabled`. */
export function useLedgerKeys(enabled: boolean, onAction: (action: LedgerAction) => void): void {
  // The latest handler, so the listener is added once rather than on every render.
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    if (!enabled) return;
    const listen = (event: KeyboardEvent) => {
      // A dialog or drawer has the keyboard: its own keys must not triage the rows behind it.
      if (event.defaultPrevented || overlayOpen()) return;
      const action = ledgerAction(event);
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    document.addEventListener("keydown", listen);
    return () => document.removeEventListener("keydown", listen);
  }, [enabled]);
}
