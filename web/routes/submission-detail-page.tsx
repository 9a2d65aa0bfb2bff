// One submission (/submissions/:id): the text, the review steps with the waiting one, the actions the
// signed-in user may take, versions and their comparison, attachments, the review trail, the approval
// form (DOCX), timeliness, and for information reports the adoptions and instructions.
import { useState } from "react";
import { Button, Card, Col, Descriptions, Row, Space, Steps, Tag, Timeline, Typography } from "antd";
import { useParams } from "react-router-dom";
import { useApi } from "../api/hooks";
import { LoadFailed, NotFound, PageSpinner } from "../components/page-states";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { formatTime } from "../lib/format";
import { SubmissionActions } from "./submission-actions";
import { SubmissionCompare } from "./submission-compare";
import { SubmissionAdoptions, SubmissionAttachments } from "./submission-panels";
import { SubmissionStateTag } from "./submissions-page";
import type { SubmissionDetail } from "./submission-types";

/** The /submissions/:id page. */
export function SubmissionDetailPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { data, error, reload } = useApi<SubmissionDetail>(Number.isInteger(id) && id > 0 ? `/api/submissions/${id}` : null);
  const [shown, setShown] = useState<SubmissionDetail>();
  const s = shown && data && shown.updatedAt > data.updatedAt ? shown : data;

  if (error?.status === 404) return <NotFound />;
  if (error && !s) return <LoadFailed error={error} onRetry={reload} />;
  if (!s) return <PageSpinner />;

  const current = s.state === "approved" ? s.steps.length : s.state === "in_review" || s.state === "returned" ? s.stepIndex : 0;
  const status = s.state === "returned" ? "error" : s.state === "approved" ? "finish" : "process";
  const h = (v: number | null) => (v == null ? "—" : String(v));

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card
        title={<Space wrap><span>#{s.id}</span><span data-testid="sub-title-shown">{s.title}</span><SubmissionStateTag state={s.state} />{s.timeliness.flagged ? <Tag color="red">{t("sub.late")}</Tag> : null}</Space>}
        extra={
          <Space wrap>
            <SubmissionActions s={s} onChanged={(next) => { setShown(next); reload(); }} />
            <Button href={`/api/submissions/${s.id}/approval-form.docx`} data-testid="sub-form">{t("sub.form")}</Button>
          </Space>
        }
      >
        {s.steps.length ? (
          <Steps size="small" current={current} status={s.state === "in_review" || s.state === "returned" || s.state === "approved" ? status : "wait"} style={{ marginBottom: 16 }} data-testid="sub-steps"
            items={s.steps.map((x) => ({ title: x.name, description: t(`flows.role.${x.role}` as MessageKey) }))} />
        ) : null}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t("sub.kind")}>{t(`sub.kind.${s.kind}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t("sub.unit")}>{s.unitName}</Descriptions.Item>
          <Descriptions.Item label={t("sub.author")}>{s.authorName}</Descriptions.Item>
          <Descriptions.Item label={t("sub.eventDate")}>{s.eventDate}</Descriptions.Item>
          <Descriptions.Item label={t("sub.outlets")}>{s.outlets.map((o) => o.name).join("、") || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("sub.versions")}>{t("sub.versionN", { n: s.version })}</Descriptions.Item>
          <Descriptions.Item label={t("sub.hoursToSubmit")}>{h(s.timeliness.hoursToSubmit)}</Descriptions.Item>
          <Descriptions.Item label={t("sub.hoursToApprove")}>{h(s.timeliness.hoursToApprove)}</Descriptions.Item>
          <Descriptions.Item label={t("sub.dueAt")}>{formatTime(s.timeliness.dueAt)}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 12 }} data-testid="sub-body-shown">{s.body}</Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size={16} style={{ width: "100%" }}>
            <SubmissionCompare s={s} />
            <SubmissionAttachments s={s} onChanged={reload} />
            {s.kind === "info" ? <SubmissionAdoptions s={s} onChanged={reload} /> : null}
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t("sub.trail")} data-testid="sub-trail">
            <Timeline items={s.trail.map((r) => ({
              color: r.action === "return" ? "red" : r.action === "approve" ? "green" : "blue",
              children: (
                <div>
                  <Space wrap><b>{t(`sub.trail.${r.action}` as MessageKey)}</b>{r.stepName ? <Tag>{r.stepName}</Tag> : null}<span>{r.userName}</span><Typography.Text type="secondary">{formatTime(r.at)} · {t("sub.versionN", { n: r.version })}</Typography.Text></Space>
                  {r.comment ? <div style={{ whiteSpace: "pre-wrap" }}>{r.comment}</div> : null}
                </div>
              ),
            }))} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
