// Sign-in form; a wrong password shows the server's deliberately generic message.
import { useState } from "react";
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import type { SessionView } from "../../src/shared/api";
import { api } from "../api/client";
import { useSession } from "../app/session";
import { useI18n } from "../locales/i18n";
import { LANG_NAMES, LANGS } from "../locales/translate";
import { errorText } from "../lib/use-report-error";

interface LoginValues {
  username: string;
  password: string;
}

function redirectTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  // Only same-app paths: never bounce to another origin after login.
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") ? from : "/";
}

/** The /login page. */
export function LoginPage() {
  const i18n = useI18n();
  const { t, lang, setLang } = i18n;
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const target = redirectTarget(location.state);

  if (state.status === "signed-in") return <Navigate to={target} replace />;

  const submit = async (values: LoginValues) => {
    setBusy(true);
    setError(undefined);
    try {
      signIn(await api.post<SessionView>("/api/auth/login", values));
      navigate(target, { replace: true });
    } catch (caught) {
      setError(errorText(caught, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <Card>
        <Space orientation="vertical" size="large" style={{ width: "100%" }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("login.title")}
          </Typography.Title>
          {error && <Alert type="error" showIcon title={error} data-testid="login-error" />}
          <Form<LoginValues> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
            <Form.Item
              name="username"
              label={t("login.username")}
              rules={[{ required: true, message: t("validation.required", { field: t("login.username") }) }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("login.password")}
              rules={[{ required: true, message: t("validation.required", { field: t("login.password") }) }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t("login.submit")}
            </Button>
          </Form>
          <Select
            aria-label={t("lang.label")}
            value={lang}
            onChange={setLang}
            options={LANGS.map((code) => ({ value: code, label: LANG_NAMES[code] }))}
            style={{ width: "100%" }}
          />
        </Space>
      </Card>
    </div>
  );
}
