// Units (单位): the unit tree with create, rename/move and delete.
import { useMemo, useState } from "react";
import { App, Button, Card, Popconfirm, Space, Table } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { UnitView } from "../../src/shared/api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { buildUnitTree, type UnitNode } from "../lib/unit-tree";
import { useReportError } from "../lib/use-report-error";
import { UnitFormModal, type UnitDraft } from "./unit-form-modal";

/** The /units page. */
export function UnitsPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const { data, error, loading, reload } = useApi<{ units: UnitView[] }>("/api/units", { keepPrevious: true });
  const [draft, setDraft] = useState<UnitDraft>();
  // Everything starts expanded; remember only what the user folded so new units show up unfolded.
  const [folded, setFolded] = useState<ReadonlySet<number>>(new Set());
  const units = useMemo(() => data?.units ?? [], [data]);
  const tree = useMemo(() => buildUnitTree(units), [units]);

  const remove = async (unit: UnitView) => {
    try {
      await api.delete(`/api/units/${unit.id}`);
      void message.success(t("common.deleted"));
      reload();
    } catch (caught) {
      // A unit with users or sub-units gets 409 and a message saying so.
      report(caught);
    }
  };

  const columns: TableColumnsType<UnitNode> = [
    { title: t("units.name"), dataIndex: "title" },
    {
      title: t("common.actions"),
      key: "actions",
      width: 280,
      render: (_, node) => (
        <Space size={0}>
          <Button type="link" onClick={() => setDraft({ kind: "new", parentId: node.unit.id })}>
            {t("units.addChild")}
          </Button>
          <Button type="link" onClick={() => setDraft({ kind: "edit", unit: node.unit })}>
            {t("common.edit")}
          </Button>
          <Popconfirm title={t("common.confirmDelete", { name: node.unit.name })} onConfirm={() => remove(node.unit)}>
            <Button type="link" danger>
              {t("common.delete")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t("menu.units")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraft({ kind: "new", parentId: null })}>
          {t("units.add")}
        </Button>
      }
    >
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table<UnitNode>
          rowKey="key"
          loading={loading && !data}
          dataSource={tree}
          columns={columns}
          pagination={false}
          expandable={{
            expandedRowKeys: units.map((unit) => unit.id).filter((id) => !folded.has(id)),
            onExpand: (expanded, node) =>
              setFolded((previous) => {
                const next = new Set(previous);
                if (expanded) next.delete(node.key);
                else next.add(node.key);
                return next;
              }),
          }}
        />
      )}
      <UnitFormModal
        draft={draft}
        units={units}
        onClose={() => setDraft(undefined)}
        onSaved={() => {
          setDraft(undefined);
          void message.success(t("common.saved"));
          reload();
        }}
      />
    </Card>
  );
}
