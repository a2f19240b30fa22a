/** Page and page size of a table whose rows are paged on the server, and the antd pagination for it. */
import { type TablePaginationConfig, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-context.tsx";

export function useServerPaging(initialPageSize = 20) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const pagination = (total: number): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (all) => (
      <Typography.Text type="secondary">{t("common.total", { total: all })}</Typography.Text>
    ),
    onChange: (nextPage, nextSize) => {
      setPage(nextSize === pageSize ? nextPage : 1);
      setPageSize(nextSize);
    },
  });
  return { page, pageSize, setPage, pagination };
}
