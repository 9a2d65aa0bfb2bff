// Placeholder until the publicity module's page lands (replaced by its owner).
import { Card } from "antd";
import { useI18n } from "../locales/i18n";

/** PlacementProposalsPage. */
export function PlacementProposalsPage() {
  const { t } = useI18n();
  return <Card title={t("menu.placementProposals")} />;
}
