// The signed-in user: loaded from GET /api/auth/me at start, set by login, cleared by logout or a 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { SessionView, UserView } from "../../src/shared/api";
import { api, ApiRequestError, onUnauthorized, setCsrfToken } from "../api/client";
import { toApiError } from "../api/hooks";

/** Where the session stands. */
export type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; signedOut?: boolean }
  | { status: "signed-in"; user: UserView }
  | { status: "error"; error: ApiRequestError };

/** What `useSession()` returns. */
export interface Session {
  state: SessionState;
  signIn: (session: SessionView) => void;
  signOut: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

/** Loads the session once and provides it, with sign-in and sign-out, to the tree below. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    onUnauthorized(() => {
      setCsrfToken("");
      setState({ status: "anonymous" });
    });
  }, []);

  useEffect(() => {
    let cancelled = false;
    api
      .get<SessionView>("/api/auth/me")
      .then((session) => {
        if (cancelled) return;
        setCsrfToken(session.csrfToken);
        setState({ status: "signed-in", user: session.user });
      })
      .catch((caught: unknown) => {
        if (cancelled) return;
        const error = toApiError(caught);
        setState(error.status === 401 ? { status: "anonymous" } : { status: "error", error });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const signIn = useCallback((session: SessionView) => {
    setCsrfToken(session.csrfToken);
    setState({ status: "signed-in", user: session.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post("/api/auth/logout");
    } catch {
      // The person asked to leave: forget the session locally even if the server call failed.
    }
    setCsrfToken("");
    setState({ status: "anonymous", signedOut: true });
  }, []);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, retry }), [state, signIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session; must be used under SessionProvider. */
export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error("session: useSession called outside SessionProvider");
  return value;
}

/** The signed-in user; only for components rendered behind RequireSession. */
export function useUser(): UserView {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("session: useUser called without a signed-in user");
  return state.user;
}
