// The top of a report as it prints: the title (red over a red rule in the 红头 style), the issuing unit,
// the number (or "numbered on issue" on a draft) and the period. The editor passes setters to edit in place.
import { Typography } from "antd";
import type { ReportContent } from "../../src/shared/report-types";
import { useT } from "../locales/i18n";

const RED = "#cf1322";

/** Props of ReportDocHeader. */
export interface ReportDocHeaderProps {
  content: ReportContent;
  /** The number to print when the content has none (a draft's content stays unnumbered after its report is issued). */
  number?: string | null;
  /** Given on an editable draft: saves a new title / issuing unit. */
  onTitle?: (title: string) => void;
  onIssuingUnit?: (unit: string) => void;
}

/** The printed header of a report. */
export function ReportDocHeader({ content, number, onTitle, onIssuingUnit }: ReportDocHeaderProps) {
  const t = useT();
  const red = content.redHeader;
  const edit = (save: ((text: string) => void) | undefined, current: string) =>
    save ? { text: current, onChange: (text: string) => text.trim() && text.trim() !== current && save(text.trim()), triggerType: ["icon" as const, "text" as const] } : false;
  return (
    <div style={{ textAlign: "center", marginBottom: 16 }} data-testid="report-header" data-red={red ? "1" : "0"}>
      <Typography.Title
        level={2}
        editable={edit(onTitle, content.title)}
        style={{ color: red ? RED : undefined, letterSpacing: red ? 4 : undefined, marginBottom: 8, wordBreak: "break-word" }}
        data-testid="report-title"
      >
        {content.title}
      </Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="report-number">
        {content.number ?? number ?? <Typography.Text type="secondary">{t("reports.unnumbered")}</Typography.Text>}
      </Typography.Paragraph>
      <div style={{ display: "flex", justifyContent: "space-between", gap: 12, flexWrap: "wrap" }}>
        <Typography.Text editable={edit(onIssuingUnit, content.issuingUnit)} data-testid="report-unit">
          {content.issuingUnit || (onIssuingUnit ? <Typography.Text type="secondary">{t("reports.issuingUnit")}</Typography.Text> : null)}
        </Typography.Text>
        <Typography.Text data-testid="report-period">{content.period.label}</Typography.Text>
      </div>
      <div style={{ borderTop: red ? `2px solid ${RED}` : "1px solid #d9d9d9", marginTop: 8 }} />
    </div>
  );
}
