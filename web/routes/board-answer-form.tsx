// The answer box of a board message: says before sending whether the answer is published at once (an
// admin or the spokesperson) or goes to the spokesperson for approval (everyone else).
import { useState } from "react";
import { Alert, Button, Form, Input } from "antd";
import { api } from "../api/client";
import { canPublishBoard } from "../app/access";
import { useUser } from "../app/session";
import { useT } from "../locales/i18n";
import { required } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import type { BoardStaffMessage } from "./board-admin-types";

/** Answer form for message `m` (accepted, routed to a unit). */
export function BoardAnswerForm({ m, onDone }: { m: BoardStaffMessage; onDone: (m: BoardStaffMessage) => void }) {
  const t = useT();
  const user = useUser();
  const report = useReportError();
  const [form] = Form.useForm<{ text: string }>();
  const [saving, setSaving] = useState(false);
  if (m.unitId == null) return <Alert type="info" showIcon title={t("board.answerNeedsUnit")} />;
  const publishes = canPublishBoard(user.role);
  const submit = async ({ text }: { text: string }) => {
    setSaving(true);
    try {
      onDone(await api.post<BoardStaffMessage>(`/api/board/messages/${m.id}/answer`, { text: text.trim() }));
      form.resetFields();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      <Form.Item
        name="text"
        label={t("board.answerLabel")}
        extra={<span data-testid="board-answer-mode">{publishes ? t("board.answerPublishes") : t("board.answerForApproval")}</span>}
        rules={[required(t, t("board.answerLabel"))]}
      >
        <Input.TextArea rows={5} maxLength={10_000} data-testid="board-answer-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="board-answer-submit">
        {t("board.answerSubmit")}
      </Button>
    </Form>
  );
}
