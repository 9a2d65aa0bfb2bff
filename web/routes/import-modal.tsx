// Import a CSV/XLSX/JSONL file in two steps: upload (with a progress bar) → pick the columns with a
// preview of the first rows → storing (a bar of the rows stored so far, asked of the server) → the
// result, with each refused row's number and reason.
import { useState } from "react";
import { Alert, Button, Form, Input, List, Modal, Progress, Select, Space, Table, Typography } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { Link } from "react-router-dom";
import { api, uploadFileWithProgress } from "../api/client";
import { useT } from "../locales/i18n";
import { required } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";

const FIELDS = ["title", "url", "text", "time", "author"] as const;
type Field = (typeof FIELDS)[number];
type Mapping = Partial<Record<Field, string>>;

/** Answer of POST /api/sources/import (step 1). */
interface UploadAnswer {
  uploadId: string; fileName: string; format: string; columns: string[];
  sampleRows: Record<string, string>[]; rowCount: number; suggestedMapping: Mapping;
}

/** Answer of GET /api/sources/import/:uploadId/progress while step 2 runs. */
interface ImportProgress { active: boolean; done: number; total: number }

/** How often the storing bar asks the server. */
const PROGRESS_POLL_MS = 500;

/** Answer of POST /api/sources/import/confirm (step 2). */
interface ImportAnswer {
  sourceId: number; imported: number; skipped: number; rejectedCount: number; rejected: { row: number; reason: string }[];
}

/** Whether a source is filled by import or manual entry (its URL is a placeholder; nothing to fetch). */
export function isFileSource(source: { kind: string }): boolean {
  return source.kind === "import" || source.kind === "manual";
}

/** Props of ImportButton. */
export interface ImportButtonProps { onImported: () => void }

/** The 导入文件 button and its dialog. */
export function ImportButton({ onImported }: ImportButtonProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="import-open">{t("import.open")}</Button>
      <ImportModal open={open} onClose={() => setOpen(false)} onImported={onImported} />
    </>
  );
}

/** Props of ImportModal. */
export interface ImportModalProps { open: boolean; onClose: () => void; onImported: () => void }

