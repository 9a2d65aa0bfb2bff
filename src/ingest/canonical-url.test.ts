import { describe, expect, it } from "vitest";
import { canonicalUrl } from "./canonical-url";

describe("canonicalUrl", () => {
  it("lowercases scheme and host, drops default ports and fragments", () => {
    expect(canonicalUrl("HTTPS://News.Qinghe.Example:443/Path/A?id=1#comments")).toBe("https://news.qinghe.example/Path/A?id=1");
    expect(canonicalUrl("http://qinghe.example:80/")).toBe("http://qinghe.example/");
    expect(canonicalUrl("http://qinghe.example:8080/x")).toBe("http://qinghe.example:8080/x");
  });

  it("removes tracking parameters and sorts the rest", () => {
    const shared = "https://mp.weixin.qq.com/s?__biz=MzA&mid=22&idx=1&sn=abc&chksm=ff&scene=21&from=singlemessage&isappinstalled=0#wechat_redirect";
    expect(canonicalUrl(shared)).toBe("https://mp.weixin.qq.com/s?__biz=MzA&idx=1&mid=22&sn=abc");
    expect(canonicalUrl("https://qinghe.example/a?utm_source=rss&utm_medium=feed&b=2&spm=1.2&a=1&share_token=x")).toBe("https://qinghe.example/a?a=1&b=2");
  });

  it("gives the same key for the same post shared in different ways", () => {
    const a = canonicalUrl("https://Qinghe.example/news?id=7&page=2&utm_campaign=x");
    const b = canonicalUrl("https://qinghe.example/news?page=2&id=7#top");
    expect(a).toBe(b);
  });

  it("drops credentials and the trailing dot of a host", () => {
    expect(canonicalUrl("https://user:secret@qinghe.example./p")).toBe("https://qinghe.example/p");
  });

  it("returns null for invalid or non-http URLs", () => {
    expect(canonicalUrl("not a url")).toBeNull();
    expect(canonicalUrl("/relative/path")).toBeNull();
    expect(canonicalUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalUrl("ftp://qinghe.example/file")).toBeNull();
  });
});
