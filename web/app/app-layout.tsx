// The signed-in shell: side menu filtered by role, header with user, language and sign-out. On a phone the
// menu, the user and the language move into a drawer opened from the header.
import { Suspense, useState, type ReactNode } from "react";
import { Button, Drawer, Grid, Layout, Menu, Select, Space, Tag, Typography } from "antd";
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
  MenuOutlined,
  ProfileOutlined,
  RadarChartOutlined,
  TeamOutlined,
  AlertOutlined,
  NotificationOutlined,
  SolutionOutlined,
  ControlOutlined,
  ScheduleOutlined,
  MessageOutlined,
  BarChartOutlined,
  SoundOutlined,
  FileTextOutlined,
  FileSyncOutlined,
  DesktopOutlined,
  CloudDownloadOutlined,
  EditOutlined,
  ReadOutlined,
  TrophyOutlined,
  IdcardOutlined,
  VideoCameraOutlined,
  SettingOutlined,
  SearchOutlined,
  ContainerOutlined,
} from "@ant-design/icons";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { PageSpinner } from "../components/page-states";
import { IncidentBanner } from "../components/incident-banner";
import { AlertListener } from "../components/alert-listener";
import { useI18n } from "../locales/i18n";
import { LANG_NAMES, LANGS } from "../locales/translate";
import { canOpen, PAGE_PATHS, pageOfPath, PUBLICITY_PAGES, visiblePages, type PageKey } from "./access";
import { useSession, useUser } from "./session";

const ICONS: Record<PageKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  items: <ProfileOutlined />,
  watches: <RadarChartOutlined />,
  events: <FireOutlined />,
  alerts: <AlertOutlined />,
  alertSettings: <NotificationOutlined />,
  cases: <SolutionOutlined />,
  caseSettings: <ControlOutlined />,
  sources: <CloudSyncOutlined />,
  dictionary: <BookOutlined />,
  units: <ApartmentOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
  duty: <ScheduleOutlined />,
  boardAdmin: <MessageOutlined />,
  caseStats: <BarChartOutlined />,
  officialAccounts: <SoundOutlined />,
  reports: <FileTextOutlined />,
  reportSettings: <FileSyncOutlined />,
  displays: <DesktopOutlined />,
  backups: <CloudDownloadOutlined />,
  submissions: <EditOutlined />,
  bulletins: <ContainerOutlined />,
  placements: <ReadOutlined />,
  placementProposals: <SearchOutlined />,
  publicityScores: <TrophyOutlined />,
  correspondents: <IdcardOutlined />,
  interviews: <VideoCameraOutlined />,
  publicitySettings: <SettingOutlined />,
};

/** Layout for every page behind the login; lazy pages render in its content area. */
export function AppLayout() {
  const { t, lang, setLang } = useI18n();
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();

  // Below md (768 px) there is no room for a side menu beside the page: it becomes a drawer.
  const phone = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const entry = (page: PageKey) => ({ key: page, icon: ICONS[page], label: t(`menu.${page}`) });
  const pages = visiblePages(user.role);
  const publicity = pages.filter((page) => PUBLICITY_PAGES.has(page));
  const items: MenuProps["items"] = [
    ...pages.filter((page) => !PUBLICITY_PAGES.has(page)).map(entry),
    ...(publicity.length ? [{ key: "publicity", icon: <EditOutlined />, label: t("menu.publicity"), children: publicity.map(entry) }] : []),
  ];

  const menu = (theme: "dark" | "light") => (
    <Menu
      theme={theme}
      mode="inline"
      items={items}
      selectedKeys={[pageOfPath(location.pathname)]}
      defaultOpenKeys={PUBLICITY_PAGES.has(pageOfPath(location.pathname)) ? ["publicity"] : []}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(PAGE_PATHS[key as PageKey]);
      }}
      data-testid="nav-menu"
    />
  );
  const who = (
    <span className="app-user">
      {user.displayName} <Tag color="blue">{t(`role.${user.role}`)}</Tag>
    </span>
  );
  const language = (
    <Select
      aria-label={t("lang.label")}
      value={lang}
      onChange={setLang}
      prefix={<GlobalOutlined />}
      options={LANGS.map((code) => ({ value: code, label: LANG_NAMES[code] }))}
      style={{ width: 140 }}
    />
  );
  const logout = (
    <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout">
      {t("header.logout")}
    </Button>
  );

  return (
    <Layout className="app-shell">
      {!phone && (
        <Layout.Sider theme="dark">
          <div className="app-brand">{t("app.name")}</div>
          {menu("dark")}
        </Layout.Sider>
      )}
      <Layout>
        {phone ? (
          <Layout.Header className="app-header app-header-phone">
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t("header.menu")}
              onClick={() => setDrawerOpen(true)}
              data-testid="nav-toggle"
            />
            <Typography.Text strong className="app-brand-phone">{t("app.name")}</Typography.Text>
            <span />
          </Layout.Header>
        ) : (
          <Layout.Header className="app-header">
            <Typography.Text type="secondary" className="app-tagline">{t("app.tagline")}</Typography.Text>
            <Space size="middle">
              {who}
              {language}
              {logout}
            </Space>
          </Layout.Header>
        )}
        {phone && (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={260}
            title={t("app.name")}
            className="app-drawer"
            data-testid="nav-drawer"
          >
            {menu("light")}
            <Space orientation="vertical" size="middle" className="app-drawer-account">
              {who}
              {language}
              {logout}
            </Space>
          </Drawer>
        )}
        <IncidentBanner />
        <Layout.Content className="app-content">
          {canOpen(user.role, "alerts") ? <AlertListener /> : null}
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
