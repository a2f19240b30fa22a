/** Page and page size of a table whose rows are paged on the server, and the antd pagination for it. */
import { type TablePaginationConfig, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-context.tsx";
import type { Translate } from "../i18n/translate.ts";

/** The antd pagination of a server-paged table, with the size changer and the total in words. */
export function serverPagination(
  t: Translate,
  at: { page: number; pageSize: number; total: number },
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: at.page,
    pageSize: at.pageSize,
    total: at.total,
    showSizeChanger: true,
    showTotal: (all) => (
      <Typography.Text type="secondary">{t("common.total", { total: all })}</Typography.Text>
    ),
    onChange,
  };
}

export function useServerPaging(initialPageSize = 20) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const pagination = (total: number) =>
    serverPagination(t, { page, pageSize, total }, (nextPage, nextSize) => {
      setPage(nextSize === pageSize ? nextPage : 1);
      setPageSize(nextSize);
    });
  return { page, pageSize, setPage, pagination };
}
