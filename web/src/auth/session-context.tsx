/** The signed-in session: loaded once at start, replaced on login, cleared on logout or expiry. */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import type { SessionT } from "../../../src/shared/schemas.ts";
import { setCsrfToken, setSessionLostHandler } from "../api/client.ts";
import { api } from "../api/endpoints.ts";

export type SessionStatus = "loading" | "signed-in" | "signed-out";

export interface SessionState {
  status: SessionStatus;
  session: SessionT | null;
  login: (username: string, password: string) => Promise<SessionT>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionT | null>(null);
  const [status, setStatus] = useState<SessionStatus>("loading");

  const adopt = useCallback((next: SessionT | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSession(next);
    setStatus(next ? "signed-in" : "signed-out");
  }, []);

  useEffect(() => {
    setSessionLostHandler(() => adopt(null));
    let live = true;
    api.session().then(
      (s) => live && adopt(s),
      () => live && adopt(null),
    );
    return () => {
      live = false;
      setSessionLostHandler(null);
    };
  }, [adopt]);

  const login = useCallback(
    async (username: string, password: string) => {
      const next = await api.login(username, password);
      adopt(next);
      return next;
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      adopt(null);
    }
  }, [adopt]);

  const value = useMemo(
    () => ({ status, session, login, logout }),
    [status, session, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession needs a SessionProvider");
  return value;
}

/** The session of a page that is only shown when signed in. */
export function useSignedIn(): SessionT {
  const { session } = useSession();
  if (!session) throw new Error("useSignedIn outside a signed-in route");
  return session;
}
