// Create or edit a user account: role, unit, display name, password, contact details, disabled flag.
import { useEffect, useMemo, useState } from "react";
import { Button, Form, Input, Modal, Select, Space, Switch, TreeSelect } from "antd";
import { MIN_PASSWORD_LENGTH, ROLES, type Role, type UnitView, type UserView } from "../../src/shared/api";
import { api } from "../api/client";
import { useT } from "../locales/i18n";
import { required } from "../lib/rules";
import { buildUnitTree } from "../lib/unit-tree";
import { useReportError } from "../lib/use-report-error";

/** Usernames the server accepts. */
const USERNAME = /^[A-Za-z0-9_.-]{2,32}$/;

/** Shortest password the server accepts. */
const MIN_PASSWORD = MIN_PASSWORD_LENGTH;

interface UserValues {
  username: string;
  password?: string;
  displayName: string;
  role: Role;
  unitId?: number;
  disabled: boolean;
  email?: string | null;
  phone?: string | null;
}

/** Props of UserFormModal: `user` undefined = closed, null = new, a UserView = edit it. */
export interface UserFormModalProps {
  user: UserView | null | undefined;
  units: readonly UnitView[];
  onClose: () => void;
  onSaved: () => void;
}

/** The create/edit dialog for users. */
export function UserFormModal({ user, units, onClose, onSaved }: UserFormModalProps) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<UserValues>();
  const [busy, setBusy] = useState(false);
  const unitTree = useMemo(() => buildUnitTree(units), [units]);
  const open = user !== undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      user
        ? { ...user, unitId: user.unitId ?? undefined, password: "", email: user.email ?? "", phone: user.phone ?? "" }
        : { role: "monitor", disabled: false, displayName: "", username: "" },
    );
  }, [open, user, form]);

  const submit = async (values: UserValues) => {
    setBusy(true);
    const common = {
      displayName: values.displayName.trim(), role: values.role, unitId: values.unitId ?? null, email: values.email?.trim() ?? "", phone: values.phone?.trim() ?? "",
    };
    try {
      if (user) {
        const password = values.password ? { password: values.password } : {};
        await api.patch(`/api/users/${user.id}`, { ...common, disabled: values.disabled, ...password });
      } else {
        await api.post("/api/users", { ...common, username: values.username.trim(), password: values.password });
      }
      onSaved();
    } catch (caught) {
      report(caught, form);
    } finally {
      setBusy(false);
    }
  };

  const passwordRules = [
    ...(user ? [] : [required(t, t("users.password"))]),
    { min: MIN_PASSWORD, message: t("validation.minLength", { n: MIN_PASSWORD }) },
  ];

  return (
    <Modal open={open} title={t(user ? "users.edit" : "users.add")} onCancel={onClose} footer={null} forceRender>
      <Form<UserValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="username"
          label={t("users.username")}
          rules={[required(t, t("users.username")), { pattern: USERNAME, message: t("validation.username") }]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t(user ? "users.newPassword" : "users.password")}
          extra={user ? t("users.passwordKeep") : undefined}
          rules={passwordRules}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item name="displayName" label={t("users.displayName")} rules={[required(t, t("users.displayName"))]}>
          <Input maxLength={50} data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t("users.role")} rules={[{ required: true }]}>
          <Select options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t("users.unit")}>
          <TreeSelect allowClear treeDefaultExpandAll treeData={unitTree} placeholder={t("users.noUnit")} />
        </Form.Item>
        <Form.Item name="email" label={t("users.email")}>
          <Input type="email" maxLength={200} autoComplete="off" data-testid="user-email" />
        </Form.Item>
        <Form.Item name="phone" label={t("users.phone")}>
          <Input type="tel" maxLength={40} autoComplete="off" />
        </Form.Item>
        {user && (
          <Form.Item name="disabled" label={t("users.disableAccount")} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="user-submit">
            {t("common.save")}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
