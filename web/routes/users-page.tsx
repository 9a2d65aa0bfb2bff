// Users and roles (用户与角色): accounts with role, unit and state; create and edit.
import { useMemo, useState } from "react";
import { App, Button, Card, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { Role, UnitView, UserView } from "../../src/shared/api";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { EMPTY, formatTime } from "../lib/format";
import { UserFormModal } from "./user-form-modal";

/** The /users page. */
export function UsersPage() {
  const t = useT();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<{ users: UserView[] }>("/api/users", { keepPrevious: true });
  const unitsQuery = useApi<{ units: UnitView[] }>("/api/units");
  const units = useMemo(() => unitsQuery.data?.units ?? [], [unitsQuery.data]);
  const unitNames = useMemo(() => new Map(units.map((unit) => [unit.id, unit.name])), [units]);
  const [editing, setEditing] = useState<UserView | null>();

  const columns: TableColumnsType<UserView> = [
    { title: t("users.username"), dataIndex: "username" },
    { title: t("users.displayName"), dataIndex: "displayName" },
    { title: t("users.role"), dataIndex: "role", render: (role: Role) => t(`role.${role}`) },
    {
      title: t("users.unit"),
      dataIndex: "unitId",
      render: (id: number | null) => (id === null ? t("users.noUnit") : (unitNames.get(id) ?? EMPTY)),
    },
    {
      title: t("users.state"),
      dataIndex: "disabled",
      render: (off: boolean) => <Tag color={off ? "red" : "green"}>{t(off ? "users.disabled" : "users.active")}</Tag>,
    },
    { title: t("users.createdAt"), dataIndex: "createdAt", render: formatTime },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_, user) => (
        <Button type="link" onClick={() => setEditing(user)}>
          {t("common.edit")}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t("menu.users")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="user-add">
          {t("users.add")}
        </Button>
      }
    >
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table<UserView> rowKey="id" loading={loading && !data} dataSource={data?.users ?? []} columns={columns} />
      )}
      <UserFormModal
        user={editing}
        units={units}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void message.success(t("common.saved"));
          reload();
        }}
      />
    </Card>
  );
}
