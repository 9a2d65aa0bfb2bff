// Official accounts (官方账号): each unit's publicly attributed accounts (platform, name, public address,
// spokesperson), kept by admins and by a unit's spokesperson for their unit; reply templates below.
import { useEffect, useMemo, useState } from "react";
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, TreeSelect, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { UnitView, UserView } from "../../src/shared/api";
import { ACCOUNT_PLATFORMS, type OfficialAccountView } from "../../src/shared/replies-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { buildUnitTree } from "../lib/unit-tree";
import { httpUrl, required, requiredChoice } from "../lib/rules";
import { safeHref } from "../lib/safe-href";
import { useReportError } from "../lib/use-report-error";
import { ReplyTemplatesCard } from "./reply-templates-card";

interface AccountForm { unitId: number; platform: string; accountName: string; publicUrl: string; spokespersonUserId?: number | null; enabled: boolean }

/** The /official-accounts page. */
export function OfficialAccountsPage() {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const report = useReportError();
  const accounts = useApi<{ accounts: OfficialAccountView[] }>("/api/official-accounts", { keepPrevious: true });
  const units = useApi<{ units: UnitView[] }>("/api/units");
  // Only admins list users; a spokesperson names themself as the account's spokesperson.
  const users = useApi<{ users: UserView[] }>(user.role === "admin" ? "/api/users" : null);
  const unitList = useMemo(() => units.data?.units ?? [], [units.data]);
  const tree = useMemo(() => buildUnitTree(unitList), [unitList]);
  const spokespeople = useMemo(
    () => (user.role === "admin" ? (users.data?.users ?? []).filter((u) => u.role === "spokesperson" && !u.disabled) : [user]),
    [user, users.data],
  );
  const [editing, setEditing] = useState<OfficialAccountView | "new">();
  const [form] = Form.useForm<AccountForm>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === "new") form.setFieldsValue({ unitId: user.unitId ?? undefined, platform: "weibo", enabled: true, spokespersonUserId: user.role === "spokesperson" ? user.id : undefined });
    else form.setFieldsValue({ ...editing });
  }, [editing, form, user]);

  const save = async (v: AccountForm) => {
    setSaving(true);
    try {
      const body = { ...v, accountName: v.accountName.trim(), publicUrl: v.publicUrl.trim(), spokespersonUserId: v.spokespersonUserId ?? null };
      if (editing === "new") await api.post("/api/official-accounts", body);
      else if (editing) await api.patch(`/api/official-accounts/${editing.id}`, body);
      void message.success(t("common.saved"));
      setEditing(undefined);
      accounts.reload();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (a: OfficialAccountView) => {
    try {
      await api.delete(`/api/official-accounts/${a.id}`);
      void message.success(t("common.deleted"));
      accounts.reload();
    } catch (caught) {
      // An account with replies answers 409: disable it instead.
      report(caught);
    }
  };

  const columns: TableColumnsType<OfficialAccountView> = [
    { title: t("accounts.unit"), dataIndex: "unitName" },
    { title: t("accounts.platform"), dataIndex: "platform", render: (p: OfficialAccountView["platform"]) => t(`replies.platform.${p}`) },
    {
      title: t("accounts.name"),
      render: (_, a) => {
        const href = safeHref(a.publicUrl);
        return (
          <Space size={6}>
            {href ? <Typography.Link href={href} target="_blank" rel="noopener noreferrer">{a.accountName}</Typography.Link> : a.accountName}
            {a.enabled ? null : <Tag>{t("accounts.disabled")}</Tag>}
          </Space>
        );
      },
    },
    { title: t("accounts.spokesperson"), dataIndex: "spokespersonName", render: (n: string | null) => n ?? "—" },
    {
      title: t("common.actions"),
      key: "actions",
      width: 160,
      render: (_, a) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing(a)}>{t("common.edit")}</Button>
          <Popconfirm title={t("common.confirmDelete", { name: a.accountName })} onConfirm={() => remove(a)}>
            <Button type="link" danger>{t("common.delete")}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card
        title={t("menu.officialAccounts")}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="account-new">{t("accounts.add")}</Button>}
      >
        <Typography.Paragraph type="secondary">{t("accounts.intro")}</Typography.Paragraph>
        {accounts.error && !accounts.data ? (
          <LoadFailed error={accounts.error} onRetry={accounts.reload} />
        ) : (
          <Table<OfficialAccountView> rowKey="id" size="small" loading={accounts.loading && !accounts.data} dataSource={accounts.data?.accounts ?? []} columns={columns} pagination={false} />
        )}
      </Card>
      <ReplyTemplatesCard units={unitList} />
      <Modal open={!!editing} title={editing === "new" ? t("accounts.new") : t("accounts.edit")} onCancel={() => setEditing(undefined)} footer={null} forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="unitId" label={t("accounts.unit")} rules={[requiredChoice(t, t("accounts.unit"))]}>
            <TreeSelect treeDefaultExpandAll treeData={tree} data-testid="account-unit" />
          </Form.Item>
          <Form.Item name="platform" label={t("accounts.platform")} rules={[requiredChoice(t, t("accounts.platform"))]}>
            <Select options={ACCOUNT_PLATFORMS.map((p) => ({ value: p, label: t(`replies.platform.${p}`) }))} data-testid="account-platform" />
          </Form.Item>
          <Form.Item name="accountName" label={t("accounts.name")} rules={[required(t, t("accounts.name"))]}>
            <Input maxLength={100} data-testid="account-name" />
          </Form.Item>
          <Form.Item name="publicUrl" label={t("accounts.url")} rules={[required(t, t("accounts.url")), httpUrl(t)]}>
            <Input maxLength={2000} placeholder="https://" data-testid="account-url" />
          </Form.Item>
          <Form.Item name="spokespersonUserId" label={t("accounts.spokesperson")}>
            <Select allowClear options={spokespeople.map((u) => ({ value: u.id, label: u.displayName || u.username }))} data-testid="account-spokesperson" />
          </Form.Item>
          <Form.Item name="enabled" label={t("accounts.enabled")} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setEditing(undefined)}>{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="account-save">{t("common.save")}</Button>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}
