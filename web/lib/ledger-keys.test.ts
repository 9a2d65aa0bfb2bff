import { describe, expect, it } from "vitest";
import { ledgerAction, moveFocus, type KeyLike } from "./ledger-keys";

const press = (key: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra,
});
// A stand-in element: only `closest` and the field's tag and type are read.
const element = (field: { tagName: string; type?: string } | null) => ({ closest: () => field }) as unknown as EventTarget;

describe("ledger shortcuts", () => {
  it("map j/k/x/e/s/o/? and nothing else", () => {
    expect(["j", "k", "x", "e", "s", "o", "?"].map((k) => ledgerAction(press(k)))).toEqual([
      "next", "prev", "toggle", "ignore", "seen", "open", "help",
    ]);
    expect(ledgerAction(press("J"))).toBeNull();
    expect(ledgerAction(press("Enter"))).toBeNull();
  });

  it("stay quiet while typing or with a modifier", () => {
    expect(ledgerAction(press("e", { target: element({ tagName: "INPUT", type: "text" }) }))).toBeNull();
    expect(ledgerAction(press("e", { target: element({ tagName: "TEXTAREA" }) }))).toBeNull();
    expect(ledgerAction(press("e", { target: element(null) }))).toBe("ignore");
    // A row's checkbox keeps the focus after a click; the shortcuts go on working.
    expect(ledgerAction(press("j", { target: element({ tagName: "INPUT", type: "checkbox" }) }))).toBe("next");
    expect(ledgerAction(press("x", { ctrlKey: true }))).toBeNull();
    expect(ledgerAction(press("k", { metaKey: true }))).toBeNull();
  });

  it("move the focus within the rows", () => {
    expect(moveFocus(-1, 1, 3)).toBe(0);
    expect(moveFocus(-1, -1, 3)).toBe(0);
    expect(moveFocus(0, 1, 3)).toBe(1);
    expect(moveFocus(2, 1, 3)).toBe(2);
    expect(moveFocus(0, -1, 3)).toBe(0);
    expect(moveFocus(5, -1, 3)).toBe(2);
    expect(moveFocus(0, 1, 0)).toBe(-1);
  });
});
