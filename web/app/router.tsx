// Routes: /login outside the shell, every other page lazily loaded inside it.
import { lazy, Suspense, type ReactNode } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { NotFound, PageSpinner } from "../components/page-states";
import type { PageKey } from "./access";
import { AppLayout } from "./app-layout";
import { RequirePage, RequireSession } from "./guards";

const LoginPage = lazy(() => import("../routes/login-page").then((m) => ({ default: m.LoginPage })));
const DashboardPage = lazy(() => import("../routes/dashboard-page").then((m) => ({ default: m.DashboardPage })));
const ItemsPage = lazy(() => import("../routes/items-page").then((m) => ({ default: m.ItemsPage })));
const ItemDetailPage = lazy(() =>
  import("../routes/item-detail-page").then((m) => ({ default: m.ItemDetailPage })),
);
const WatchesPage = lazy(() => import("../routes/watches-page").then((m) => ({ default: m.WatchesPage })));
const EventsPage = lazy(() => import("../routes/events-page").then((m) => ({ default: m.EventsPage })));
const EventDetailPage = lazy(() =>
  import("../routes/event-detail-page").then((m) => ({ default: m.EventDetailPage })),
);
const DictionaryPage = lazy(() => import("../routes/dictionary-page").then((m) => ({ default: m.DictionaryPage })));
const SourcesPage = lazy(() => import("../routes/sources-page").then((m) => ({ default: m.SourcesPage })));
const UnitsPage = lazy(() => import("../routes/units-page").then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import("../routes/users-page").then((m) => ({ default: m.UsersPage })));
const AlertsPage = lazy(() => import("../routes/alerts-page").then((m) => ({ default: m.AlertsPage })));
const AlertSettingsPage = lazy(() =>
  import("../routes/alert-settings-page").then((m) => ({ default: m.AlertSettingsPage })),
);
const CasesPage = lazy(() => import("../routes/cases-page").then((m) => ({ default: m.CasesPage })));
const CaseDetailPage = lazy(() => import("../routes/case-detail-page").then((m) => ({ default: m.CaseDetailPage })));
const DutyPage = lazy(() => import("../routes/duty-page").then((m) => ({ default: m.DutyPage })));
const AckLinkPage = lazy(() => import("../routes/ack-link-page").then((m) => ({ default: m.AckLinkPage })));
const CaseSettingsPage = lazy(() => import("../routes/case-settings-page").then((m) => ({ default: m.CaseSettingsPage })));
const CaseStatsPage = lazy(() => import("../routes/case-stats-page").then((m) => ({ default: m.CaseStatsPage })));
const CaseInstructPage = lazy(() => import("../routes/case-instruct-page").then((m) => ({ default: m.CaseInstructPage })));
const OfficialAccountsPage = lazy(() => import("../routes/official-accounts-page").then((m) => ({ default: m.OfficialAccountsPage })));
const AuditPage = lazy(() => import("../routes/audit-page").then((m) => ({ default: m.AuditPage })));
const DisplayTokensPage = lazy(() => import("../routes/display-tokens-page").then((m) => ({ default: m.DisplayTokensPage })));
const BoardAdminPage = lazy(() => import("../routes/board-admin-page").then((m) => ({ default: m.BoardAdminPage })));
const ReportsPage = lazy(() => import("../routes/reports-page").then((m) => ({ default: m.ReportsPage })));
const ReportEditorPage = lazy(() => import("../routes/report-editor-page").then((m) => ({ default: m.ReportEditorPage })));
const ReportSettingsPage = lazy(() => import("../routes/report-settings-page").then((m) => ({ default: m.ReportSettingsPage })));
const ReportPhonePage = lazy(() => import("../routes/report-phone-page").then((m) => ({ default: m.ReportPhonePage })));
const SubmissionsPage = lazy(() => import("../routes/submissions-page").then((m) => ({ default: m.SubmissionsPage })));
const SubmissionDetailPage = lazy(() => import("../routes/submission-detail-page").then((m) => ({ default: m.SubmissionDetailPage })));
const BulletinsPage = lazy(() => import("../routes/bulletins-page").then((m) => ({ default: m.BulletinsPage })));
const PlacementsPage = lazy(() => import("../routes/placements-page").then((m) => ({ default: m.PlacementsPage })));
const PublicityScoresPage = lazy(() => import("../routes/publicity-scores-page").then((m) => ({ default: m.PublicityScoresPage })));
const PublicitySettingsPage = lazy(() => import("../routes/publicity-settings-page").then((m) => ({ default: m.PublicitySettingsPage })));
const PlacementProposalsPage = lazy(() => import("../routes/placement-proposals-page").then((m) => ({ default: m.PlacementProposalsPage })));
const CorrespondentsPage = lazy(() => import("../routes/correspondents-page").then((m) => ({ default: m.CorrespondentsPage })));
const InterviewsPage = lazy(() => import("../routes/interviews-page").then((m) => ({ default: m.InterviewsPage })));
const BackupsPage = lazy(() => import("../routes/backups-page").then((m) => ({ default: m.BackupsPage })));

