// The ledger's analysis filters: merge reposts (on by default), sentiment, watch and event.
import { Select, Space, Switch, Tooltip } from "antd";
import { SENTIMENT_LABELS, type WatchView } from "../../src/shared/analysis-api";
import { useApi } from "../api/hooks";
import { EventSelect } from "../components/event-select";
import { useT } from "../locales/i18n";
import { sentimentKey } from "../lib/analysis-display";
import { isCollapsed, type ItemFilters } from "../lib/items-query";

function idOf(text: string): number | undefined {
  const id = Number(text);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** Props of ItemsAnalysisFilters. */
export interface ItemsAnalysisFiltersProps {
  filters: ItemFilters;
  onChange: (patch: Partial<ItemFilters>) => void;
}

/** Second row of ledger filters; every change resets to page 1. */
export function ItemsAnalysisFilters({ filters, onChange }: ItemsAnalysisFiltersProps) {
  const t = useT();
  const watches = useApi<{ watches: WatchView[] }>("/api/watches");
  const change = (patch: Partial<ItemFilters>) => onChange({ ...patch, page: "" });

  return (
    <Space wrap size="middle" style={{ marginBottom: 16 }} className="items-filters">
      <Tooltip title={t("reposts.collapseHint")}>
        <Space>
          <Switch
            checked={isCollapsed(filters)}
            onChange={(on) => change({ collapse: on ? "" : "0" })}
            data-testid="collapse-toggle"
          />
          {t("reposts.collapse")}
        </Space>
      </Tooltip>
      <Select
        allowClear
        placeholder={t("sentiment.all")}
        value={filters.sentiment || undefined}
        onChange={(sentiment?: string) => change({ sentiment: sentiment ?? "" })}
        options={[...SENTIMENT_LABELS.map((label) => ({ value: label, label: t(sentimentKey(label)) })), { value: "none", label: t("links.sentimentNone") }]}
        style={{ width: 130 }}
        data-testid="sentiment-filter"
      />
      <Select<number>
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        placeholder={t("items.allWatches")}
        value={idOf(filters.watchId)}
        onChange={(id?: number) => change({ watchId: id ? String(id) : "" })}
        options={(watches.data?.watches ?? []).map((watch) => ({ value: watch.id, label: watch.name }))}
        loading={watches.loading}
        style={{ width: 200 }}
        data-testid="watch-filter"
      />
      <EventSelect
        value={idOf(filters.eventId)}
        onChange={(id) => change({ eventId: id ? String(id) : "" })}
        placeholder={t("items.allEvents")}
        style={{ width: 260 }}
        testId="event-filter"
      />
    </Space>
  );
}
