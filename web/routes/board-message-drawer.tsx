// One board message in a drawer: what was written, where it stands, its history, the draft waiting
// for approval or the published answer, and the actions the role may take.
import { useEffect, useState } from "react";
import { Descriptions, Divider, Drawer, Grid, Space, Tag, Timeline, Typography } from "antd";
import type { UnitView } from "../../src/shared/api";
import { useApi } from "../api/hooks";
import { canAnswerBoard } from "../app/access";
import { useUser } from "../app/session";
import { LoadFailed, PageSpinner } from "../components/page-states";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { formatTime } from "../lib/format";
import type { BoardStaffMessage } from "./board-admin-types";
import { BoardAnswerForm } from "./board-answer-form";
import { BoardMessageActions } from "./board-message-actions";

/** The drawer of message `id` (closed when null); `onChanged` after any action. */
export function BoardMessageDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const { role } = useUser();
  const phone = Grid.useBreakpoint().md === false;
  const { data, error, reload } = useApi<BoardStaffMessage>(id ? `/api/board/messages/${id}` : null);
  const units = useApi<{ units: UnitView[] }>(id ? "/api/units" : null);
  const [shown, setShown] = useState<BoardStaffMessage>();
  useEffect(() => setShown(undefined), [id]);
  // The answer of an action shows at once; a later reload brings the same.
  const m = shown?.id === id ? shown : data?.id === id ? data : undefined;
  const done = (next: BoardStaffMessage) => {
    setShown(next);
    onChanged();
    reload();
  };

  let body;
  if (error && !m) body = <LoadFailed error={error} onRetry={reload} />;
  else if (!m) body = <PageSpinner />;
  else
    body = (
      <Space direction="vertical" size={12} style={{ width: "100%" }}>
        <Space wrap>
          <Tag data-testid="board-status">{t(`board.status.${m.status}` as MessageKey)}</Tag>
          <Tag>{t(`board.category.${m.category}` as MessageKey)}</Tag>
          {m.anonymous ? <Tag>{t("board.anonymous")}</Tag> : null}
          {m.overdue ? <Tag color="red">{t("board.overdue")}</Tag> : null}
        </Space>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t("board.queryCode")}>{m.queryCode}</Descriptions.Item>
          <Descriptions.Item label={t("board.unit")}><span data-testid="board-unit">{m.unitName ?? "—"}</span></Descriptions.Item>
          <Descriptions.Item label={t("board.createdAt")}>{formatTime(m.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t("board.dueAt")}>
            {m.dueAt ? <Typography.Text type={m.overdue ? "danger" : undefined}>{formatTime(m.dueAt)}</Typography.Text> : "—"}
          </Descriptions.Item>
          {m.moderationReason ? (
            <Descriptions.Item label={m.status === "rejected" ? t("board.rejectReason") : t("board.holdReason")}>{m.moderationReason}</Descriptions.Item>
          ) : null}
          {m.rating ? <Descriptions.Item label={t("board.rating")}>{t(`board.rating.${m.rating}` as MessageKey)}</Descriptions.Item> : null}
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }} data-testid="board-text">{m.text}</Typography.Paragraph>
        {m.draftText ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("board.draft")}><span style={{ whiteSpace: "pre-wrap" }} data-testid="board-draft">{m.draftText}</span></Descriptions.Item>
          </Descriptions>
        ) : null}
        {m.answerText ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("board.answer")}><span style={{ whiteSpace: "pre-wrap" }} data-testid="board-answer">{m.answerText}</span></Descriptions.Item>
            <Descriptions.Item label={t("board.answeredAt")}>{formatTime(m.answeredAt)}</Descriptions.Item>
          </Descriptions>
        ) : null}
        <BoardMessageActions key={`${m.id}-${m.status}-${m.unitId}`} m={m} units={units.data?.units ?? []} onDone={done} />
        {canAnswerBoard(role) && m.status === "accepted" && !m.draftText ? <BoardAnswerForm m={m} onDone={done} /> : null}
        <Divider titlePlacement="start" plain>{t("board.steps")}</Divider>
        <Timeline
          data-testid="board-steps"
          items={(m.steps ?? []).map((s) => ({
            content: (
              <>
                <Typography.Text strong>{t(`board.step.${s.kind}` as MessageKey)}</Typography.Text>{" "}
                <Typography.Text type="secondary">{s.userName} · {formatTime(s.at)}</Typography.Text>
                {s.text ? <div style={{ whiteSpace: "pre-wrap" }}>{s.kind === "rated" ? t(`board.rating.${s.text}` as MessageKey) : s.text}</div> : null}
              </>
            ),
          }))}
        />
      </Space>
    );

  return (
    <Drawer open={id !== null} onClose={onClose} title={m ? `#${m.id} ${m.title}` : ""} size={phone ? "100%" : 560} destroyOnHidden data-testid="board-drawer">
      {body}
    </Drawer>
  );
}
