// What the signed-in role may do with a board message: accept or reject it (moderators), route it to a
// unit, approve or return a waiting draft (admin, spokesperson), open a case from it, and open the
// poster's contact (admins, with a reason; shown once). The server enforces every one of these.
import { useMemo, useState } from "react";
import { Alert, Button, Space, TreeSelect, Typography } from "antd";
import { Link, useNavigate } from "react-router-dom";
import type { UnitView } from "../../src/shared/api";
import { api } from "../api/client";
import { canModerateBoard, canOpenCases, canPublishBoard, canViewBoardContact } from "../app/access";
import { useUser } from "../app/session";
import { useT } from "../locales/i18n";
import { buildUnitTree } from "../lib/unit-tree";
import { useReportError } from "../lib/use-report-error";
import type { BoardStaffMessage } from "./board-admin-types";
import { BoardReasonModal } from "./board-reason-modal";

type Asking = "reject" | "return" | "contact" | null;

/** The action bar of message `m`; `onDone` receives the message after a change. */
export function BoardMessageActions({ m, units, onDone }: { m: BoardStaffMessage; units: UnitView[]; onDone: (m: BoardStaffMessage) => void }) {
  const t = useT();
  const { role } = useUser();
  const navigate = useNavigate();
  const report = useReportError();
  const tree = useMemo(() => buildUnitTree(units), [units]);
  const [unitId, setUnitId] = useState<number | undefined>(m.unitId ?? undefined);
  const [busy, setBusy] = useState<string>();
  const [asking, setAsking] = useState<Asking>(null);
  const [contact, setContact] = useState<string | null>();
  const open = m.status === "held" || m.status === "accepted";

  const run = async (key: string, call: () => Promise<void>) => {
    setBusy(key);
    try {
      await call();
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(undefined);
    }
  };
  const post = (path: string, body: unknown = {}) => api.post<BoardStaffMessage>(`/api/board/messages/${m.id}/${path}`, body);

  return (
    <Space direction="vertical" style={{ width: "100%" }} size={12}>
      <Space wrap>
        {canModerateBoard(role) && m.status === "held" ? (
          <Button type="primary" loading={busy === "accept"} onClick={() => void run("accept", async () => onDone(await post("moderate", { decision: "accept" })))} data-testid="board-accept">
            {t("board.accept")}
          </Button>
        ) : null}
        {canModerateBoard(role) && open ? (
          <Button danger onClick={() => setAsking("reject")} data-testid="board-reject">{t("board.reject")}</Button>
        ) : null}
        {canPublishBoard(role) && m.draftText && m.status === "accepted" ? (
          <>
            <Button type="primary" loading={busy === "approve"} onClick={() => void run("approve", async () => onDone(await post("approve")))} data-testid="board-approve">
              {t("board.approve")}
            </Button>
            <Button onClick={() => setAsking("return")} data-testid="board-return">{t("board.return")}</Button>
          </>
        ) : null}
        {m.caseId != null ? (
          <Link to={`/cases/${m.caseId}`} data-testid="board-case-link">{t("board.caseLink", { id: m.caseId })}</Link>
        ) : canOpenCases(role) ? (
          <Button
            loading={busy === "case"}
            onClick={() => void run("case", async () => navigate(`/cases/${(await api.post<{ caseId: number }>(`/api/board/messages/${m.id}/case`, {})).caseId}`))}
            data-testid="board-to-case"
          >
            {t("board.toCase")}
          </Button>
        ) : null}
        {canViewBoardContact(role) && m.hasContact && contact === undefined ? (
          <Button onClick={() => setAsking("contact")} data-testid="board-contact">{t("board.contact")}</Button>
        ) : null}
      </Space>
      {contact !== undefined ? (
        <Alert type="warning" showIcon title={t("board.contactShown")} description={<Typography.Text copyable data-testid="board-contact-value">{contact ?? t("board.contactNone")}</Typography.Text>} />
      ) : null}
      {canModerateBoard(role) && open ? (
        <Space.Compact style={{ width: "100%", maxWidth: 420 }}>
          <TreeSelect
            style={{ flex: 1 }}
            treeDefaultExpandAll
            treeData={tree}
            value={unitId}
            onChange={(v: number) => setUnitId(v)}
            placeholder={t("board.route")}
            aria-label={t("board.route")}
            data-testid="board-route-unit"
          />
          <Button
            disabled={unitId === undefined || unitId === m.unitId}
            loading={busy === "route"}
            onClick={() => void run("route", async () => onDone(await post("route", { unitId })))}
            data-testid="board-route"
          >
            {t("board.routeTo")}
          </Button>
        </Space.Compact>
      ) : null}
      <BoardReasonModal
        open={asking !== null}
        title={asking === "reject" ? t("board.reject") : asking === "return" ? t("board.return") : t("board.contact")}
        label={asking === "reject" ? t("board.rejectReason") : asking === "return" ? t("board.returnReason") : t("board.contactReason")}
        onClose={() => setAsking(null)}
        onSubmit={async (reason) => {
          if (asking === "reject") onDone(await post("moderate", { decision: "reject", reason }));
          else if (asking === "return") onDone(await post("return", { reason }));
          else setContact((await api.post<{ contact: string | null }>(`/api/board/messages/${m.id}/contact`, { reason })).contact);
        }}
      />
    </Space>
  );
}
