// Coloured tag for an item's triage status.
import { Tag } from "antd";
import type { ItemStatus } from "../../src/shared/api";
import { useT } from "../locales/i18n";

const COLORS: Record<ItemStatus, string> = { new: "blue", seen: "default", ignored: "orange" };

/** The localised status of an item. */
export function StatusTag({ status }: { status: ItemStatus }) {
  const t = useT();
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
