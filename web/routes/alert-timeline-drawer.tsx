// An alert's timeline (处置时间线): raised, delivered (to channels and people), escalated, acknowledged.
import { Drawer, Tag, Timeline, Typography } from "antd";
import type { AlertStepView } from "../../src/shared/duty-api";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";

const COLOR: Record<AlertStepView["kind"], string> = { created: "blue", delivered: "green", escalated: "red", acknowledged: "gray" };

/** The drawer; `alertId` undefined = closed. */
export function AlertTimelineDrawer({ alertId, onClose }: { alertId: number | undefined; onClose: () => void }) {
  const t = useT();
  const { data, error, reload } = useApi<{ steps: AlertStepView[] }>(alertId ? `/api/alerts/${alertId}/steps` : null, { refreshMs: 30_000 });
  return (
    <Drawer open={alertId !== undefined} onClose={onClose} title={`${t("alerts.timeline")} #${alertId ?? ""}`} width={420} destroyOnHidden>
      {error ? <LoadFailed error={error} onRetry={reload} /> : (
        <Timeline
          data-testid="alert-timeline"
          items={(data?.steps ?? []).map((s) => ({
            color: COLOR[s.kind],
            children: (
              <>
                <Typography.Text type="secondary">{formatTime(s.at)}</Typography.Text>{" "}
                <Tag color={COLOR[s.kind]}>{t(`alerts.step.${s.kind}`)}</Tag>
                {s.userName ? <Typography.Text strong>{s.userName}</Typography.Text> : null}
                {s.note ? <div><Typography.Text type="secondary">{s.note}</Typography.Text></div> : null}
              </>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
