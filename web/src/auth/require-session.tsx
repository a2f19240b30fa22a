/** Route guard: shows its children when signed in, otherwise sends the visitor to /login. */
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { PageLoading } from "../components/page-loading.tsx";
import { useSession } from "./session-context.tsx";

export function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === "loading") return <PageLoading />;
  if (status === "signed-out") {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}
