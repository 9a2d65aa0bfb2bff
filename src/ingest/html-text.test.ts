import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-text";

describe("htmlToText", () => {
  it("drops script, style, noscript and iframe content", () => {
    const html = `<p>青禾县</p><script>alert("x")</script><style>p{color:red}</style><noscript><img src=x>请启用脚本</noscript><iframe src="https://ads.example">广告</iframe><p>教育局</p>`;
    expect(htmlToText(html)).toBe("青禾县\n教育局");
  });

  it("puts block elements and <br> on their own lines but keeps inline text together", () => {
    expect(htmlToText("<div><h2>通知</h2><p>石桥乡<b>道路</b>施工<br>请绕行</p><ul><li>一</li><li>二</li></ul></div>")).toBe("通知\n石桥乡道路施工\n请绕行\n一\n二");
  });

  it("decodes named and numeric entities", () => {
    expect(htmlToText("<p>A&amp;B&nbsp;C &#20013;&#x6587; caf&eacute; &lt;tag&gt;</p>")).toBe("A&B C 中文 café <tag>");
  });

  it("keeps escaped markup as literal text (the UI renders it inert)", () => {
    expect(htmlToText("<p>留言：&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe("留言：<script>alert(1)</script>");
  });

  it("passes plain text through with its line breaks, decoding entities", () => {
    expect(htmlToText("第一行 &amp; 更多\n第二行   有空格\r\n\n第三行")).toBe("第一行 & 更多\n第二行 有空格\n第三行");
    expect(htmlToText("a < b and c > d")).toBe("a < b and c > d");
  });

  it("collapses whitespace, including source newlines and full-width indentation, and trims", () => {
    expect(htmlToText("  <p>\n　　柳溪镇\n   新闻  </p>\n\n<p>  </p>  ")).toBe("柳溪镇 新闻");
  });

  it("returns an empty string for empty or invisible input", () => {
    expect(htmlToText("")).toBe("");
    expect(htmlToText("<script>only()</script>")).toBe("");
  });
});
