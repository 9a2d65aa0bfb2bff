// Triage in the ledger: selection, the focused row, bulk and per-row status changes, keyboard shortcuts.
import { useCallback, useEffect, useState, type Key, type ReactNode } from "react";
import { App, Button, Modal, Space, Tooltip, Typography } from "antd";
import { AlertOutlined, CheckOutlined, FileAddOutlined, QuestionCircleOutlined, StopOutlined, UndoOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router-dom";
import type { BulkTriageResult, ItemStatus, ItemView } from "../../src/shared/api";
import { api } from "../api/client";
import { StatusTag } from "../components/status-tag";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { formatTime } from "../lib/format";
import { LEDGER_KEYS, moveFocus, useLedgerKeys, type LedgerAction } from "../lib/ledger-keys";
import { useReportError } from "../lib/use-report-error";
import { RaiseAlertModal, type RaiseSubject } from "./raise-alert-modal";
import { NewCaseModal, type CaseDraft } from "./case-new-modal";
import { canOpenCases } from "../app/access";
import { useUser } from "../app/session";

/** What the ledger needs from useItemTriage. */
export interface ItemTriage {
  selected: Key[];
  setSelected: (keys: Key[]) => void;
  focusedId: number | null;
  setFocusedId: (id: number) => void;
  busy: boolean;
  /** Sets `status` on `ids` (POST /api/items/triage), then reloads the page. */
  apply: (ids: number[], status: ItemStatus) => Promise<void>;
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
  /** The item the "发预警" dialog is open for. */
  raising: RaiseSubject | null;
  setRaising: (subject: RaiseSubject | null) => void;
  /** Whether the user may open cases ("立案"), and the draft the new-case dialog is open with. */
  mayOpenCase: boolean;
  caseDraft: CaseDraft | null;
  /** Opens the new-case dialog for these items (titled after the first). */
  openCaseFor: (ids: number[]) => void;
  closeCase: () => void;
}

/** Selection, focus and status changes for the ledger's rows; shortcuts are live while `enabled`. */
export function useItemTriage(items: readonly ItemView[], enabled: boolean, reload: () => void): ItemTriage {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<Key[]>([]);
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [raising, setRaising] = useState<RaiseSubject | null>(null);
  const [caseDraft, setCaseDraft] = useState<CaseDraft | null>(null);
  const mayOpenCase = canOpenCases(useUser().role);
  const openCaseFor = useCallback((ids: number[]) => {
    const first = items.find((item) => ids.includes(item.id));
    if (!first) return;
    const title = ids.length > 1 ? t("cases.openFromItems", { title: first.title, n: ids.length }) : first.title;
    setCaseDraft({ title: title.slice(0, 200), itemIds: ids });
  }, [items, t]);

  // Selected rows that left the page (another page, a filter) are no longer selected.
  useEffect(() => {
    setSelected((keys) => {
      const kept = keys.filter((key) => items.some((item) => item.id === key));
      return kept.length === keys.length ? keys : kept;
    });
  }, [items]);

  const apply = useCallback(async (ids: number[], status: ItemStatus) => {
    if (!ids.length) return;
    setBusy(true);
    try {
      const { updated } = await api.post<BulkTriageResult>("/api/items/triage", { ids, status });
      void message.success(updated ? t("triage.done", { n: updated }) : t("triage.unchanged"));
      setSelected((keys) => keys.filter((key) => !ids.includes(Number(key))));
      reload();
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  }, [message, reload, report, t]);

  const onKey = (action: LedgerAction) => {
    const index = items.findIndex((item) => item.id === focusedId);
    const focused = index >= 0 ? items[index] : undefined;
    // Bulk keys act on the selection, or on the focused row when nothing is selected (as in a mail reader).
    const targets = selected.length ? selected.map(Number) : focused ? [focused.id] : [];
    switch (action) {
      case "next":
      case "prev": {
        const next = moveFocus(index, action === "next" ? 1 : -1, items.length);
        if (next >= 0) setFocusedId(items[next].id);
        return;
      }
      case "toggle":
        if (focused) setSelected(selected.includes(focused.id) ? selected.filter((key) => key !== focused.id) : [...selected, focused.id]);
        return;
      case "ignore":
        if (!busy) void apply(targets, "ignored");
        return;
      case "seen":
        if (!busy) void apply(targets, "seen");
        return;
      case "open":
        if (focused) navigate(`/items/${focused.id}`);
        return;
      case "help":
        setHelpOpen(!helpOpen);
    }
  };
  useLedgerKeys(enabled && raising === null && caseDraft === null, onKey);

  // Keep the focused row in sight as j/k move it.
  useEffect(() => {
    if (focusedId !== null) document.querySelector(`tr[data-row-key="${focusedId}"]`)?.scrollIntoView({ block: "nearest" });
  }, [focusedId]);

  return {
    selected, setSelected, focusedId, setFocusedId, busy, apply, helpOpen, setHelpOpen, raising, setRaising,
    mayOpenCase, caseDraft, openCaseFor, closeCase: () => setCaseDraft(null),
  };
}

const BULK: { status: ItemStatus; label: MessageKey; icon: ReactNode; testId: string }[] = [
  { status: "seen", label: "triage.markSeen", icon: <CheckOutlined />, testId: "triage-seen" },
  { status: "ignored", label: "triage.ignore", icon: <StopOutlined />, testId: "triage-ignore" },
  { status: "new", label: "triage.restore", icon: <UndoOutlined />, testId: "triage-restore" },
];

/** The bulk action bar above the ledger, with the shortcut help. */
export function TriageBar({ triage }: { triage: ItemTriage }) {
  const t = useT();
  const navigate = useNavigate();
  const { selected, busy, apply, setSelected, helpOpen, setHelpOpen } = triage;
  const none = selected.length === 0;
  return (
    <div className="triage-bar" data-testid="triage-bar">
      <Space wrap size="small">
        <Typography.Text strong data-testid="triage-count">{t("triage.selected", { n: selected.length })}</Typography.Text>
        {BULK.map((action) => (
          <Button
            key={action.status}
            size="small"
            icon={action.icon}
            disabled={none || busy}
            onClick={() => void apply(selected.map(Number), action.status)}
            data-testid={action.testId}
          >
            {t(action.label)}
          </Button>
        ))}
        {triage.mayOpenCase && (
          <Tooltip title={t("cases.openCaseHint")}>
            <Button size="small" icon={<FileAddOutlined />} disabled={none} onClick={() => triage.openCaseFor(selected.map(Number))} data-testid="triage-open-case">
              {t("cases.openCase")}
            </Button>
          </Tooltip>
        )}
        {!none && (
          <Button size="small" type="link" onClick={() => setSelected([])} data-testid="triage-clear">
            {t("triage.clear")}
          </Button>
        )}
      </Space>
      <Tooltip title={t("triage.keysHint")}>
        <Button
          size="small"
          type="text"
          icon={<QuestionCircleOutlined />}
          onClick={() => setHelpOpen(true)}
          className="triage-help"
          data-testid="triage-help"
        >
          {t("triage.shortcuts")}
        </Button>
      </Tooltip>
      <Modal open={helpOpen} title={t("triage.shortcuts")} footer={null} onCancel={() => setHelpOpen(false)}>
        <table className="shortcut-table" data-testid="triage-help-table">
          <tbody>
            {LEDGER_KEYS.map(({ key, action }) => (
              <tr key={key}>
                <td><Typography.Text keyboard>{key}</Typography.Text></td>
                <td>{t(`triage.key.${action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Modal>
      <RaiseAlertModal subject={triage.raising} onClose={() => triage.setRaising(null)} />
      <NewCaseModal open={triage.caseDraft !== null} initial={triage.caseDraft ?? undefined} onClose={triage.closeCase} onCreated={(id) => navigate(`/cases/${id}`)} />
    </div>
  );
}

/** A row's status with who set it (the time in a tooltip). */
export function TriageStatus({ item }: { item: ItemView }) {
  const t = useT();
  const tip = item.triagedAt
    ? t(item.triagedBy ? "triage.by" : "triage.byUnknown", { user: item.triagedBy ?? "", time: formatTime(item.triagedAt) })
    : t("triage.untouched");
  return (
    <Tooltip title={tip}>
      <span data-testid="item-status" data-status={item.status}>
        <StatusTag status={item.status} />
        {item.triagedBy && (
          <Typography.Text type="secondary" ellipsis className="triaged-by" data-testid="item-triaged-by">
            {item.triagedBy}
          </Typography.Text>
        )}
      </span>
    </Tooltip>
  );
}

/** Per-row buttons: the statuses the row is not in. */
export function RowTriage({ item, triage }: { item: ItemView; triage: ItemTriage }) {
  const t = useT();
  return (
    <Space size={0}>
      {BULK.filter((action) => action.status !== item.status).map((action) => (
        <Tooltip key={action.status} title={t(action.label)}>
          <Button
            size="small"
            type="text"
            icon={action.icon}
            aria-label={t(action.label)}
            disabled={triage.busy}
            onClick={() => void triage.apply([item.id], action.status)}
            data-testid={`row-${action.testId}`}
          />
        </Tooltip>
      ))}
      <Tooltip title={t("alerts.raise")}>
        <Button
          size="small"
          type="text"
          icon={<AlertOutlined />}
          aria-label={t("alerts.raise")}
          onClick={() => triage.setRaising({ itemId: item.id, title: item.title })}
          data-testid="row-raise-alert"
        />
      </Tooltip>
      {triage.mayOpenCase && (
        <Tooltip title={t("cases.openCase")}>
          <Button
            size="small"
            type="text"
            icon={<FileAddOutlined />}
            aria-label={t("cases.openCase")}
            onClick={() => triage.openCaseFor([item.id])}
            data-testid="row-open-case"
          />
        </Tooltip>
      )}
    </Space>
  );
}
