// Owner-unit suggestion (属地管理、谁主管谁负责): routing rules map keywords, places or a category
// to a unit. Pure: the caller loads the rules; the suggestion names the rule that made it so the
// person triaging can see why, and overrule it.

/** A routing rule as stored. */
export interface RoutingRule {
  id: number;
  name: string;
  /** What the rule looks at: a keyword in the title/text, a place name, or the case category. */
  kind: "keyword" | "place" | "category";
  /** Terms; any one matching is enough. Compared case-insensitively, after trimming. */
  terms: readonly string[];
  unitId: number;
  /** Lower first; among equal priorities a place beats a category beats a keyword (属地 first). */
  priority: number;
  enabled: boolean;
}

/** What a suggestion is drawn from. */
export interface RoutingInput { title: string; text: string; category: string | null }

/** A suggested owner unit and the rule and term that made it. */
export interface RoutingSuggestion { unitId: number; ruleId: number; ruleName: string; term: string; kind: RoutingRule["kind"] }

const KIND_RANK: Record<RoutingRule["kind"], number> = { place: 0, category: 1, keyword: 2 };

/** The first matching term of a rule, or null. */
function matchTerm(rule: RoutingRule, haystack: string, category: string | null): string | null {
  for (const raw of rule.terms) {
    const term = raw.trim().toLowerCase();
    if (!term) continue;
    if (rule.kind === "category" ? category?.trim().toLowerCase() === term : haystack.includes(term)) return raw.trim();
  }
  return null;
}

/** Every rule that matches, best first (for the UI's "other candidates"). */
export function matchRules(rules: readonly RoutingRule[], input: RoutingInput): RoutingSuggestion[] {
  const haystack = `${input.title}\n${input.text}`.toLowerCase();
  const hits: (RoutingSuggestion & { rank: [number, number, number] })[] = [];
  for (const r of rules) {
    if (!r.enabled) continue;
    const term = matchTerm(r, haystack, input.category);
    if (term != null) hits.push({ unitId: r.unitId, ruleId: r.id, ruleName: r.name, term, kind: r.kind, rank: [r.priority, KIND_RANK[r.kind], r.id] });
  }
  hits.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2]);
  return hits.map(({ rank: _rank, ...s }) => s);
}

/** The suggested owner unit, or null when no rule matches. */
export function suggestUnit(rules: readonly RoutingRule[], input: RoutingInput): RoutingSuggestion | null {
  return matchRules(rules, input)[0] ?? null;
}
