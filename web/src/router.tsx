/** The routes; every page is its own chunk, loaded when first visited. */
import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { RequirePermission } from "./auth/require-permission.tsx";
import { RequireSession } from "./auth/require-session.tsx";
import { PageLoading } from "./components/page-loading.tsx";

const LoginPage = lazy(async () => ({
  default: (await import("./pages/login-page.tsx")).LoginPage,
}));
const MainLayout = lazy(async () => ({
  default: (await import("./layout/main-layout.tsx")).MainLayout,
}));
const HomePage = lazy(async () => ({ default: (await import("./pages/home-page.tsx")).HomePage }));
const UsersPage = lazy(async () => ({
  default: (await import("./pages/users-page.tsx")).UsersPage,
}));
const DataPage = lazy(async () => ({
  default: (await import("./pages/data-page.tsx")).DataPage,
}));
const EvaluationsPage = lazy(async () => ({
  default: (await import("./pages/evaluations-page.tsx")).EvaluationsPage,
}));
const EvaluationTaskPage = lazy(async () => ({
  default: (await import("./pages/evaluation-task-page.tsx")).EvaluationTaskPage,
}));
const EvaluationSheetPage = lazy(async () => ({
  default: (await import("./pages/evaluation-sheet-page.tsx")).EvaluationSheetPage,
}));
const EvaluationResultPage = lazy(async () => ({
  default: (await import("./pages/evaluation-result-page.tsx")).EvaluationResultPage,
}));
const AllocationsPage = lazy(async () => ({
  default: (await import("./pages/allocations-page.tsx")).AllocationsPage,
}));
const AllocationPage = lazy(async () => ({
  default: (await import("./pages/allocation-page.tsx")).AllocationPage,
}));
const SurveysPage = lazy(async () => ({
  default: (await import("./pages/surveys-page.tsx")).SurveysPage,
}));
const SurveyPage = lazy(async () => ({
  default: (await import("./pages/survey-page.tsx")).SurveyPage,
}));
const SurveyPostersPage = lazy(async () => ({
  default: (await import("./pages/survey-posters-page.tsx")).SurveyPostersPage,
}));
const DashboardPage = lazy(async () => ({
  default: (await import("./pages/dashboard-page.tsx")).DashboardPage,
}));
const MonitoringPage = lazy(async () => ({
  default: (await import("./pages/monitoring-page.tsx")).MonitoringPage,
}));
const ChecksPage = lazy(async () => ({
  default: (await import("./pages/checks-page.tsx")).ChecksPage,
}));
const AuditPage = lazy(async () => ({
  default: (await import("./pages/audit-page.tsx")).AuditPage,
}));
const NotFoundPage = lazy(async () => ({
  default: (await import("./pages/not-found-page.tsx")).NotFoundPage,
}));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  {
    path: "/login",
    element: (
      <Page>
        <LoginPage />
      </Page>
    ),
  },
  {
    // Posters print without the app's frame: one A4 page per collection point.
    path: "/surveys/:id/posters",
    element: (
      <RequireSession>
        <RequirePermission permission="survey:read">
          <Page>
            <SurveyPostersPage />
          </Page>
        </RequirePermission>
      </RequireSession>
    ),
  },
  {
    path: "/",
    element: (
      <RequireSession>
        <Page>
          <MainLayout />
        </Page>
      </RequireSession>
    ),
    children: [
      {
        index: true,
        element: (
          <Page>
            <HomePage />
          </Page>
        ),
      },
      ...["data", "data/:dataset"].map((path) => ({
        path,
        element: (
          <RequirePermission permission="data:read">
            <Page>
              <DataPage />
            </Page>
          </RequirePermission>
        ),
      })),
      ...(
        [
          ["evaluations", EvaluationsPage],
          ["evaluations/:id", EvaluationTaskPage],
          ["evaluation-sheets/:id", EvaluationSheetPage],
          ["evaluation-sheets/:id/result", EvaluationResultPage],
        ] as const
      ).map(([path, Component]) => ({
        path,
        element: (
          <RequirePermission permission="evaluation:read">
            <Page>
              <Component />
            </Page>
          </RequirePermission>
        ),
      })),
      ...(
        [
          ["allocations", AllocationsPage],
          ["allocations/:id", AllocationPage],
        ] as const
      ).map(([path, Component]) => ({
        path,
        element: (
          <RequirePermission permission="allocation:read">
            <Page>
              <Component />
            </Page>
          </RequirePermission>
        ),
      })),
      ...(
        [
          ["surveys", SurveysPage],
          ["surveys/:id", SurveyPage],
        ] as const
      ).map(([path, Component]) => ({
        path,
        element: (
          <RequirePermission permission="survey:read">
            <Page>
              <Component />
            </Page>
          </RequirePermission>
        ),
      })),
      {
        path: "dashboard",
        element: (
          <RequirePermission permission="data:read">
            <Page>
              <DashboardPage />
            </Page>
          </RequirePermission>
        ),
      },
      {
        path: "monitoring",
        element: (
          <RequirePermission permission="data:read">
            <Page>
              <MonitoringPage />
            </Page>
          </RequirePermission>
        ),
      },
      {
        path: "checks",
        element: (
          <RequirePermission permission="data:read">
            <Page>
              <ChecksPage />
            </Page>
          </RequirePermission>
        ),
      },
      {
        path: "users",
        element: (
          <RequirePermission permission="user:read">
            <Page>
              <UsersPage />
            </Page>
          </RequirePermission>
        ),
      },
      {
        path: "audit",
        element: (
          <RequirePermission permission="audit:read">
            <Page>
              <AuditPage />
            </Page>
          </RequirePermission>
        ),
      },
      {
        path: "*",
        element: (
          <Page>
            <NotFoundPage />
          </Page>
        ),
      },
    ],
  },
]);
