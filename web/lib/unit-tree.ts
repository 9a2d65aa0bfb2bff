// Turns the flat unit list from GET /api/units into the nested shape antd Table and TreeSelect take.
import type { UnitView } from "../../src/shared/api";

/** One unit with its sub-units; `children` is absent on leaves so antd shows no expander. */
export interface UnitNode {
  key: number;
  value: number;
  title: string;
  unit: UnitView;
  children?: UnitNode[];
}

/** Nests units under their parents; orphans and units caught in a cycle become roots. */
export function buildUnitTree(units: readonly UnitView[]): UnitNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const byParent = new Map<number | null, UnitView[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const visited = new Set<number>();
  const build = (unit: UnitView): UnitNode => {
    visited.add(unit.id);
    const kids = (byParent.get(unit.id) ?? []).filter((kid) => !visited.has(kid.id)).map(build);
    const node: UnitNode = { key: unit.id, value: unit.id, title: unit.name, unit };
    if (kids.length > 0) node.children = kids;
    return node;
  };
  const roots = (byParent.get(null) ?? []).map(build);
  for (const unit of units) if (!visited.has(unit.id)) roots.push(build(unit));
  return roots;
}

/** The ids of `id` and everything below it: a unit cannot move under one of these. */
export function subtreeIds(units: readonly UnitView[], id: number): Set<number> {
  const found = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && found.has(unit.parentId) && !found.has(unit.id)) {
        found.add(unit.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Keeps only the nodes whose id is not in `excluded` (with their subtrees removed too). */
export function pruneTree(nodes: readonly UnitNode[], excluded: ReadonlySet<number>): UnitNode[] {
  return nodes
    .filter((node) => !excluded.has(node.key))
    .map((node) => {
      const kids = node.children ? pruneTree(node.children, excluded) : [];
      return kids.length > 0 ? { ...node, children: kids } : { ...node, children: undefined };
    });
}