/** The file import dialog. */
export function ImportModal({ open, onClose, onImported }: ImportModalProps) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<{ sourceName: string; mapping: Mapping }>();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [upload, setUpload] = useState<UploadAnswer | null>(null);
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [needTitle, setNeedTitle] = useState(false);
  const [stored, setStored] = useState<ImportProgress | null>(null);

  const reset = () => {
    setFile(null);
    setPercent(null);
    setUpload(null);
    setResult(null);
    setNeedTitle(false);
  };
  const close = () => {
    reset();
    form.resetFields();
    onClose();
  };

  const send = async () => {
    if (!file) return;
    await form.validateFields(["sourceName"]);
    setBusy(true);
    setPercent(0);
    try {
      const answer = await uploadFileWithProgress<UploadAnswer>("/api/sources/import", file, setPercent);
      setUpload(answer);
      form.setFieldValue("mapping", answer.suggestedMapping);
    } catch (caught) {
      report(caught);
      setPercent(null);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!upload) return;
    const { sourceName, mapping = {} } = form.getFieldsValue(true) as { sourceName: string; mapping?: Mapping };
    const chosen = Object.fromEntries(Object.entries(mapping).filter(([, v]) => !!v)) as Mapping;
    if (!chosen.title && !chosen.text) return setNeedTitle(true);
    setNeedTitle(false);
    setBusy(true);
    setStored(null);
    // Storing a 200k-row file takes tens of seconds: show how far it got, not just that it is busy.
    const poll = window.setInterval(() => {
      api.get<ImportProgress>(`/api/sources/import/${encodeURIComponent(upload.uploadId)}/progress`)
        .then((p) => { if (p.active) setStored(p); })
        .catch(() => undefined);
    }, PROGRESS_POLL_MS);
    try {
      setResult(await api.post<ImportAnswer>("/api/sources/import/confirm", { uploadId: upload.uploadId, sourceName: sourceName.trim(), mapping: chosen }));
      onImported();
    } catch (caught) {
      report(caught);
    } finally {
      window.clearInterval(poll);
      setStored(null);
      setBusy(false);
    }
  };

  const columnOptions = [{ value: "", label: t("import.none") }, ...(upload?.columns ?? []).map((c) => ({ value: c, label: c }))];
  const footer = result ? (
    <Space>
      <Button onClick={() => { reset(); }} data-testid="import-again">{t("import.again")}</Button>
      <Link to="/items" onClick={close}><Button type="primary">{t("import.toLedger")}</Button></Link>
    </Space>
  ) : upload ? (
    <Button type="primary" loading={busy} onClick={() => void confirm()} data-testid="import-confirm">{t("import.confirm")}</Button>
  ) : (
    <Button type="primary" loading={busy} disabled={!file} onClick={() => void send()} data-testid="import-upload">{t("import.upload")}</Button>
  );

  return (
    <Modal open={open} title={t("import.title")} onCancel={close} footer={footer} width={760} destroyOnHidden>
      <Form form={form} name="source-import" layout="vertical" preserve>
        {!upload && (
          <>
            <Typography.Paragraph type="secondary">{t("import.intro")}</Typography.Paragraph>
            <Form.Item name="sourceName" label={t("import.sourceName")} extra={t("import.sourceNameHint")} rules={[required(t, t("import.sourceName"))]}>
              <Input maxLength={100} data-testid="import-source-name" />
            </Form.Item>
            <Form.Item label={t("import.file")} required>
              <Space>
                <Button icon={<UploadOutlined />} onClick={() => document.getElementById("import-file-input")?.click()}>{t("import.pick")}</Button>
                <Typography.Text>{file?.name ?? t("import.noFile")}</Typography.Text>
              </Space>
              <input
                id="import-file-input" type="file" hidden accept=".csv,.tsv,.txt,.xlsx,.jsonl,.ndjson" data-testid="import-file"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </Form.Item>
          </>
        )}
        {percent !== null && !upload && <Progress percent={percent} status={busy ? "active" : undefined} data-testid="import-progress" />}
        {upload && !result && (
          <>
            <Typography.Title level={5}>{t("import.mapping")}</Typography.Title>
            <Typography.Paragraph type="secondary">{t("import.mappingHint")}</Typography.Paragraph>
            <Space wrap>
              {FIELDS.map((f) => (
                <Form.Item key={f} name={["mapping", f]} label={t(`import.field.${f}`)} style={{ minWidth: 130 }}>
                  <Select options={columnOptions} data-testid={`import-map-${f}`} />
                </Form.Item>
              ))}
            </Space>
            {needTitle && <Alert type="error" showIcon message={t("import.needTitle")} style={{ marginBottom: 12 }} />}
            {busy && (stored && stored.total > 0 ? (
              <Progress
                percent={Math.floor((stored.done / stored.total) * 100)} status="active" data-testid="import-storing"
                format={() => t("import.storing", { done: stored.done, total: stored.total })}
              />
            ) : <Progress percent={0} status="active" showInfo={false} />)}
            <Typography.Text type="secondary">{t("import.sample", { n: upload.sampleRows.length, total: upload.rowCount })}</Typography.Text>
            <Table
              size="small" pagination={false} scroll={{ x: true }} rowKey={(_, i) => String(i)}
              dataSource={upload.sampleRows}
              columns={upload.columns.map((c) => ({ title: c, dataIndex: c, key: c, ellipsis: true, width: 140 }))}
            />
          </>
        )}
        {result && (
          <>
            <Alert
              type={result.imported > 0 ? "success" : "warning"} showIcon data-testid="import-result"
              message={t("import.result", { imported: result.imported, skipped: result.skipped, rejected: result.rejectedCount })}
            />
            {result.rejected.length > 0 && (
              <List
                size="small" style={{ marginTop: 12, maxHeight: 260, overflow: "auto" }} dataSource={result.rejected}
                renderItem={(r) => <List.Item>{t("import.rejectedRow", { row: r.row, reason: r.reason })}</List.Item>}
              />
            )}
            {result.rejectedCount > result.rejected.length && (
              <Typography.Text type="secondary">{t("import.rejectedMore", { n: result.rejectedCount - result.rejected.length })}</Typography.Text>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
