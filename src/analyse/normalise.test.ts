import { describe, expect, it } from "vitest";
import { normaliseText } from "./normalise";

describe("normaliseText", () => {
  it("folds full-width ASCII and the ideographic space to half-width", () => {
    expect(normaliseText("ＡＢＣ１２３！＠＃")).toBe("abc123!@#");
    expect(normaliseText("青禾县\u3000通知（第２号）")).toBe("青禾县 通知(第2号)");
  });

  it("converts traditional characters to simplified", () => {
    expect(normaliseText("頭髮 後來 這裡的麵條很好吃")).toBe("头发 后来 这里的面条很好吃");
    expect(normaliseText("青禾縣柳溪鎮發生一起交通事故，一輛貨車與電動車相撞")).toBe(
      "青禾县柳溪镇发生一起交通事故,一辆货车与电动车相撞",
    );
  });

  it("leaves simplified text alone, including words the converter treats as phrases", () => {
    const simplified = "这么晚了,怎么还有人在文昌路上施工?要么白天修,要么别修。";
    expect(normaliseText(simplified)).toBe(simplified);
    expect(normaliseText("著名作家来到青禾县,大家都很着急地赶过去")).toBe("著名作家来到青禾县,大家都很着急地赶过去");
  });

  it("keeps the simplified 么, which Taiwan's variant table reads as 幺", () => {
    expect(normaliseText("裁判你特么眼睛瞎么?这本著作不错")).toBe("裁判你特么眼睛瞎么?这本著作不错");
    expect(normaliseText("這是甚麼?你怎麼了")).toBe("这是甚么?你怎么了");
  });

  it("lowercases Latin letters and collapses whitespace", () => {
    expect(normaliseText("  iPhone\t手机\n\n维修  WiFi  ")).toBe("iphone 手机 维修 wifi");
  });

  it("is idempotent and handles empty, emoji-only and mixed-script text", () => {
    for (const t of ["", "😂😂 👍", "Café 東京タワー 서울 ПРИВЕТ 青禾縣", "ＯＫ，後來再說"]) {
      expect(normaliseText(normaliseText(t))).toBe(normaliseText(t));
    }
    expect(normaliseText("")).toBe("");
    expect(normaliseText("😂😂 👍")).toBe("😂😂 👍");
    expect(normaliseText("Café 東京タワー 서울 ПРИВЕТ")).toBe("café 东京タワー 서울 привет");
  });
});
