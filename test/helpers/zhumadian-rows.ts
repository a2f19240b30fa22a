/** Zhumadian 2020's published 计划与完成 rows, for tests that score or check its sheet. */
import type { CheckRow } from "../../src/domain/checks/index.ts";
import { m2, row } from "./check-data.ts";

/**
 * 驻马店市 2020 开工 (report, 二): 计划 320 个、1766 栋、33224 户、341.4058 万平方米、养老 63120 平方米;
 * every target met but 配建养老 (62395 of 63120 m²).
 */
export const ZHUMADIAN_STARTED_2020: CheckRow = row("411700", {
  stage: "started",
  asOf: "2020-12-31",
  planCommunities: "320",
  planBuildings: "1766",
  planHouseholds: "33224",
  planArea: m2("341.4058"),
  planElderlyArea: "63120",
  actualCommunities: "336",
  actualBuildings: "1804",
  actualHouseholds: "33623",
  actualArea: m2("345.4602"),
  actualElderlyArea: "62395",
});
