// robots.txt (RFC 9309): the group for our product token, else "*"; the longest matching rule
// wins and Allow wins a tie; `*` and a final `$` are wildcards. Pure: the caller fetches the file.

/** The product token we look for in User-agent lines. */
export const ROBOTS_AGENT = "tingfeng";

interface Rule { allow: boolean; pattern: string; re: RegExp }

/** Rules of one robots.txt for our agent. */
export interface RobotsRules { rules: Rule[] }

function toRegExp(pattern: string): RegExp {
  const anchored = pattern.endsWith("$");
  const body = (anchored ? pattern.slice(0, -1) : pattern).split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`);
}

/** Parses robots.txt text into the rules that apply to ROBOTS_AGENT. */
export function parseRobots(text: string): RobotsRules {
  const groups: Array<{ agents: string[]; rules: Rule[] }> = [];
  let current: { agents: string[]; rules: Rule[] } | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, "").trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === "user-agent") {
      if (!current || current.rules.length > 0) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
    } else if ((key === "allow" || key === "disallow") && current) {
      // An empty Disallow allows everything: no rule.
      if (value !== "") current.rules.push({ allow: key === "allow", pattern: value, re: toRegExp(value) });
    }
  }
  const ours = groups.filter((g) => g.agents.some((a) => a !== "*" && ROBOTS_AGENT.startsWith(a)));
  const chosen = ours.length ? ours : groups.filter((g) => g.agents.includes("*"));
  return { rules: chosen.flatMap((g) => g.rules) };
}

/** True when `url`'s path and query may be fetched under `robots`. */
export function isAllowedByRobots(robots: RobotsRules, url: string): boolean {
  const u = new URL(url);
  const path = `${u.pathname}${u.search}`;
  let best: Rule | null = null;
  for (const r of robots.rules) {
    if (!r.re.test(path)) continue;
    if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
  }
  return best?.allow ?? true;
}
