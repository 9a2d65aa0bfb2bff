// One case (/cases/:id): what it is, who owns it and by when, the items behind it, the timeline of
// every step, and the steps the signed-in user may take now.
import { useMemo, useState } from "react";
import { Alert, Button, Card, Descriptions, Space, Tag, Timeline, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import type { UnitView } from "../../src/shared/api";
import type { CaseDetail } from "../../src/shared/cases-api";
import { useApi } from "../api/hooks";
import { canTakeCaseStep } from "../app/access";
import { useUser } from "../app/session";
import { LoadFailed, NotFound, PageSpinner } from "../components/page-states";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { formatTime } from "../lib/format";
import { CaseStepModal } from "./case-step-modal";
import { CaseAttachmentsPanel } from "./case-attachments-panel";
import { CaseRepliesPanel } from "./case-replies-panel";
import { SeverityTag } from "../components/severity-tag";

/** The /cases/:id page. */
export function CaseDetailPage() {
  const t = useT();
  const user = useUser();
  const id = Number(useParams().id);
  const { data, error, reload } = useApi<CaseDetail>(Number.isInteger(id) && id > 0 ? `/api/cases/${id}` : null, { refreshMs: 60_000 });
  const units = useApi<{ units: UnitView[] }>("/api/units");
  const unitList = useMemo(() => units.data?.units ?? [], [units.data]);
  const names = useMemo(() => new Map(unitList.map((u) => [u.id, u.name])), [unitList]);
  const [step, setStep] = useState<string>();
  const [shown, setShown] = useState<CaseDetail>();
  // The answer of the last step shows at once; a reload replaces it.
  const c = shown && data && shown.updatedAt > data.updatedAt ? shown : data;

  if (error?.status === 404) return <NotFound />;
  if (error && !c) return <LoadFailed error={error} onRetry={reload} />;
  if (!c) return <PageSpinner />;

  const stepLabel = (kind: string) => t(`cases.step.${kind}` as MessageKey);
  const due = (iso: string | null) => (iso ? <Typography.Text type={c.open && Date.parse(iso) < Date.now() ? "danger" : undefined}>{formatTime(iso)}</Typography.Text> : "—");
  const steps = c.nextSteps.filter((k) => canTakeCaseStep(user.role, k));

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card
        title={
          <Space wrap>
            <span>#{c.id}</span>
            <span data-testid="case-title">{c.title}</span>
            <Tag data-testid="case-state">{t(`cases.state.${c.state}`)}</Tag>
            {c.overdue ? <Tag color="red">{t("cases.overdue")}</Tag> : null}
          </Space>
        }
        extra={
          <Space wrap>
            {canTakeCaseStep(user.role, "escalate") ? <Button href={`/api/cases/${c.id}/memo.docx`} data-testid="case-memo">{t("caseMemo.print")}</Button> : null}
            {steps.includes("instruct") ? <Link to={`/cases/${c.id}/instruct`} data-testid="case-instruct-link">{t("caseMemo.instructLink")}</Link> : null}
            {steps.map((k) => (
              <Button key={k} onClick={() => setStep(k)} type={k === "comment" ? "default" : "primary"} ghost={k !== "comment"} data-testid={`case-step-${k}`}>
                {stepLabel(k)}
              </Button>
            ))}
          </Space>
        }
      >
        {c.suggestion && c.unitId == null ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t("cases.suggestion", { unit: names.get(c.suggestion.unitId) ?? `#${c.suggestion.unitId}`, rule: c.suggestion.ruleName, term: c.suggestion.term })}
          />
        ) : null}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t("cases.severity")}>
            {c.severity ? <SeverityTag severity={c.severity} /> : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("cases.category")}>{c.category ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("cases.unit")}>{c.unitName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("cases.coUnits")}>{c.coUnitIds.map((u) => names.get(u) ?? `#${u}`).join("、") || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("cases.feedbackDue")}>{due(c.feedbackDueAt)}</Descriptions.Item>
          <Descriptions.Item label={t("cases.replyDue")}>{due(c.replyDueAt)}</Descriptions.Item>
          <Descriptions.Item label={t("cases.createdAt")}>{formatTime(c.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t("cases.items")}>
            <Space wrap size={4}>
              {c.itemIds.length
                ? c.itemIds.map((i) => (
                    <Link key={i} to={`/items/${i}`}>
                      #{i}
                    </Link>
                  ))
                : t(`cases.origin.${c.origin}` as MessageKey)}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        {c.summary ? <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 8 }}>{c.summary}</Typography.Paragraph> : null}
      </Card>
      <CaseAttachmentsPanel caseId={c.id} onChanged={reload} />
      <CaseRepliesPanel c={c} onChanged={reload} />
      <Card title={t("cases.timeline")}>
        <Timeline
          data-testid="case-timeline"
          items={c.timeline.map((s) => ({
            key: s.id,
            children: (
              <Space direction="vertical" size={0}>
                <Space wrap size={6}>
                  <Typography.Text strong>{stepLabel(s.kind)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {s.userName} · {formatTime(s.at)}
                  </Typography.Text>
                  {s.fromState !== s.toState ? <Tag>{t(`cases.state.${s.toState}` as MessageKey)}</Tag> : null}
                </Space>
                {s.text ? <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{s.text}</Typography.Paragraph> : null}
              </Space>
            ),
          }))}
        />
      </Card>
      <CaseStepModal
        c={c}
        kind={step}
        units={unitList}
        onClose={() => setStep(undefined)}
        onDone={(next) => {
          setStep(undefined);
          setShown(next);
          reload();
        }}
      />
    </Space>
  );
}
