// The ledger's filter bar: search box, source, time range, status, export and auto-refresh.
import { useEffect, useState } from "react";
import { Button, DatePicker, Input, Select, Space, Switch } from "antd";
import { DownloadOutlined, FilterOutlined, SearchOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import { ITEM_STATUSES } from "../../src/shared/api";
import { withQuery } from "../api/client";
import { useSourceOptions } from "../api/source-options";
import { useUser } from "../app/session";
import { useT } from "../locales/i18n";
import { itemSearchParams, type ItemFilters } from "../lib/items-query";

/** The comma-separated source ids of the URL as numbers. */
function sourceIds(text: string): number[] {
  return text.split(",").map(Number).filter((id) => Number.isInteger(id) && id > 0);
}

/** Props of ItemsFilters. */
export interface ItemsFiltersProps {
  filters: ItemFilters;
  onChange: (patch: Partial<ItemFilters>) => void;
  autoRefresh: boolean;
  onAutoRefresh: (on: boolean) => void;
  /** False on a phone until 筛选 is pressed: only the search box shows. */
  expanded: boolean;
  onExpand: () => void;
}

/** Filter controls; every change resets to page 1. */
export function ItemsFilters({ filters, onChange, autoRefresh, onAutoRefresh, expanded, onExpand }: ItemsFiltersProps) {
  const t = useT();
  const [draft, setDraft] = useState(filters.q);
  const sources = useSourceOptions(useUser().role);
  useEffect(() => setDraft(filters.q), [filters.q]);

  const change = (patch: Partial<ItemFilters>) => onChange({ ...patch, page: "" });
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null =
    filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;

  return (
    <Space wrap size="middle" style={{ marginBottom: 16 }} className="items-filters">
      <Space.Compact className="items-search-group">
        <Input
          allowClear
          value={draft}
          placeholder={t("items.searchPlaceholder")}
          onChange={(event) => setDraft(event.target.value)}
          onPressEnter={() => change({ q: draft })}
          className="items-search"
          data-testid="items-search"
        />
        <Button
          type="primary"
          icon={<SearchOutlined />}
          onClick={() => change({ q: draft })}
          data-testid="items-search-submit"
        >
          {t("common.search")}
        </Button>
      </Space.Compact>
      {!expanded && (
        <Button icon={<FilterOutlined />} onClick={onExpand} data-testid="items-more-filters">
          {t("items.moreFilters")}
        </Button>
      )}
      {expanded && <>
      <Select<number[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        showSearch={{ optionFilterProp: "label" }}
        placeholder={t("items.allSources")}
        value={sourceIds(filters.sourceId)}
        onChange={(ids) => change({ sourceId: ids.join(",") })}
        options={sources ?? []}
        loading={!sources}
        style={{ width: 240 }}
      />
      <DatePicker.RangePicker
        value={range}
        onChange={(dates) => {
          const [start, end] = dates ?? [];
          change({
            from: start ? start.startOf("day").toISOString() : "",
            to: end ? end.endOf("day").toISOString() : "",
          });
        }}
      />
      <Select
        allowClear
        placeholder={t("items.allStatuses")}
        value={filters.status || undefined}
        onChange={(status?: string) => change({ status: status ?? "" })}
        options={ITEM_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        style={{ width: 140 }}
      />
      <Button icon={<DownloadOutlined />} href={withQuery("/api/items/export.xlsx", itemSearchParams(filters))}>
        {t("items.export")}
      </Button>
      <Space>
        <Switch checked={autoRefresh} onChange={onAutoRefresh} />
        {t("common.autoRefresh")}
      </Space>
      </>}
    </Space>
  );
}
