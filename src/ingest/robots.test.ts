import { describe, expect, it } from "vitest";
import { isAllowedByRobots, parseRobots } from "./robots";

const allowed = (text: string, url: string): boolean => isAllowedByRobots(parseRobots(text), url);

describe("robots.txt", () => {
  it("applies the * group's Disallow prefixes", () => {
    const txt = "User-agent: *\nDisallow: /private/\n";
    expect(allowed(txt, "http://x.cn/private/list.html")).toBe(false);
    expect(allowed(txt, "http://x.cn/news/list.html")).toBe(true);
  });

  it("prefers our own group, the longest rule, Allow on a tie, and understands * and $", () => {
    const txt = "User-agent: *\nDisallow: /\n\nUser-agent: Tingfeng\nDisallow: /news/\nAllow: /news/public\nDisallow: /*.pdf$\n";
    expect(allowed(txt, "http://x.cn/gov/1.html")).toBe(true);
    expect(allowed(txt, "http://x.cn/news/1.html")).toBe(false);
    expect(allowed(txt, "http://x.cn/news/public/1.html")).toBe(true);
    expect(allowed(txt, "http://x.cn/files/a.pdf")).toBe(false);
    expect(allowed(txt, "http://x.cn/files/a.pdf?x=1")).toBe(true);
  });

  it("allows everything for an empty file or an empty Disallow", () => {
    expect(allowed("", "http://x.cn/a")).toBe(true);
    expect(allowed("User-agent: *\nDisallow:\n", "http://x.cn/a")).toBe(true);
  });
});
