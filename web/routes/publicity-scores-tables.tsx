// The two rankings of the scores page: by unit (each count a link to its placements, completion as a
// bar) and by person (points by share).
import { Progress, Table, Tooltip } from "antd";
import type { TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import { OUTLET_LEVELS } from "../../src/shared/publicity-types";
import { withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import type { Period, PersonScoreRow, UnitScoreRow } from "./publicity-scores-types";

const figure = (n: number | null) => (n == null ? "—" : String(Math.round(n * 100) / 100));

/** The unit ranking of a year or period. */
export function PublicityUnitsTable({ year, period }: { year: number; period: Period }) {
  const t = useT();
  const { data, error, loading, reload } = useApi<{ units: UnitScoreRow[] }>(withQuery("/api/publicity/scores", { year, period }), { keepPrevious: true });
  if (error && !data) return <LoadFailed error={error} onRetry={reload} />;
  const columns: TableColumnsType<UnitScoreRow> = [
    { title: t("pubScores.rank"), dataIndex: "rank", width: 64, align: "center" },
    { title: t("pubScores.unit"), dataIndex: "unitName" },
    {
      title: t("pubScores.placements"), dataIndex: "placements", align: "right",
      render: (n: number, u) => <Link to={u.link} data-testid={`pub-scores-placements-${u.unitId}`}>{n}</Link>,
    },
    {
      title: t("pubScores.byLevel"),
      children: OUTLET_LEVELS.map((l) => ({
        title: t(`pubScores.level.${l}`), key: l, align: "right" as const,
        render: (_: unknown, u: UnitScoreRow) => (u.byLevel[l]
          ? <Link to={`${u.link}&level=${l}`} data-testid={`pub-scores-level-${u.unitId}-${l}`}>{u.byLevel[l]}</Link>
          : 0),
      })),
    },
    { title: t("pubScores.adoptions"), dataIndex: "adoptions", align: "right" },
    { title: t("pubScores.instructions"), dataIndex: "instructions", align: "right" },
    { title: t("pubScores.points"), dataIndex: "points", align: "right", render: (n: number) => <strong>{figure(n)}</strong> },
    {
      title: t("pubScores.quota"), dataIndex: "quota", align: "right",
      render: (q: number | null, u) => (q == null ? t("pubScores.noQuota") : u.quotaSource === "set" ? figure(q) : (
        <Tooltip title={t(u.quotaSource === "pro_rata" ? "pubScores.quotaProRata" : "pubScores.quotaSum")}>{figure(q)}*</Tooltip>
      )),
    },
    {
      title: t("pubScores.completion"), dataIndex: "completion", width: 170,
      render: (c: number | null, u) => (c == null ? "—" : (
        <Progress
          data-testid={`pub-scores-completion-${u.unitId}`}
          percent={Math.min(100, Math.round(c * 1000) / 10)}
          status={c >= 1 ? "success" : "normal"}
          format={() => `${u.done}/${figure(u.quota)} · ${(Math.round(c * 1000) / 10).toFixed(1)}%`}
          size="small"
        />
      )),
    },
  ];
  return (
    <Table<UnitScoreRow>
      data-testid="pub-scores-units"
      size="small" rowKey="unitId" loading={loading} columns={columns} dataSource={data?.units ?? []}
      locale={{ emptyText: t("pubScores.empty") }} pagination={false} scroll={{ x: true }} bordered
    />
  );
}

/** The person ranking of a year or period. */
export function PublicityPeopleTable({ year, period }: { year: number; period: Period }) {
  const t = useT();
  const { data, error, loading, reload } = useApi<{ people: PersonScoreRow[] }>(withQuery("/api/publicity/people", { year, period }), { keepPrevious: true });
  if (error && !data) return <LoadFailed error={error} onRetry={reload} />;
  const columns: TableColumnsType<PersonScoreRow> = [
    { title: t("pubScores.rank"), dataIndex: "rank", width: 64, align: "center" },
    { title: t("pubScores.name"), dataIndex: "name" },
    { title: t("pubScores.unit"), dataIndex: "unitName" },
    {
      title: t("pubScores.placements"), dataIndex: "placements", align: "right",
      render: (n: number, p) => <Link to={p.link} data-testid={`pub-scores-person-${p.key}`}>{n}</Link>,
    },
    { title: t("pubScores.points"), dataIndex: "points", align: "right", render: (n: number) => <strong>{figure(n)}</strong> },
  ];
  return (
    <Table<PersonScoreRow>
      data-testid="pub-scores-people"
      size="small" rowKey="key" loading={loading} columns={columns} dataSource={data?.people ?? []}
      locale={{ emptyText: t("pubScores.empty") }} pagination={{ pageSize: 20, hideOnSinglePage: true }}
    />
  );
}
