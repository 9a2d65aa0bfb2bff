// One repost group: who posted first, which sources copied it, how it spread hour by hour, every copy.
import { useMemo } from "react";
import { Descriptions, Space, Table, Tag, Typography } from "antd";
import { LinkOutlined } from "@ant-design/icons";
import { Link } from "react-router-dom";
import type { RepostGroupView } from "../../src/shared/analysis-api";
import { useApi } from "../api/hooks";
import { useT } from "../locales/i18n";
import { spreadOption } from "../lib/chart-options";
import { EMPTY, formatTime } from "../lib/format";
import { spreadSeries } from "../lib/hourly-series";
import { safeHref } from "../lib/safe-href";
import { EChart } from "./echart";
import { LoadFailed, NotFound, PageSpinner } from "./page-states";

type Member = RepostGroupView["members"][number];

/** Loads GET /api/reposts/:group and shows it. */
export function RepostGroup({ group }: { group: string }) {
  const t = useT();
  const { data, error, reload } = useApi<RepostGroupView>(`/api/reposts/${encodeURIComponent(group)}`);
  const option = useMemo(() => (data ? spreadOption(spreadSeries(data.timeline)) : null), [data]);

  if (!data || !option) {
    if (error?.status === 404) return <NotFound />;
    return error ? <LoadFailed error={error} onRetry={reload} /> : <PageSpinner />;
  }
  const { first } = data;
  return (
    <div data-testid="repost-group">
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("reposts.first")}>
          <Link to={`/items/${first.itemId}`}>{first.title}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t("reposts.firstSource")}>
          {first.sourceName}
          {first.author ? ` · ${first.author}` : ""}
        </Descriptions.Item>
        <Descriptions.Item label={t("reposts.firstAt")}>{formatTime(first.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label={t("reposts.sources")}>
          <Space size={[0, 4]} wrap>
            {data.sources.map((source) => (
              <Tag key={source.name}>
                {source.name} × {source.count}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t("reposts.timeline")}</Typography.Title>
      <EChart option={option} height={240} testId="repost-chart" />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("reposts.members")} · {t("reposts.size", { n: data.size })}
      </Typography.Title>
      <Table<Member>
        rowKey="itemId"
        size="small"
        dataSource={data.members}
        pagination={data.members.length > 20 ? { pageSize: 20 } : false}
        columns={[
          {
            title: t("items.col.title"),
            dataIndex: "title",
            render: (_, member) => <Link to={`/items/${member.itemId}`}>{member.title}</Link>,
          },
          { title: t("items.col.source"), dataIndex: "sourceName", width: 140 },
          { title: t("items.col.published"), dataIndex: "publishedAt", width: 140, render: formatTime },
          {
            title: t("item.link"),
            dataIndex: "url",
            width: 90,
            render: (url: string | null) => {
              const href = safeHref(url);
              return href ? (
                <a href={href} target="_blank" rel="noopener noreferrer nofollow" aria-label={t("item.link")}>
                  <LinkOutlined />
                </a>
              ) : (
                EMPTY
              );
            },
          },
        ]}
      />
    </div>
  );
}
