// The 「转载 N」 link and the drawer it opens; the group's body (with its chart) loads lazily.
import { lazy, Suspense } from "react";
import { Button, Drawer } from "antd";
import type { ItemAnalysisView } from "../../src/shared/analysis-api";
import { useT } from "../locales/i18n";
import { PageSpinner } from "./page-states";

const RepostGroup = lazy(() => import("./repost-group").then((m) => ({ default: m.RepostGroup })));

/** 「转载 N」 as a link button when the item has copies; nothing otherwise. */
export function RepostCount(props: { analysis: ItemAnalysisView | null; onOpen: (group: string) => void }) {
  const { analysis, onOpen } = props;
  const t = useT();
  const group = analysis?.dupGroup;
  if (!group || !analysis.repostCount) return null;
  return (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(group)} data-testid="repost-count">
      {t("reposts.count", { n: analysis.repostCount })}
    </Button>
  );
}

/** A drawer showing one repost group; `group` null = closed. */
export function RepostDrawer({ group, onClose }: { group: string | null; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer open={group !== null} onClose={onClose} title={t("reposts.title")} size={760} destroyOnHidden>
      {group !== null && (
        <Suspense fallback={<PageSpinner />}>
          <RepostGroup group={group} />
        </Suspense>
      )}
    </Drawer>
  );
}
