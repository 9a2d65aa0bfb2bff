// Pick an event: the most recently active ones, narrowed by a server-side search as you type.
import { useMemo, useState, type CSSProperties } from "react";
import { Select } from "antd";
import type { EventPage } from "../../src/shared/analysis-api";
import { withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { useDebouncedValue } from "../lib/use-debounced-value";

/** Props of EventSelect. */
export interface EventSelectProps {
  value: number | undefined;
  onChange: (id: number | undefined) => void;
  /** An event not to offer (the one being merged into). */
  exclude?: number;
  placeholder: string;
  style?: CSSProperties;
  testId?: string;
}

/** A searchable single-event select; the value stays visible as "#id" when it is not among the results. */
export function EventSelect({ value, onChange, exclude, placeholder, style, testId }: EventSelectProps) {
  const [search, setSearch] = useState("");
  // Ask for events only once the list is opened, or to name the event already chosen.
  const [wanted, setWanted] = useState(false);
  const q = useDebouncedValue(search.trim(), 300);
  const path = wanted || value !== undefined ? withQuery("/api/events", { q, limit: 30 }) : null;
  const { data, loading } = useApi<EventPage>(path, { keepPrevious: true });

  const options = useMemo(() => {
    const found = (data?.events ?? [])
      .filter((event) => event.id !== exclude)
      .map((event) => ({ value: event.id, label: `#${event.id} ${event.title}` }));
    if (value !== undefined && !found.some((option) => option.value === value)) {
      found.unshift({ value, label: `#${value}` });
    }
    return found;
  }, [data, exclude, value]);

  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(id?: number) => onChange(id ?? undefined)}
      onClear={() => setSearch("")}
      onOpenChange={(open) => open && setWanted(true)}
      options={options}
      loading={loading}
      placeholder={placeholder}
      style={style}
      data-testid={testId}
    />
  );
}
