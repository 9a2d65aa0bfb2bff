// The filters a link put in a list page's URL (a report figure's, say), one closable tag each, so the reader
// sees what the list is narrowed to and can widen it again.
import type { CSSProperties } from "react";
import { Space, Tag } from "antd";
import { formatTime } from "../lib/format";

/** One active filter: its label and the URL keys that closing it removes. */
export interface LinkFilter { key: string; label: string; keys: readonly string[] }

/** "2026-07-01 00:00 — 2026-07-01 23:59" from two URL times (either may be missing). */
export const timeRange = (from: string | null, to: string | null): string => `${from ? formatTime(from) : "…"} — ${to ? formatTime(to) : "…"}`;

/** The active filters as closable tags; nothing when none is set. */
export function LinkFilterTags({ filters, onClear, style }: { filters: readonly LinkFilter[]; onClear: (keys: readonly string[]) => void; style?: CSSProperties }) {
  if (!filters.length) return null;
  return (
    <Space wrap size={4} style={style} data-testid="link-filters">
      {filters.map((f) => (
        <Tag
          key={f.key}
          color="blue"
          closable
          data-testid={`link-filter-${f.key}`}
          onClose={(e) => {
            e.preventDefault();
            onClear(f.keys);
          }}
        >
          {f.label}
        </Tag>
      ))}
    </Space>
  );
}
