/** The routes; every page is its own chunk, loaded when first visited. */
import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { RequirePermission } from "./auth/require-permission.tsx";
import { RequireSession } from "./auth/require-session.tsx";
import { PageLoading } from "./components/page-loading.tsx";

const LoginPage = lazy(async () => ({
  default: (await import("./auth/login-page.tsx")).LoginPage,
}));
const MainLayout = lazy(async () => ({
  default: (await import("./layout/main-layout.tsx")).MainLayout,
}));
const HomePage = lazy(async () => ({
  default: (await import("./features/dashboard/home-page.tsx")).HomePage,
}));
const UserListPage = lazy(async () => ({
  default: (await import("./features/admin/user-list-page.tsx")).UserListPage,
}));
const DataPage = lazy(async () => ({
  default: (await import("./features/data/data-page.tsx")).DataPage,
}));
const EvaluationListPage = lazy(async () => ({
  default: (await import("./features/evaluations/evaluation-list-page.tsx")).EvaluationListPage,
}));
const EvaluationTaskPage = lazy(async () => ({
  default: (await import("./features/evaluations/evaluation-task-page.tsx")).EvaluationTaskPage,
}));
const EvaluationSheetPage = lazy(async () => ({
  default: (await import("./features/evaluations/evaluation-sheet-page.tsx")).EvaluationSheetPage,
}));
const EvaluationResultPage = lazy(async () => ({
  default: (await import("./features/evaluations/evaluation-result-page.tsx")).EvaluationResultPage,
}));
const AllocationListPage = lazy(async () => ({
  default: (await import("./features/allocation/allocation-list-page.tsx")).AllocationListPage,
}));
const AllocationPlanPage = lazy(async () => ({
  default: (await import("./features/allocation/allocation-plan-page.tsx")).AllocationPlanPage,
}));
const SurveyListPage = lazy(async () => ({
  default: (await import("./features/surveys/survey-list-page.tsx")).SurveyListPage,
}));
const SurveyDetailPage = lazy(async () => ({
  default: (await import("./features/surveys/survey-detail-page.tsx")).SurveyDetailPage,
}));
const SurveyPostersPage = lazy(async () => ({
  default: (await import("./features/surveys/survey-posters-page.tsx")).SurveyPostersPage,
}));
const DashboardPage = lazy(async () => ({
  default: (await import("./features/dashboard/dashboard-page.tsx")).DashboardPage,
}));
const MonitoringPage = lazy(async () => ({
  default: (await import("./features/checks/monitoring-page.tsx")).MonitoringPage,
}));
const ChecksPage = lazy(async () => ({
  default: (await import("./features/checks/checks-page.tsx")).ChecksPage,
}));
const AuditPage = lazy(async () => ({
  default: (await import("./features/admin/audit-page.tsx")).AuditPage,
}));
const NotFoundPage = lazy(async () => ({
  default: (await import("./layout/not-found-page.tsx")).NotFoundPage,
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
          ["evaluations", EvaluationListPage],
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
          ["allocations", AllocationListPage],
          ["allocations/:id", AllocationPlanPage],
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
          ["surveys", SurveyListPage],
          ["surveys/:id", SurveyDetailPage],
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
              <UserListPage />
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
