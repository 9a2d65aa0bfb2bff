import { describe, expect, it } from "vitest";
import type { UnitView } from "../../src/shared/api";
import { buildUnitTree, pruneTree, subtreeIds } from "./unit-tree";

const units: UnitView[] = [
  { id: 1, parentId: null, name: "县委" },
  { id: 2, parentId: 1, name: "宣传部" },
  { id: 3, parentId: 2, name: "新闻中心" },
  { id: 4, parentId: 1, name: "教育局" },
  { id: 5, parentId: 99, name: "孤立单位" },
];

const shape = (nodes: ReturnType<typeof buildUnitTree>): unknown =>
  nodes.map((node) => (node.children ? { [node.title]: shape(node.children) } : node.title));

describe("buildUnitTree", () => {
  it("nests by parentId and keeps orphans as roots", () => {
    expect(shape(buildUnitTree(units))).toEqual([{ 县委: [{ 宣传部: ["新闻中心"] }, "教育局"] }, "孤立单位"]);
  });

  it("does not lose or loop on units that form a cycle", () => {
    const cyclic: UnitView[] = [
      { id: 1, parentId: 2, name: "a" },
      { id: 2, parentId: 1, name: "b" },
    ];
    expect(shape(buildUnitTree(cyclic))).toEqual([{ a: ["b"] }]);
  });
});

describe("subtreeIds and pruneTree", () => {
  it("exclude a unit and everything below it from the parent choices", () => {
    const excluded = subtreeIds(units, 2);
    expect([...excluded].sort()).toEqual([2, 3]);
    expect(shape(pruneTree(buildUnitTree(units), excluded))).toEqual([{ 县委: ["教育局"] }, "孤立单位"]);
  });
});
