// 疑似已刊发: ledger items that carry the text of an approved news draft, proposed as placements (confirm
// with one click, or dismiss), the spread (reposts) per draft, and a button to scan the ledger now.
import { useState } from "react";
import { App, Button, Card, Tabs, Typography } from "antd";
import { ReloadOutlined } from "@ant-design/icons";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { useReportError } from "../lib/use-report-error";
import { ProposalPendingTable } from "./proposal-pending-table";
import { ProposalSpreadTable } from "./proposal-spread-table";
import type { OutletOption, ProposalView, ScanResult } from "./proposal-types";

/** The /placement-proposals page. */
export function PlacementProposalsPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const pending = useApi<{ proposals: ProposalView[] }>("/api/placement-proposals?state=pending", { keepPrevious: true });
  const outlets = useApi<{ outlets: OutletOption[] }>("/api/outlets?active=true", { keepPrevious: true });
  const [scanning, setScanning] = useState(false);
  const [version, setVersion] = useState(0);

  const scan = async () => {
    setScanning(true);
    try {
      const r = await api.post<ScanResult>("/api/placement-proposals/scan");
      void message.success(t("pubProposals.scanDone", { scanned: r.scanned, proposed: r.proposed, spread: r.spread }));
      pending.reload();
      setVersion((v) => v + 1);
    } catch (caught) {
      report(caught);
    } finally {
      setScanning(false);
    }
  };

  return (
    <Card
      title={t("menu.placementProposals")}
      extra={<Button icon={<ReloadOutlined />} loading={scanning} onClick={() => void scan()} data-testid="proposal-scan">{t("pubProposals.scan")}</Button>}
    >
      <Typography.Paragraph type="secondary">{t("pubProposals.intro")}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: "pending",
            label: t("pubProposals.tabPending", { n: pending.data?.proposals.length ?? 0 }),
            children: pending.error && !pending.data
              ? <LoadFailed error={pending.error} onRetry={pending.reload} />
              : (
                <ProposalPendingTable
                  rows={pending.data?.proposals ?? []}
                  loading={pending.loading && !pending.data}
                  outlets={outlets.data?.outlets ?? []}
                  onChanged={pending.reload}
                />
              ),
          },
          { key: "spread", label: t("pubProposals.tabSpread"), children: <ProposalSpreadTable version={version} /> },
        ]}
      />
    </Card>
  );
}
