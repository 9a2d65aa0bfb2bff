// A case's attachments: the list with download links, and an upload button for who may take steps on it.
import { useState } from "react";
import { App, Button, Card, List, Typography, Upload } from "antd";
import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import type { CaseAttachmentView } from "../../src/shared/case-attachments-api";
import { uploadFile } from "../api/client";
import { useApi } from "../api/hooks";
import { canTakeCaseStep } from "../app/access";
import { useUser } from "../app/session";
import { useT } from "../locales/i18n";
import { formatBytes, formatTime } from "../lib/format";
import { useReportError } from "../lib/use-report-error";

/** The panel; `onChanged` reloads the case (its timeline shows the upload). */
export function CaseAttachmentsPanel({ caseId, onChanged }: { caseId: number; onChanged?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const role = useUser().role;
  const { data, reload } = useApi<{ attachments: CaseAttachmentView[] }>(`/api/cases/${caseId}/attachments`);
  const [busy, setBusy] = useState(false);
  const mayUpload = canTakeCaseStep(role, "reply") || canTakeCaseStep(role, "triage");

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const a = await uploadFile<CaseAttachmentView>(`/api/cases/${caseId}/attachments`, file);
      void message.success(t("cases.attachments.uploaded", { name: a.name }));
      reload();
      onChanged?.();
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t("cases.attachments")}
      data-testid="case-attachments"
      extra={
        mayUpload ? (
          <Upload
            showUploadList={false}
            accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.gif,.webp,.txt"
            customRequest={({ file }) => void upload(file as File)}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="case-attachment-upload">
              {t("cases.attachments.upload")}
            </Button>
          </Upload>
        ) : null
      }
    >
      {mayUpload ? <Typography.Paragraph type="secondary">{t("cases.attachments.hint")}</Typography.Paragraph> : null}
      <List
        size="small"
        locale={{ emptyText: t("cases.attachments.empty") }}
        dataSource={data?.attachments ?? []}
        renderItem={(a) => (
          <List.Item data-testid="case-attachment">
            <List.Item.Meta
              avatar={<PaperClipOutlined />}
              title={<a href={`/api/cases/${caseId}/attachments/${a.id}`} download={a.name}>{a.name}</a>}
              description={`${formatBytes(a.size)} · ${t("cases.attachments.by", { user: a.uploadedByName, time: formatTime(a.at) })}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
