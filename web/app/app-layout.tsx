// The signed-in shell: side menu filtered by role, header with user, language and sign-out.
import { Suspense, type ReactNode } from "react";
import { Button, Layout, Menu, Select, Space, Tag, Typography } from "antd";
import type { MenuProps } from "antd";
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  FireOutlined,
  GlobalOutlined,
  LogoutOutlined,
  ProfileOutlined,
  RadarChartOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { PageSpinner } from "../components/page-states";
import { useI18n } from "../locales/i18n";
import { LANG_NAMES, LANGS } from "../locales/translate";
import { PAGE_PATHS, pageOfPath, visiblePages, type PageKey } from "./access";
import { useSession, useUser } from "./session";

const ICONS: Record<PageKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  items: <ProfileOutlined />,
  watches: <RadarChartOutlined />,
  events: <FireOutlined />,
  sources: <CloudSyncOutlined />,
  dictionary: <BookOutlined />,
  units: <ApartmentOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
};

/** Layout for every page behind the login; lazy pages render in its content area. */
export function AppLayout() {
  const { t, lang, setLang } = useI18n();
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();

  const items: MenuProps["items"] = visiblePages(user.role).map((page) => ({
    key: page,
    icon: ICONS[page],
    label: t(`menu.${page}`),
  }));


  return (
    <Layout className="app-shell">
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="dark">
        <div className="app-brand">{t("app.name")}</div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={[pageOfPath(location.pathname)]}
          onClick={({ key }) => navigate(PAGE_PATHS[key as PageKey])}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
          <Space size="middle">
            <span>
              {user.displayName} <Tag color="blue">{t(`role.${user.role}`)}</Tag>
            </span>
            <Select
              aria-label={t("lang.label")}
              value={lang}
              onChange={setLang}
              prefix={<GlobalOutlined />}
              options={LANGS.map((code) => ({ value: code, label: LANG_NAMES[code] }))}
              style={{ width: 140 }}
            />
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout">
              {t("header.logout")}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