function gated(page: PageKey, element: ReactNode) {
  return <RequirePage page={page}>{element}</RequirePage>;
}

/** The whole route table. */
export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/login"
          element={
            <Suspense fallback={<PageSpinner />}>
              <LoginPage />
            </Suspense>
          }
        />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="items" element={gated("items", <ItemsPage />)} />
          <Route path="items/:id" element={gated("items", <ItemDetailPage />)} />
          <Route path="watches" element={gated("watches", <WatchesPage />)} />
          <Route path="events" element={gated("events", <EventsPage />)} />
          <Route path="events/:id" element={gated("events", <EventDetailPage />)} />
          <Route path="alerts" element={gated("alerts", <AlertsPage />)} />
          <Route path="alert-settings" element={gated("alertSettings", <AlertSettingsPage />)} />
          <Route path="cases" element={gated("cases", <CasesPage />)} />
          <Route path="cases/:id" element={gated("cases", <CaseDetailPage />)} />
          <Route path="case-settings" element={gated("caseSettings", <CaseSettingsPage />)} />
          <Route path="sources" element={gated("sources", <SourcesPage />)} />
          <Route path="dictionary" element={gated("dictionary", <DictionaryPage />)} />
          <Route path="units" element={gated("units", <UnitsPage />)} />
          <Route path="users" element={gated("users", <UsersPage />)} />
          <Route path="audit" element={gated("audit", <AuditPage />)} />
          <Route path="duty" element={gated("duty", <DutyPage />)} />
          <Route path="board-admin" element={gated("boardAdmin", <BoardAdminPage />)} />
          <Route path="case-stats" element={gated("caseStats", <CaseStatsPage />)} />
          <Route path="cases/:id/instruct" element={gated("cases", <CaseInstructPage />)} />
          <Route path="official-accounts" element={gated("officialAccounts", <OfficialAccountsPage />)} />
          <Route path="displays" element={gated("displays", <DisplayTokensPage />)} />
          <Route path="backups" element={gated("backups", <BackupsPage />)} />
          <Route path="a/:id" element={<AckLinkPage />} />
          <Route path="reports" element={gated("reports", <ReportsPage />)} />
          <Route path="reports/:id" element={gated("reports", <ReportEditorPage />)} />
          <Route path="report-settings" element={gated("reportSettings", <ReportSettingsPage />)} />
          <Route path="m/reports/:versionId" element={gated("reports", <ReportPhonePage />)} />
          <Route path="submissions" element={gated("submissions", <SubmissionsPage />)} />
          <Route path="submissions/:id" element={gated("submissions", <SubmissionDetailPage />)} />
          <Route path="bulletins" element={gated("bulletins", <BulletinsPage />)} />
          <Route path="placements" element={gated("placements", <PlacementsPage />)} />
          <Route path="placement-proposals" element={gated("placementProposals", <PlacementProposalsPage />)} />
          <Route path="publicity-scores" element={gated("publicityScores", <PublicityScoresPage />)} />
          <Route path="correspondents" element={gated("correspondents", <CorrespondentsPage />)} />
          <Route path="interviews" element={gated("interviews", <InterviewsPage />)} />
          <Route path="publicity-settings" element={gated("publicitySettings", <PublicitySettingsPage />)} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
