// Merge another event into this one: pick it by search, confirm, and the server moves its items over.
import { useEffect, useState } from "react";
import { Alert, App, Modal } from "antd";
import type { EventDetailView } from "../../src/shared/analysis-api";
import { api } from "../api/client";
import { EventSelect } from "../components/event-select";
import { useT } from "../locales/i18n";
import { useReportError } from "../lib/use-report-error";

/** Props of EventMergeModal: `target` is the event that absorbs the picked one. */
export interface EventMergeModalProps {
  open: boolean;
  target: EventDetailView;
  onClose: () => void;
  onMerged: () => void;
}

/** The 「合并事件」 dialog. */
export function EventMergeModal({ open, target, onClose, onMerged }: EventMergeModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const [picked, setPicked] = useState<number>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) setPicked(undefined);
  }, [open]);

  const merge = async () => {
    if (picked === undefined) return;
    setBusy(true);
    try {
      await api.post<EventDetailView>(`/api/events/${target.id}/merge`, { eventId: picked });
      void message.success(t("event.merged"));
      onMerged();
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("event.mergeTitle")}
      onCancel={onClose}
      onOk={() => void merge()}
      okText={t("event.merge")}
      okButtonProps={{ disabled: picked === undefined, loading: busy, "data-testid": "event-merge-submit" }}
      cancelText={t("common.cancel")}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t("event.mergeHint")} style={{ marginBottom: 16 }} />
      {open && (
        <EventSelect
          value={picked}
          onChange={setPicked}
          exclude={target.id}
          placeholder={t("event.mergePick")}
          style={{ width: "100%" }}
          testId="event-merge-select"
        />
      )}
    </Modal>
  );
}
