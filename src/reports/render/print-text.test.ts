// Links and text every format prints: only http(s) survives, app paths stay under the public URL.
import { describe, expect, it } from "vitest";
import { appLink, chineseNumber, formatValue, pageLink, printable, zhDate } from "./print-text";

const BASE = "https://office.example/tingfeng";

describe("report links and text", () => {
  it("makes app paths absolute under the public URL, prefix kept", () => {
    expect(appLink(BASE, "/items/12")).toBe("https://office.example/tingfeng/items/12");
    expect(appLink(BASE, "/items?from=2026-07-01&sentiment=neg")).toBe("https://office.example/tingfeng/items?from=2026-07-01&sentiment=neg");
    expect(appLink(BASE, "https://weibo.example/p/1")).toBe("https://weibo.example/p/1");
  });

  it("drops every other kind of link", () => {
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "file:///etc/passwd", "//evil.example/x", "/\\evil.example", "items/12", "", undefined]) {
      expect(appLink(BASE, bad), String(bad)).toBeNull();
    }
    expect(pageLink("vbscript:msgbox")).toBeNull();
    expect(pageLink("http://bbs.example/t/1")).toBe("http://bbs.example/t/1");
  });

  it("strips what XML cannot hold and formats numbers and dates", () => {
    expect(printable("积水\u0007\u0000。\uD800\tok\n")).toBe("积水。\tok\n");
    expect(printable("😀")).toBe("😀");
    expect(formatValue(1284)).toBe("1,284");
    expect(formatValue(12.625)).toBe("12.63");
    expect(zhDate("2026-07-02 08:30")).toBe("2026年7月2日");
    expect([1, 10, 11, 20, 23].map(chineseNumber)).toEqual(["一", "十", "十一", "二十", "二十三"]);
  });
});
