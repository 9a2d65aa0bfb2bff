// Two versions of a submission side by side as one text: insertions green and underlined, deletions red and struck.
import { useState } from "react";
import { Card, Select, Space, Typography } from "antd";
import { useApi } from "../api/hooks";
import { useT } from "../locales/i18n";
import type { DiffSegment, SubmissionDetail } from "./submission-types";

const STYLE: Record<DiffSegment["op"], React.CSSProperties> = {
  equal: {},
  insert: { color: "#237804", background: "#f6ffed", textDecoration: "underline" },
  delete: { color: "#a8071a", background: "#fff1f0", textDecoration: "line-through" },
};

function Segments({ segments, testId }: { segments: DiffSegment[]; testId: string }) {
  return (
    <div style={{ whiteSpace: "pre-wrap", lineHeight: 1.9 }} data-testid={testId}>
      {segments.map((x, i) => <span key={i} style={STYLE[x.op]} data-op={x.op}>{x.text}</span>)}
    </div>
  );
}

/** The versions list with the compare view (shown once there are two versions). */
export function SubmissionCompare({ s }: { s: SubmissionDetail }) {
  const t = useT();
  const last = s.versions.at(-1)?.version ?? 1;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const diff = useApi<{ titleSegments: DiffSegment[]; segments: DiffSegment[] }>(s.versions.length > 1 ? `/api/submissions/${s.id}/diff?from=${from}&to=${to}` : null);
  const options = s.versions.map((v) => ({ value: v.version, label: `${t("sub.versionN", { n: v.version })} · ${v.editedByName}` }));
  return (
    <Card title={t("sub.versions")} size="small" data-testid="sub-versions">
      <Typography.Paragraph type="secondary">{s.versions.map((v) => t("sub.versionN", { n: v.version })).join("、")}</Typography.Paragraph>
      {s.versions.length > 1 ? (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <span>{t("sub.compareFrom")}</span>
            <Select style={{ width: 200 }} value={from} onChange={setFrom} options={options} data-testid="sub-compare-from" />
            <span>{t("sub.compareTo")}</span>
            <Select style={{ width: 200 }} value={to} onChange={setTo} options={options} data-testid="sub-compare-to" />
          </Space>
          {diff.data ? (
            <>
              <Typography.Title level={5}><Segments segments={diff.data.titleSegments} testId="sub-diff-title" /></Typography.Title>
              <Segments segments={diff.data.segments} testId="sub-diff" />
            </>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
