// The report editor (/reports/:id): the draft as it will print (header, sections with editable texts and
// read-only computed blocks), 签发 with a confirmation, exports of the draft, and the issued versions.
import { useEffect, useState } from "react";
import { Alert, App, Button, Card, Modal, Popconfirm, Space, Switch, Typography } from "antd";
import { CheckCircleOutlined, DeleteOutlined } from "@ant-design/icons";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { ReportDetail, ReportPatch, ReportVersionSummary } from "../../src/shared/report-types";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { canIssueReports, canWriteReports } from "../app/access";
import { useUser } from "../app/session";
import { LoadFailed, NotFound, PageSpinner } from "../components/page-states";
import { ReportDocHeader } from "../components/report-doc-header";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { useReportError } from "../lib/use-report-error";
import { ReportStatus } from "../components/report-status";
import { ReportSectionEditor } from "./report-section-editor";
import { ExportButtons, ReportVersionsCard } from "./report-versions-card";

/** The /reports/:id page. */
export function ReportEditorPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const user = useUser();
  const id = Number(useParams().id);
  const { data, error, reload } = useApi<ReportDetail>(Number.isInteger(id) && id > 0 ? `/api/reports/${id}` : null);
  // The latest answer of a GET or a PATCH.
  const [doc, setDoc] = useState<ReportDetail>();
  const [issuing, setIssuing] = useState(false);
  const [confirmIssue, setConfirmIssue] = useState(false);
  useEffect(() => {
    if (data) setDoc(data);
  }, [data]);

  if (!Number.isInteger(id) || id <= 0 || error?.status === 404) return <NotFound />;
  if (error && !doc) return <LoadFailed error={error} onRetry={reload} />;
  if (!doc || doc.id !== id) return <PageSpinner />;

  const writable = canWriteReports(user.role);
  const patch = async (body: ReportPatch): Promise<boolean> => {
    try {
      setDoc(await api.patch<ReportDetail>(`/api/reports/${id}`, body));
      return true;
    } catch (caught) {
      report(caught);
      return false;
    }
  };
  const issue = async () => {
    setIssuing(true);
    try {
      const { version } = await api.post<{ version: ReportVersionSummary }>(`/api/reports/${id}/issue`);
      setConfirmIssue(false);
      void message.success(t("reports.issuedToast", { n: version.version, number: version.number }));
      reload();
    } catch (caught) {
      report(caught);
    } finally {
      setIssuing(false);
    }
  };
  const remove = async () => {
    try {
      await api.delete(`/api/reports/${id}`);
      navigate("/reports");
    } catch (caught) {
      report(caught);
    }
  };

  const content = doc.content;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <div style={{ display: "flex", justifyContent: "space-between", gap: 12, flexWrap: "wrap", alignItems: "center" }}>
          <Space wrap>
            <Link to="/reports">{t("reports.back")}</Link>
            <Typography.Text type="secondary">{t(`reports.kind.${doc.kind}`)}</Typography.Text>
            <ReportStatus report={doc} />
          </Space>
          <Space wrap>
            {writable ? (
              <Space size={4}>
                <Switch
                  size="small"
                  checked={content.redHeader}
                  onChange={(redHeader) => void patch({ redHeader })}
                  data-testid="report-red-header"
                />
                <span>{t("reports.redHeader")}</span>
              </Space>
            ) : null}
            <Typography.Text type="secondary">{t("reports.exportDraft")}</Typography.Text>
            <ExportButtons base={`/api/reports/${id}/export`} testId="report-export" />
            {canIssueReports(user.role) ? (
              <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setConfirmIssue(true)} data-testid="report-issue">
                {t("reports.issue")}
              </Button>
            ) : null}
            {writable && doc.versions.length === 0 ? (
              <Popconfirm title={t("reports.deleteConfirm")} onConfirm={() => void remove()}>
                <Button danger icon={<DeleteOutlined />} data-testid="report-delete">{t("reports.deleteDraft")}</Button>
              </Popconfirm>
            ) : null}
          </Space>
        </div>
      </Card>
      {doc.changedSinceIssue && doc.version ? (
        <Alert type="warning" showIcon data-testid="report-changed" title={t("reports.changedSinceIssue", { n: doc.version, next: doc.version + 1 })} />
      ) : null}
      {!writable ? <Alert type="info" showIcon title={t("reports.readOnly")} /> : null}
      <Card className="report-paper" style={{ maxWidth: 900, margin: "0 auto", width: "100%" }}>
        <ReportDocHeader
          content={content}
          number={doc.number}
          onTitle={writable ? (title) => void patch({ title }) : undefined}
          onIssuingUnit={writable ? (issuingUnit) => void patch({ issuingUnit }) : undefined}
        />
        {content.sections.map((section) => (
          <ReportSectionEditor
            key={section.key}
            section={section}
            onSave={writable ? (key, text) => patch({ sections: { [key]: { text } } }) : null}
            onRemove={writable ? (key) => void patch({ removeSections: [key] }) : null}
            onRename={writable ? (key, title) => void patch({ sections: { [key]: { title } } }) : null}
          />
        ))}
        <Typography.Text type="secondary">{t("reports.generatedAt", { time: formatTime(content.generatedAt) })}</Typography.Text>
      </Card>
      <ReportVersionsCard versions={doc.versions} />
      <Modal
        open={confirmIssue}
        title={t("reports.issueTitle")}
        okText={t("reports.issue")}
        cancelText={t("common.cancel")}
        confirmLoading={issuing}
        onOk={() => void issue()}
        onCancel={() => setConfirmIssue(false)}
        okButtonProps={{ "data-testid": "report-issue-ok" }}
      >
        <Typography.Paragraph>{t("reports.issueConfirm")}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}
