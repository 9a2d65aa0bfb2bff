// 宣传设置 (administrators): the outlet list, the points table's versions, the year's quotas and the review flows.
import { Space } from "antd";
import { ReviewFlowsCard } from "./review-flows-card";
import { PublicitySettingsOutlets } from "./publicity-settings-outlets";
import { PublicitySettingsRules } from "./publicity-settings-rules";
import { PublicitySettingsQuotas } from "./publicity-settings-quotas";

/** The /publicity-settings page. */
export function PublicitySettingsPage() {
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <PublicitySettingsOutlets />
      <PublicitySettingsRules />
      <PublicitySettingsQuotas />
      <ReviewFlowsCard />
    </Space>
  );
}
