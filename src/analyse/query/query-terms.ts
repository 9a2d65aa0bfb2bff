// Facts about a parsed query that depend only on its shape: which terms it looks for, whether it
// could match a document that contains none of them, and a set of terms one of which every
// matching document must contain (what lets a WatchSet skip most watches for most documents).
import type { QueryNode, TermNode } from "./ast";

/** The distinct terms the query looks for (not under NOT, not source:), normalised, in order. */
export function queryTerms(node: QueryNode): string[] {
  const seen = new Set<string>();
  const visit = (n: QueryNode): void => {
    if (n.type === "term") {
      if (n.field !== "source") seen.add(n.text);
    } else if (n.type === "near") for (const t of [...n.left, ...n.right]) seen.add(t.text);
    else if (n.type !== "not") n.children.forEach(visit);
  };
  visit(node);
  return [...seen];
}

/**
 * Where the query can match without any positive term, or null. A NOT lets its branch match
 * empty documents; an AND needs only one positive child to be anchored; an OR needs every child.
 */
export function negativeOnlyAt(node: QueryNode): number | null {
  switch (node.type) {
    case "term":
    case "near":
      return null;
    case "not":
      return node.pos;
    case "and": {
      const free = node.children.map(negativeOnlyAt);
      return free.some((p) => p === null) ? null : free[0];
    }
    case "or":
      return node.children.map(negativeOnlyAt).find((p) => p !== null) ?? null;
  }
}

/**
 * Terms at least one of which occurs (somewhere in the document) whenever `node` matches; for an
 * AND the anchored child with the fewest terms is taken. Only for nodes `negativeOnlyAt` accepts.
 */
export function anchorTerms(node: QueryNode): TermNode[] {
  switch (node.type) {
    case "term":
      return [node];
    case "near":
      return node.left.length <= node.right.length ? node.left : node.right;
    case "or":
      return node.children.flatMap(anchorTerms);
    case "and": {
      let best: TermNode[] | null = null;
      for (const c of node.children) {
        if (negativeOnlyAt(c) !== null) continue;
        const terms = anchorTerms(c);
        if (!best || terms.length < best.length) best = terms;
      }
      if (!best) throw new Error("query: anchorTerms called on a query that matches without positive terms");
      return best;
    }
    case "not":
      throw new Error("query: anchorTerms called on a query that matches without positive terms");
  }
}
