/**
 * Programme data: pick a data set and year, see its rows in the selected region, import, correct,
 * export. Data set, year, search and page are the URL's; an empty year says how to fill it.
 */
import {
  ArrowRightOutlined,
  DownloadOutlined,
  SearchOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import { Button, Card, Input, Space, Table, Tabs, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { ImportRecordT } from "../../../../src/shared/data-schemas.ts";
import { formatWanText } from "../../../../src/shared/money.ts";
import { roleCan } from "../../../../src/shared/roles.ts";
import { dataApi } from "../../api/data-endpoints.ts";
import { errorMessage } from "../../api/error-message.ts";
import { useRemote } from "../../api/use-remote.ts";
import { useSignedIn } from "../../auth/session-context.tsx";
import { DownloadButton } from "../../components/download-button.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useServerPaging } from "../../components/use-server-paging.tsx";
import { YearSelect } from "../../components/year-select.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { groupDigits } from "../../format/decimal-text.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import {
  useRegionParam,
  useUrlPaging,
  useUrlParam,
  useYearParam,
} from "../../layout/url-state.tsx";
import { yearChoices } from "../../layout/year-choice.ts";
import { ImportDialog } from "./data-import-dialog.tsx";
import { DataTable } from "./data-table.tsx";

export function DataPage() {
  const { t, locale } = useI18n();
  const { region } = useRegionParam();
  const { user } = useSignedIn();
  const canWrite = roleCan(user.role, "data:write");
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  const [year, setYear] = useYearParam();
  const name = params.dataset ?? "programmes";
  const [qParam, setQ] = useUrlParam("q");
  const q = qParam ?? "";
  // The box's own text; the URL's search takes over on Back and on a link.
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const [importing, setImporting] = useState(false);
  const { page, pageSize, pagination } = useUrlPaging();
  const history = useServerPaging(10);

  const catalogue = useRemote(dataApi.datasets);
  const dataset = catalogue.data?.items.find((d) => d.name === name);
  const loadRows = useCallback(
    () => dataApi.rows(name, { regionCode: region.code, year, q: q || undefined, page, pageSize }),
    [name, region.code, year, q, page, pageSize],
  );
  const rows = useRemote(loadRows);
  const loadImports = useCallback(
    () =>
      dataApi.imports({
        regionCode: region.code,
        dataset: name,
        page: history.page,
        pageSize: history.pageSize,
      }),
    [region.code, name, history.page, history.pageSize],
  );
  const imports = useRemote(loadImports);
  const loadTotals = useCallback(
    () =>
      name === "communities"
        ? dataApi.communityTotals(region.code, year)
        : Promise.resolve(undefined),
    [name, region.code, year],
  );
  const totals = useRemote(loadTotals);

  const reload = () => {
    rows.reload();
    imports.reload();
    totals.reload();
  };

  return (
    <Card
      title={t("data.title")}
      extra={<Tag color="blue">{t("region.scope", { name: region.name })}</Tag>}
    >
      <ErrorAlert
        message={
          (catalogue.error ?? rows.error) === undefined
            ? null
            : errorMessage(catalogue.error ?? rows.error, t)
        }
      />
      <Tabs
        activeKey={name}
        onChange={(key) => navigate(`/data/${key}?region=${region.code}&year=${year}`)}
        items={(catalogue.data?.items ?? []).map((d) => ({
          key: d.name,
          label: <span data-testid={`dataset-${d.name}`}>{locale === "zh-CN" ? d.zh : d.en}</span>,
        }))}
      />
      {dataset && (
        <>
          <Typography.Paragraph type="secondary">{dataset.description}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 16, width: "100%", justifyContent: "space-between" }}>
            <Space wrap>
              <YearSelect
                value={year}
                years={yearChoices([], year)}
                onChange={setYear}
                data-testid="data-year"
              />
              <Input
                allowClear
                prefix={<SearchOutlined />}
                placeholder={t("data.search")}
                style={{ width: 240 }}
                value={typed}
                onPressEnter={(event) => setQ(event.currentTarget.value.trim() || null)}
                onChange={(event) => {
                  setTyped(event.target.value);
                  if (event.target.value === "") setQ(null);
                }}
                data-testid="data-search"
              />
            </Space>
            <Space wrap>
              <DownloadButton
                icon={<DownloadOutlined />}
                url={dataApi.templateUrl(name, region.code, year)}
                fallbackName={`${name}.xlsx`}
                data-testid="data-template"
              >
                {t("data.template")}
              </DownloadButton>
              {canWrite && (
                <Button
                  type="primary"
                  icon={<UploadOutlined />}
                  onClick={() => setImporting(true)}
                  data-testid="data-import"
                >
                  {t("data.import")}
                </Button>
              )}
              <DownloadButton
                icon={<DownloadOutlined />}
                url={dataApi.exportUrl(name, region.code, year)}
                fallbackName={`${name}.xlsx`}
                data-testid="data-export"
              >
                {t("data.export")}
              </DownloadButton>
            </Space>
          </Space>
          {totals.data && totals.data.total.communities > 0 && (
            <Typography.Paragraph data-testid="community-totals">
              {t("data.communityTotals", {
                region: totals.data.total.regionName,
                communities: groupDigits(String(totals.data.total.communities)),
                buildings: groupDigits(String(totals.data.total.buildings)),
                households: groupDigits(String(totals.data.total.households)),
                area: groupDigits(totals.data.total.area),
                investment: groupDigits(formatWanText(totals.data.total.investment)),
              })}
            </Typography.Paragraph>
          )}
          <DataTable
            dataset={dataset}
            rows={rows.data?.items ?? []}
            total={rows.data?.total ?? 0}
            loading={rows.loading}
            canWrite={canWrite}
            pagination={pagination}
            onSaved={() => {
              rows.reload();
              totals.reload();
            }}
            highlightRow={Number(search.get("row")) || undefined}
            empty={
              rows.loading ? (
                <span />
              ) : q ? (
                <EmptyState
                  data-testid="data-empty"
                  description={t("data.noMatch", { q })}
                  actions={<Button onClick={() => setQ(null)}>{t("data.clearSearch")}</Button>}
                />
              ) : (
                <EmptyState
                  data-testid="data-empty"
                  description={t("data.empty", {
                    region: region.name,
                    year,
                    dataset: locale === "zh-CN" ? dataset.zh : dataset.en,
                  })}
                  hint={t(canWrite ? "data.emptyHint" : "data.emptyHintRead")}
                  years={{ regionCode: region.code, dataset: name, current: year, onPick: setYear }}
                  actions={
                    <>
                      <Button
                        icon={<DownloadOutlined />}
                        href={dataApi.templateUrl(name, region.code, year)}
                        data-testid="data-empty-template"
                      >
                        {t("data.template")}
                      </Button>
                      {canWrite && (
                        <>
                          <ArrowRightOutlined aria-hidden />
                          <Button
                            type="primary"
                            icon={<UploadOutlined />}
                            onClick={() => setImporting(true)}
                            data-testid="data-empty-import"
                          >
                            {t("data.import")}
                          </Button>
                        </>
                      )}
                    </>
                  }
                />
              )
            }
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t("data.history")}
          </Typography.Title>
          <Table<ImportRecordT>
            size="small"
            rowKey="id"
            data-testid="import-history"
            loading={imports.loading}
            dataSource={imports.data?.items ?? []}
            pagination={history.pagination(imports.data?.total ?? 0)}
            scroll={{ x: "max-content" }}
            columns={[
              {
                title: t("data.historyAt"),
                dataIndex: "createdAt",
                render: (at: string) => formatDateTime(at),
              },
              { title: t("data.historyFile"), dataIndex: "fileName" },
              { title: t("data.region"), dataIndex: "regionName" },
              { title: t("data.historyYear"), dataIndex: "year" },
              {
                title: t("data.historyStatus"),
                dataIndex: "status",
                render: (status: string) =>
                  status === "committed" ? (
                    <Tag color="green">{t("data.statusCommitted")}</Tag>
                  ) : (
                    <Tag>{t("data.statusPreviewed")}</Tag>
                  ),
              },
              { title: t("data.added"), dataIndex: "added", align: "right" },
              { title: t("data.changed"), dataIndex: "changed", align: "right" },
              { title: t("data.unchanged"), dataIndex: "unchanged", align: "right" },
              { title: t("data.historyBy"), dataIndex: "createdByName" },
            ]}
          />
          <ImportDialog
            open={importing}
            dataset={dataset}
            region={region}
            year={year}
            onClose={() => setImporting(false)}
            onImported={reload}
          />
        </>
      )}
    </Card>
  );
}
