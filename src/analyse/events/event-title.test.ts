import { describe, expect, it } from "vitest";
import { eventTitle, MAX_TITLE_CHARS } from "./event-title";

describe("eventTitle", () => {
  it("takes the earliest title among the most reposted items", () => {
    const title = eventTitle(
      [
        { title: "有人说禾溪镇小学乱收费", publishedAt: 1, dupGroupSize: 1 },
        { title: "禾溪镇中心小学被指强制收取校服费", publishedAt: 5, dupGroupSize: 9 },
        { title: "转发：禾溪镇中心小学被指强制收取校服费", publishedAt: 3, dupGroupSize: 9 },
        { title: "教育局回应校服费问题", publishedAt: 8, dupGroupSize: 4 },
      ],
      ["校服费"],
    );
    expect(title).toBe("转发：禾溪镇中心小学被指强制收取校服费");
  });

  it("skips titles without words and collapses white space", () => {
    expect(eventTitle([{ title: "😂😂👍", publishedAt: 1, dupGroupSize: 20 }, { title: "城西  12路\n公交调整", publishedAt: 2 }], [])).toBe(
      "城西 12路 公交调整",
    );
  });

  it(`cuts long titles to ${MAX_TITLE_CHARS} characters with an ellipsis`, () => {
    const long = "青禾县".repeat(10) + "禾溪镇中心小学校服费事件持续发酵🔥";
    const title = eventTitle([{ title: long, publishedAt: 1 }], []);
    expect(Array.from(title)).toHaveLength(MAX_TITLE_CHARS);
    expect(title.endsWith("…")).toBe(true);
    expect(title.startsWith("青禾县青禾县")).toBe(true);
  });

  it("falls back to the top keywords, then to nothing", () => {
    expect(eventTitle([{ title: "", publishedAt: 1 }], ["校服费", "禾溪镇", "退费", "家长"])).toBe("校服费·禾溪镇·退费");
    expect(eventTitle([], [])).toBe("");
  });
});
