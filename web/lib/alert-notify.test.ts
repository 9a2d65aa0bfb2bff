import { describe, expect, it } from "vitest";
import { decideNotify, parseNotifyPrefs, toneOf } from "./alert-notify";

describe("alert reminders", () => {
  it("reads stored choices, treating anything else as off", () => {
    expect(parseNotifyPrefs('{"sound":true,"desktop":false}')).toEqual({ sound: true, desktop: false });
    expect(parseNotifyPrefs('{"sound":"yes","desktop":1}')).toEqual({ sound: false, desktop: false });
    expect(parseNotifyPrefs("not json")).toEqual({ sound: false, desktop: false });
    expect(parseNotifyPrefs(null)).toEqual({ sound: false, desktop: false });
  });

  it("notifies the desktop only when chosen, allowed and the page is not in front; the tone whenever chosen", () => {
    const on = { sound: true, desktop: true };
    expect(decideNotify(on, { permission: "granted", foreground: false })).toEqual({ sound: true, desktop: true });
    expect(decideNotify(on, { permission: "granted", foreground: true })).toEqual({ sound: true, desktop: false });
    expect(decideNotify(on, { permission: "denied", foreground: false })).toEqual({ sound: true, desktop: false });
    expect(decideNotify(on, { permission: "unsupported", foreground: false })).toEqual({ sound: true, desktop: false });
    expect(decideNotify({ sound: false, desktop: false }, { permission: "granted", foreground: false })).toEqual({ sound: false, desktop: false });
  });

  it("makes a major alert's tone higher and longer than a general one's", () => {
    expect(toneOf("general")).toEqual({ hz: 660, beeps: 1 });
    expect(toneOf("significant")).toEqual({ hz: 880, beeps: 2 });
    expect(toneOf("major")).toEqual({ hz: 988, beeps: 3 });
  });
});
