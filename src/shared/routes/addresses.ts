/** The address (method, path) of every API route, for the web client: no schema is bundled. */
// Generated from src/shared/routes by `npm run docs:api`; src/api/api-contract.test.ts checks it.
import { address } from "./address.ts";
import type * as d from "./index.ts";

export const actOnAllocationRoute = address<typeof d.actOnAllocationRoute>(
  "post",
  "/api/allocations/{id}/actions",
);
export const actOnSheetRoute = address<typeof d.actOnSheetRoute>(
  "post",
  "/api/evaluation-sheets/{id}/actions",
);
export const actOnSurveyRoute = address<typeof d.actOnSurveyRoute>(
  "post",
  "/api/surveys/{id}/actions",
);
export const addCommunityRoute = address<typeof d.addCommunityRoute>(
  "post",
  "/api/surveys/{id}/communities",
);
export const allocationDataFileRoute = address<typeof d.allocationDataFileRoute>(
  "get",
  "/api/allocations/{id}/data",
);
export const allocationModelFileRoute = address<typeof d.allocationModelFileRoute>(
  "get",
  "/api/allocations/{id}/file",
);
export const allocationRoute = address<typeof d.allocationRoute>("get", "/api/allocations/{id}");
export const cancelTaskRoute = address<typeof d.cancelTaskRoute>(
  "post",
  "/api/evaluations/{id}/cancel",
);
export const changePasswordRoute = address<typeof d.changePasswordRoute>(
  "post",
  "/api/auth/password",
);
export const checksRoute = address<typeof d.checksRoute>("get", "/api/checks");
export const commitImportRoute = address<typeof d.commitImportRoute>(
  "post",
  "/api/imports/{id}/commit",
);
export const communitiesFromProjectsRoute = address<typeof d.communitiesFromProjectsRoute>(
  "post",
  "/api/surveys/{id}/communities/from-projects",
);
export const communityQrRoute = address<typeof d.communityQrRoute>(
  "get",
  "/api/surveys/{id}/communities/{communityId}/qr",
);
export const communityTotalsRoute = address<typeof d.communityTotalsRoute>(
  "get",
  "/api/community-totals",
);
export const compareAllocationsRoute = address<typeof d.compareAllocationsRoute>(
  "get",
  "/api/allocations/compare",
);
export const copyAllocationRoute = address<typeof d.copyAllocationRoute>(
  "post",
  "/api/allocations/{id}/copy",
);
export const createAllocationRoute = address<typeof d.createAllocationRoute>(
  "post",
  "/api/allocations",
);
export const createSurveyRoute = address<typeof d.createSurveyRoute>("post", "/api/surveys");
export const createTaskRoute = address<typeof d.createTaskRoute>("post", "/api/evaluations");
export const createUserRoute = address<typeof d.createUserRoute>("post", "/api/users");
export const crossTabRoute = address<typeof d.crossTabRoute>("get", "/api/surveys/{id}/cross-tab");
export const dashboardRoute = address<typeof d.dashboardRoute>("get", "/api/dashboard");
export const dataRowsRoute = address<typeof d.dataRowsRoute>("get", "/api/datasets/{name}/rows");
export const datasetsRoute = address<typeof d.datasetsRoute>("get", "/api/datasets");
export const datasetTemplateRoute = address<typeof d.datasetTemplateRoute>(
  "get",
  "/api/datasets/{name}/template",
);
export const deleteAllocationRoute = address<typeof d.deleteAllocationRoute>(
  "delete",
  "/api/allocations/{id}",
);
export const deleteCommunityRoute = address<typeof d.deleteCommunityRoute>(
  "delete",
  "/api/surveys/{id}/communities/{communityId}",
);
export const deleteEvidenceRoute = address<typeof d.deleteEvidenceRoute>(
  "delete",
  "/api/evidence/{id}",
);
export const deleteSurveyRoute = address<typeof d.deleteSurveyRoute>("delete", "/api/surveys/{id}");
export const enterPaperAnswerRoute = address<typeof d.enterPaperAnswerRoute>(
  "post",
  "/api/surveys/{id}/communities/{communityId}/responses",
);
export const evaluableRegionsRoute = address<typeof d.evaluableRegionsRoute>(
  "get",
  "/api/evaluable-regions",
);
export const evidenceFileRoute = address<typeof d.evidenceFileRoute>("get", "/api/evidence/{id}");
export const evidenceListRoute = address<typeof d.evidenceListRoute>(
  "get",
  "/api/evaluation-sheets/{id}/evidence",
);
export const exportAllocationRoute = address<typeof d.exportAllocationRoute>(
  "get",
  "/api/allocations/{id}/export",
);
export const exportAuditRoute = address<typeof d.exportAuditRoute>("get", "/api/audit/export");
export const exportDatasetRoute = address<typeof d.exportDatasetRoute>(
  "get",
  "/api/datasets/{name}/export",
);
export const exportFindingsRoute = address<typeof d.exportFindingsRoute>(
  "get",
  "/api/checks/export",
);
export const exportSurveyRoute = address<typeof d.exportSurveyRoute>(
  "get",
  "/api/surveys/{id}/export",
);
export const extendTaskRoute = address<typeof d.extendTaskRoute>(
  "post",
  "/api/evaluations/{id}/regions",
);
export const frameworksRoute = address<typeof d.frameworksRoute>("get", "/api/frameworks");
export const healthRoute = address<typeof d.healthRoute>("get", "/api/health");
export const importAllocationDataRoute = address<typeof d.importAllocationDataRoute>(
  "post",
  "/api/allocations/{id}/data",
);
export const judgeResponseRoute = address<typeof d.judgeResponseRoute>(
  "put",
  "/api/surveys/{id}/responses/{responseId}/validity",
);
export const linkTaskSurveyRoute = address<typeof d.linkTaskSurveyRoute>(
  "put",
  "/api/evaluations/{id}/survey",
);
export const listAllocationsRoute = address<typeof d.listAllocationsRoute>(
  "get",
  "/api/allocations",
);
export const listAuditRoute = address<typeof d.listAuditRoute>("get", "/api/audit");
export const listImportsRoute = address<typeof d.listImportsRoute>("get", "/api/imports");
export const listResponsesRoute = address<typeof d.listResponsesRoute>(
  "get",
  "/api/surveys/{id}/responses",
);
export const listSurveysRoute = address<typeof d.listSurveysRoute>("get", "/api/surveys");
export const listTasksRoute = address<typeof d.listTasksRoute>("get", "/api/evaluations");
export const listUsersRoute = address<typeof d.listUsersRoute>("get", "/api/users");
export const loginRoute = address<typeof d.loginRoute>("post", "/api/auth/login");
export const logoutRoute = address<typeof d.logoutRoute>("post", "/api/auth/logout");
export const monitoringReportRoute = address<typeof d.monitoringReportRoute>(
  "get",
  "/api/reports/monitoring",
);
export const monitoringRoute = address<typeof d.monitoringRoute>("get", "/api/monitoring");
export const narrativesRoute = address<typeof d.narrativesRoute>(
  "get",
  "/api/evaluation-sheets/{id}/narratives",
);
export const publicSurveyAnswerRoute = address<typeof d.publicSurveyAnswerRoute>(
  "post",
  "/api/public/surveys/{token}/answers",
);
export const publicSurveyRoute = address<typeof d.publicSurveyRoute>(
  "get",
  "/api/public/surveys/{token}",
);
export const publicSurveyTicketRoute = address<typeof d.publicSurveyTicketRoute>(
  "get",
  "/api/public/surveys/{token}/ticket",
);
export const regionChildrenRoute = address<typeof d.regionChildrenRoute>(
  "get",
  "/api/regions/children",
);
export const regionRoute = address<typeof d.regionRoute>("get", "/api/regions/{code}");
export const regionSearchRoute = address<typeof d.regionSearchRoute>("get", "/api/regions/search");
export const regionYearsRoute = address<typeof d.regionYearsRoute>(
  "get",
  "/api/regions/{code}/years",
);
export const remindersRoute = address<typeof d.remindersRoute>("get", "/api/reminders");
export const reportJobFileRoute = address<typeof d.reportJobFileRoute>(
  "get",
  "/api/report-jobs/{id}/file",
);
export const reportJobRoute = address<typeof d.reportJobRoute>("get", "/api/report-jobs/{id}");
export const reportJobsRoute = address<typeof d.reportJobsRoute>("get", "/api/report-jobs");
export const reportPreviewRoute = address<typeof d.reportPreviewRoute>(
  "get",
  "/api/evaluation-sheets/{id}/report/preview",
);
export const resetPasswordRoute = address<typeof d.resetPasswordRoute>(
  "post",
  "/api/users/{id}/reset-password",
);
export const rollUpRoute = address<typeof d.rollUpRoute>("get", "/api/evaluations/{id}/roll-up");
export const saveNarrativeRoute = address<typeof d.saveNarrativeRoute>(
  "put",
  "/api/evaluation-sheets/{id}/narratives/{key}",
);
export const saveRectificationRoute = address<typeof d.saveRectificationRoute>(
  "put",
  "/api/evaluation-sheets/{id}/rectifications/{key}",
);
export const saveSheetRoute = address<typeof d.saveSheetRoute>(
  "put",
  "/api/evaluation-sheets/{id}",
);
export const sessionRoute = address<typeof d.sessionRoute>("get", "/api/auth/session");
export const sheetReportRoute = address<typeof d.sheetReportRoute>(
  "get",
  "/api/evaluation-sheets/{id}/report",
);
export const sheetResultRoute = address<typeof d.sheetResultRoute>(
  "get",
  "/api/evaluation-sheets/{id}/result",
);
export const sheetRoute = address<typeof d.sheetRoute>("get", "/api/evaluation-sheets/{id}");
export const startReportJobRoute = address<typeof d.startReportJobRoute>(
  "post",
  "/api/report-jobs",
);
export const surveyResultsRoute = address<typeof d.surveyResultsRoute>(
  "get",
  "/api/surveys/{id}/results",
);
export const surveyRoute = address<typeof d.surveyRoute>("get", "/api/surveys/{id}");
export const taskRoute = address<typeof d.taskRoute>("get", "/api/evaluations/{id}");
export const updateAllocationRoute = address<typeof d.updateAllocationRoute>(
  "put",
  "/api/allocations/{id}",
);
export const updateCommunityRoute = address<typeof d.updateCommunityRoute>(
  "put",
  "/api/surveys/{id}/communities/{communityId}",
);
export const updateDataRowRoute = address<typeof d.updateDataRowRoute>(
  "patch",
  "/api/datasets/{name}/rows/{id}",
);
export const updateSurveyRoute = address<typeof d.updateSurveyRoute>("put", "/api/surveys/{id}");
export const updateTaskRoute = address<typeof d.updateTaskRoute>("patch", "/api/evaluations/{id}");
export const updateUserRoute = address<typeof d.updateUserRoute>("patch", "/api/users/{id}");
export const uploadEvidenceRoute = address<typeof d.uploadEvidenceRoute>(
  "post",
  "/api/evaluation-sheets/{id}/evidence",
);
export const uploadImportRoute = address<typeof d.uploadImportRoute>(
  "post",
  "/api/datasets/{name}/imports",
);
