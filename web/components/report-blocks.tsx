// The computed parts of a report section, read-only: figure cards, charts, tables, cited items and
// sentences with their [n] citations. Every link is app-relative (react-router Link); collected text
// (titles, excerpts) is rendered as text.
import { useMemo } from "react";
import { Card, Col, List, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { CitedItem, ReportBlock, ReportCell, ReportChart, ReportFigure } from "../../src/shared/report-types";
import { useT } from "../locales/i18n";
import { SENTIMENT_COLORS, sentimentKey } from "../lib/analysis-display";
import { EChart } from "./echart";
import { appPath, reportChartOption } from "./report-chart-option";

/** A link when `href` stays inside the app, plain text otherwise. */
function AppLink({ href, children, title }: { href: string | undefined; children: React.ReactNode; title?: string }) {
  const to = appPath(href);
  return to ? <Link to={to} title={title}>{children}</Link> : <>{children}</>;
}

function Figures({ figures }: { figures: ReportFigure[] }) {
  return (
    <Row gutter={[12, 12]} data-testid="report-figures">
      {figures.map((f) => (
        <Col key={f.key} xs={12} sm={8} md={6}>
          <AppLink href={f.href}>
            <Card size="small" hoverable={!!appPath(f.href)} data-testid={`report-figure-${f.key}`}>
              <Statistic title={f.label} value={f.value} suffix={f.unit} />
              {f.note ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.note}</Typography.Text> : null}
            </Card>
          </AppLink>
        </Col>
      ))}
    </Row>
  );
}

function Chart({ chart }: { chart: ReportChart }) {
  const t = useT();
  const option = useMemo(() => reportChartOption(chart), [chart]);
  return (
    <div data-testid="report-chart">
      <Space>
        <Typography.Text strong>{chart.title}</Typography.Text>
        {appPath(chart.href) ? <AppLink href={chart.href}>{t("reports.viewData")}</AppLink> : null}
      </Space>
      <EChart option={option} height={260} />
    </div>
  );
}

function CellTable({ title, columns, rows }: { title?: string; columns: string[]; rows: ReportCell[][] }) {
  const data = rows.map((cells, index) => ({ key: index, cells }));
  return (
    <div data-testid="report-table">
      {title ? <Typography.Text strong>{title}</Typography.Text> : null}
      <Table
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={data}
        columns={columns.map((name, col) => ({
          key: col,
          title: name,
          render: (_: unknown, row: { cells: ReportCell[] }) => {
            const cell = row.cells[col];
            return cell ? <AppLink href={cell.href}>{cell.text}</AppLink> : null;
          },
        }))}
      />
    </div>
  );
}

/** A cited item's sentiment, coloured like the ledger's tags. */
function CitedSentiment({ label }: { label: CitedItem["sentiment"] }) {
  const t = useT();
  return label ? <Tag color={SENTIMENT_COLORS[label]}>{t(sentimentKey(label))}</Tag> : null;
}

/** The items a section quotes: title (to the ledger), source, time, sentiment, reposts and excerpt. */
export function CitedItems({ items }: { items: CitedItem[] }) {
  const t = useT();
  return (
    <List
      size="small"
      data-testid="report-items"
      dataSource={items}
      renderItem={(item) => (
        <List.Item key={item.id}>
          <div style={{ width: "100%", minWidth: 0 }}>
            <Link to={`/items/${item.id}`} data-testid="report-item-title">{item.title}</Link>
            <div>
              <Space size={4} wrap>
                <Typography.Text type="secondary">{item.source}</Typography.Text>
                <Typography.Text type="secondary">{item.publishedAt ?? t("reports.noTime")}</Typography.Text>
                <CitedSentiment label={item.sentiment} />
                {item.reposts > 0 ? <Tag>{t("reports.reposts", { n: item.reposts })}</Tag> : null}
              </Space>
            </div>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0, wordBreak: "break-word" }}>{item.excerpt}</Typography.Paragraph>
          </div>
        </List.Item>
      )}
    />
  );
}

function Sentence({ text, citations }: { text: string; citations: { label: string; href: string }[] }) {
  return (
    <Typography.Paragraph data-testid="report-sentence" style={{ wordBreak: "break-word" }}>
      {text}
      {citations.map((c, index) => (
        <sup key={index}>
          <AppLink href={c.href} title={c.label}>[{index + 1}]</AppLink>
        </sup>
      ))}
    </Typography.Paragraph>
  );
}

/** Props of ReportBlocks. */
export interface ReportBlocksProps {
  blocks: ReportBlock[];
  /** The phone page leaves charts out (they need width) and keeps figures, tables, items and sentences. */
  phone?: boolean;
}

/** Renders a section's computed blocks in order. */
export function ReportBlocks({ blocks, phone = false }: ReportBlocksProps) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {blocks.map((block, index) => {
        switch (block.type) {
          case "figures":
            return <Figures key={index} figures={block.figures} />;
          case "chart":
            return phone ? null : <Chart key={index} chart={block.chart} />;
          case "table":
            return <CellTable key={index} title={block.title} columns={block.columns} rows={block.rows} />;
          case "items":
            return <CitedItems key={index} items={block.items} />;
          case "sentence":
            return <Sentence key={index} text={block.text} citations={block.citations} />;
          default:
            return null;
        }
      })}
    </Space>
  );
}
