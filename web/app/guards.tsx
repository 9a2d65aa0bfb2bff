// Route guards: a signed-in session for the app shell, a role for admin pages.
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { LoadFailed, Forbidden, PageSpinner } from "../components/page-states";
import { canOpen, type PageKey } from "./access";
import { useSession } from "./session";

/** Renders `children` when signed in; otherwise sends the visitor to /login, remembering the page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, retry } = useSession();
  const location = useLocation();
  if (state.status === "loading") return <PageSpinner />;
  if (state.status === "error") return <LoadFailed error={state.error} onRetry={retry} />;
  if (state.status === "anonymous") {
    // After an expired session, come back to the same page; after signing out, start afresh.
    const from = state.signedOut ? undefined : location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <>{children}</>;
}

/** Renders `children` when the signed-in user's role may open `page`, a 403 page otherwise. */
export function RequirePage({ page, children }: { page: PageKey; children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== "signed-in" || !canOpen(state.user.role, page)) return <Forbidden />;
  return <>{children}</>;
}
