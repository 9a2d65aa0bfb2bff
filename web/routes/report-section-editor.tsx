// One section of a report draft: its heading, its text (a TextArea saved on blur or with the button,
// with a saved indicator), "删除本节", and the computed blocks below, read-only.
import { useEffect, useRef, useState } from "react";
import { Button, Input, Popconfirm, Space, Typography } from "antd";
import type { ReportSection } from "../../src/shared/report-types";
import { ReportBlocks } from "../components/report-blocks";
import { useT } from "../locales/i18n";

/** Props of ReportSectionEditor. */
export interface ReportSectionEditorProps {
  section: ReportSection;
  /** Null when the user may not edit (the text is shown as it prints). */
  onSave: ((key: string, text: string) => Promise<boolean>) | null;
  onRemove: ((key: string) => void) | null;
  /** Renames the section's heading (null: not editable). */
  onRename: ((key: string, title: string) => void) | null;
}

/** A section as it prints, with its text editable in place. */
export function ReportSectionEditor({ section, onSave, onRemove, onRename }: ReportSectionEditorProps) {
  const t = useT();
  const [text, setText] = useState(section.text);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  // The text last sent to the server: blur and the button both save, and only a change is sent.
  const sent = useRef(section.text);
  const dirty = text !== sent.current;

  useEffect(() => {
    // A newer text from the server (another tab's save, a reload) replaces ours only when we have no edit.
    if (text === sent.current) setText(section.text);
    sent.current = section.text;
  }, [section.text]);

  const save = async () => {
    if (!onSave || text === sent.current) return;
    const previous = sent.current;
    sent.current = text;
    setState("saving");
    const ok = await onSave(section.key, text);
    if (!ok) sent.current = previous;
    setState(ok ? "saved" : "idle");
  };

  const status = dirty ? (
    <Typography.Text type="warning">{t("reports.section.unsaved")}</Typography.Text>
  ) : state === "saving" ? (
    <Typography.Text type="secondary">{t("reports.section.saving")}</Typography.Text>
  ) : state === "saved" ? (
    <Typography.Text type="success" data-testid={`section-saved-${section.key}`}>{t("reports.section.saved")}</Typography.Text>
  ) : null;

  return (
    <section data-testid={`report-section-${section.key}`} style={{ marginBottom: 24 }}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: 8, flexWrap: "wrap" }}>
        <Typography.Title
          level={4}
          style={{ marginTop: 0 }}
          editable={onRename ? { onChange: (title) => title.trim() && title.trim() !== section.title && onRename(section.key, title.trim()) } : false}
        >
          {section.title}
        </Typography.Title>
        {onRemove ? (
          <Popconfirm title={t("reports.section.removeConfirm", { title: section.title })} onConfirm={() => onRemove(section.key)} okButtonProps={{ "data-testid": "section-remove-ok" }}>
            <Button size="small" type="link" danger data-testid={`section-remove-${section.key}`}>{t("reports.section.remove")}</Button>
          </Popconfirm>
        ) : null}
      </div>
      {onSave ? (
        <Space orientation="vertical" style={{ width: "100%", marginBottom: 12 }}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => void save()}
            autoSize={{ minRows: 3, maxRows: 16 }}
            maxLength={20000}
            placeholder={t("reports.section.placeholder")}
            aria-label={section.title}
            data-testid={`section-text-${section.key}`}
          />
          <Space>
            <Button size="small" disabled={!dirty} loading={state === "saving"} onClick={() => void save()} data-testid={`section-save-${section.key}`}>
              {t("reports.section.save")}
            </Button>
            {status}
          </Space>
        </Space>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }} data-testid={`section-body-${section.key}`}>
          {section.text || <Typography.Text type="secondary">{t("reports.section.noText")}</Typography.Text>}
        </Typography.Paragraph>
      )}
      <ReportBlocks blocks={section.blocks} />
    </section>
  );
}
