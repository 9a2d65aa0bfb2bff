// Publicity scores (/publicity-scores, 考核排名): the unit and person rankings of a year or a period, each
// count a link to the placements behind it, and the downloads of the notice (月通报/季通报) and of the
// annual assessment (年度考核).
import { useState } from "react";
import { Button, Card, Select, Space, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { withQuery } from "../api/client";
import { useI18n } from "../locales/i18n";
import { PERIODS, type Period } from "./publicity-scores-types";
import { PublicityPeopleTable, PublicityUnitsTable } from "./publicity-scores-tables";

const NOTICE_PERIODS = PERIODS.filter((p) => p !== "year");

/** The /publicity-scores page. */
export function PublicityScoresPage() {
  const { t } = useI18n();
  const now = new Date();
  const thisYear = now.getFullYear();
  const [year, setYear] = useState(thisYear);
  const [period, setPeriod] = useState<Period>("year");
  const [noticePeriod, setNoticePeriod] = useState<Period>(`m${String(now.getMonth() + 1).padStart(2, "0")}` as Period);
  const periodLabel = (p: Period) =>
    p === "year" ? t("pubScores.periodYear") : p.startsWith("q") ? t("pubScores.quarter", { n: p.slice(1) }) : t("pubScores.month", { n: Number(p.slice(1)) });
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

  return (
    <Card title={t("menu.publicityScores")}>
      <Typography.Paragraph type="secondary">{t("pubScores.intro")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t("pubScores.year")}</span>
        <Select style={{ width: 110 }} value={year} onChange={setYear} data-testid="pub-scores-year" options={years.map((y) => ({ value: y, label: String(y) }))} />
        <span>{t("pubScores.period")}</span>
        <Select style={{ width: 130 }} value={period} onChange={setPeriod} data-testid="pub-scores-period" options={PERIODS.map((p) => ({ value: p, label: periodLabel(p) }))} />
      </Space>
      <Space wrap style={{ marginBottom: 16, display: "flex" }}>
        <span>{t("pubScores.noticePeriod")}</span>
        <Select style={{ width: 130 }} value={noticePeriod} onChange={setNoticePeriod} data-testid="pub-scores-notice-period" options={NOTICE_PERIODS.map((p) => ({ value: p, label: periodLabel(p) }))} />
        <Button icon={<DownloadOutlined />} href={withQuery("/api/publicity/notice.docx", { year, period: noticePeriod })} data-testid="pub-scores-notice">
          {t("pubScores.downloadNotice")}
        </Button>
        <Button icon={<DownloadOutlined />} href={withQuery("/api/publicity/assessment.xlsx", { year })} data-testid="pub-scores-assessment-xlsx">
          {t("pubScores.assessmentXlsx")}
        </Button>
        <Button icon={<DownloadOutlined />} href={withQuery("/api/publicity/assessment.docx", { year })} data-testid="pub-scores-assessment-docx">
          {t("pubScores.assessmentDocx")}
        </Button>
      </Space>
      <Typography.Title level={5}>{t("pubScores.units")}</Typography.Title>
      <PublicityUnitsTable year={year} period={period} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t("pubScores.people")}</Typography.Title>
      <PublicityPeopleTable year={year} period={period} />
    </Card>
  );
}
