import type { AppDeps } from "../env.ts";
import type { RouteDef } from "../route-table.ts";
import { allocationRoutes } from "./allocations/allocations.ts";
import { auditRoutes } from "./audit/audit.ts";
import { authRoutes } from "./auth/auth.ts";
import { checkRoutes } from "./checks/checks.ts";
import { dashboardRoutes } from "./dashboard/dashboard.ts";
import { datasetRoutes } from "./datasets/datasets.ts";
import { evaluationRoutes } from "./evaluations/evaluations.ts";
import { evaluationTaskRoutes } from "./evaluations/tasks.ts";
import { healthRoutes } from "./health/health.ts";
import { importRoutes } from "./imports/imports.ts";
import { regionRoutes } from "./regions/regions.ts";
import { reminderRoutes } from "./reminders/reminders.ts";
import { reportJobRoutes } from "./reports/report-jobs.ts";
import { reportRoutes } from "./reports/reports.ts";
import { resultRoutes } from "./results/results.ts";
import { publicSurveyRoutes } from "./surveys/public-surveys.ts";
import { surveyRoutes } from "./surveys/surveys.ts";
import { userRoutes } from "./users/users.ts";

/** Every API route; a route that is not here is not served. */
export function routeTable(deps: AppDeps): RouteDef[] {
  return [
    ...healthRoutes(deps),
    ...authRoutes(deps),
    ...regionRoutes(deps),
    ...userRoutes(deps),
    ...auditRoutes(deps),
    ...datasetRoutes(deps),
    ...importRoutes(deps),
    ...checkRoutes(deps),
    ...evaluationRoutes(deps),
    ...evaluationTaskRoutes(deps),
    ...resultRoutes(deps),
    ...dashboardRoutes(deps),
    ...reminderRoutes(deps),
    ...reportRoutes(deps),
    ...reportJobRoutes(deps),
    ...allocationRoutes(deps),
    ...surveyRoutes(deps),
    ...publicSurveyRoutes(deps),
  ];
}
