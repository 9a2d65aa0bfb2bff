// HTML charset evidence: a generic or contradicted HTTP charset yields to the page's <meta>; bad bytes never throw.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeFeedBody } from "../decode-body";
import { decodeHtmlBody } from "./decode-html";

const gbk = readFileSync(new URL("../testdata/site/list-gbk.html", import.meta.url));
const TITLE = "县政府召开常务会议研究民生实事";

describe("decodeHtmlBody", () => {
  it("reads a GBK page by its <meta> when the server sends a default or a wrong charset", () => {
    expect(decodeHtmlBody(gbk, "text/html")).toContain(TITLE);
    expect(decodeHtmlBody(gbk, "text/html; charset=ISO-8859-1")).toContain(TITLE);
    expect(decodeHtmlBody(gbk, "text/html; charset=utf-8")).toContain(TITLE);
    expect(decodeHtmlBody(gbk, "text/html; charset=no-such-charset")).toContain(TITLE);
  });

  it("reads undeclared GBK as GB18030, and keeps a UTF-8 page with one corrupt character as UTF-8", () => {
    const bare = Buffer.from(new TextDecoder("latin1").decode(gbk).replace(/<meta[^>]*>/i, ""), "latin1");
    expect(decodeHtmlBody(bare, "text/html; charset=iso-8859-1")).toContain(TITLE);
    const damaged = Buffer.concat([Buffer.from("<p>青禾县召开防汛工作会议，部署汛期准备工作</p>"), Buffer.from([0xe6, 0x9d])]);
    const text = decodeHtmlBody(damaged, "text/html; charset=utf-8");
    expect(text).toContain("青禾县召开防汛工作会议");
    expect(text).toContain("\uFFFD");
  });

  it("never throws on random bytes, whatever the header says", () => {
    let seed = 7;
    const bytes = Uint8Array.from({ length: 5000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    for (const type of [null, "text/html; charset=utf-8", "text/html; charset=big5", "text/html; charset=utf-16", "text/html; charset=x"]) {
      expect(typeof decodeHtmlBody(bytes, type)).toBe("string");
      expect(typeof decodeFeedBody(bytes, type)).toBe("string");
    }
  });
});
