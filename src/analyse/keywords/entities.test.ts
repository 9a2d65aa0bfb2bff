import { describe, expect, it } from "vitest";
import { entitiesOf, entityKind, isOrgName, MAX_ENTITIES } from "./entities";
import type { Token } from "./types";

const token = (word: string, tag: string): Token => ({ word, tag, user: null });
const none = new Set<string>();

describe("isOrgName", () => {
  it("recognises institutions by their ending", () => {
    for (const word of ["教育局", "县纪委", "信访办", "教育厅", "青禾县人民医院", "禾溪镇派出所", "青禾实验小学", "东关街道", "岚山村"])
      expect(isOrgName(word), word).toBe(true);
  });

  it("rejects the bare suffix and common nouns that share it", () => {
    for (const word of ["医院", "学校", "派出所", "格局", "党委", "餐厅", "新农村", "电影院", "局"]) expect(isOrgName(word), word).toBe(false);
  });
});

describe("entityKind", () => {
  it("maps tags and user entries to kinds and never makes a person an entity", () => {
    expect(entityKind(token("北京", "ns"), none)).toBe("place");
    expect(entityKind(token("城管局", "nt"), none)).toBe("org");
    expect(entityKind(token("县公安局", "n"), none)).toBe("org");
    expect(entityKind(token("王建国", "nr"), none)).toBeNull();
    expect(entityKind(token("张小明", "x"), none)).toBeNull();
    expect(entityKind(token("举办", "v"), none)).toBeNull();
    expect(entityKind(token("北京", "ns"), new Set(["北京"]))).toBeNull();
    expect(entityKind({ word: "补课费", tag: "user", user: { word: "补课费", kind: "term", boost: 2 } }, none)).toBe("term");
  });
});

describe("entitiesOf", () => {
  it("orders by frequency, then first appearance, and caps the list", () => {
    const tokens = [token("北京", "ns"), token("上海", "ns"), token("教育局", "n"), token("上海", "ns")];
    expect(entitiesOf(tokens, none).map((e) => e.word)).toEqual(["上海", "北京", "教育局"]);
    const many = Array.from({ length: MAX_ENTITIES + 5 }, (_, i) => token(`地${String.fromCharCode(0x4e00 + i)}`, "ns"));
    expect(entitiesOf(many, none)).toHaveLength(MAX_ENTITIES);
  });
});
