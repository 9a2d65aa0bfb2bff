import { describe, expect, it } from "vitest";
import { normaliseForMatch, originalSpan } from "./normalise-map";

const fold = (text: string) => normaliseForMatch(text).text;

describe("normaliseForMatch", () => {
  it("folds full-width forms, case, traditional characters and whitespace runs", () => {
    expect(fold("ＡＢＣ１２３")).toBe("abc123");
    expect(fold("學校後來發現")).toBe("学校后来发现");
    expect(fold("  iPhone\t手机\n\n维修\u3000WiFi  ")).toBe("iphone 手机 维修 wifi");
  });

  it("leaves simplified text unchanged and reuses the original string", () => {
    const m = normaliseForMatch("这么晚了,怎么还有人在文昌路上施工");
    expect(m.text).toBe("这么晚了,怎么还有人在文昌路上施工");
    expect(m.starts).toBeNull();
  });

  it("folds traditional 什麼 and simplified 什么 to the same text", () => {
    expect(fold("什麼")).toBe(fold("什么"));
    expect(fold("什么")).toBe("什么");
  });

  it("maps normalised spans back to the original characters", () => {
    const original = "  青禾縣\u3000\u3000ＡＢＣ學校";
    const m = normaliseForMatch(original);
    expect(m.text).toBe("青禾县 abc学校");
    const at = (needle: string) => {
      const start = m.text.indexOf(needle);
      const span = originalSpan(m, start, start + needle.length);
      return original.slice(span.start, span.end);
    };
    expect(at("abc")).toBe("ＡＢＣ");
    expect(at("学校")).toBe("學校");
    expect(at("县 a")).toBe("縣\u3000\u3000Ａ");
  });

  it("keeps astral characters whole in spans", () => {
    const original = "😂𠮷A😂";
    const m = normaliseForMatch(original);
    expect(m.text).toBe("😂𠮷a😂");
    const start = m.text.indexOf("𠮷a");
    expect(originalSpan(m, start, start + 3)).toEqual({ start: 2, end: 5 });
    expect(originalSpan(m, 0, 2)).toEqual({ start: 0, end: 2 });
  });

  it("handles empty, whitespace-only, emoji-only and lone-surrogate text", () => {
    expect(fold("")).toBe("");
    expect(fold(" \n\t ")).toBe("");
    expect(fold("😂😂 👍")).toBe("😂😂 👍");
    expect(fold("a\ud800b")).toBe("a\ud800b");
  });

  it("is per character, so a term folds the same alone as inside a text", () => {
    // OpenCC's phrase rules keep 著名 but turn 著 alone into 着; matching must not see the difference.
    const text = fold("著名作家");
    expect(text.includes(fold("著"))).toBe(true);
    expect(text.includes(fold("著名"))).toBe(true);
  });

  it("is idempotent on every character of the BMP and the CJK extension planes", () => {
    const broken: string[] = [];
    const check = (ch: string) => {
      const once = fold(ch);
      if (fold(once) !== once) broken.push(`${ch} → ${once} → ${fold(once)}`);
    };
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) check(String.fromCharCode(c));
    for (let c = 0x10000; c < 0x30000; c++) check(String.fromCodePoint(c));
    expect(broken).toEqual([]);
  });
});
