import type { TablePaginationConfig } from 'antd';

/**
 * The pagination of a table whose rows the gateway pages (`?offset=&limit=`): the page the user
 * is on, the total the answer gave, "N entri" beside it, and no page-size picker (the page's
 * size is the query's).
 */
export function serverPages(o: {
  page: number;
  setPage: (page: number) => void;
  pageSize: number;
  total: number | undefined;
  totalText: (total: number) => string;
}): TablePaginationConfig {
  return {
    current: o.page,
    pageSize: o.pageSize,
    total: o.total ?? 0,
    showSizeChanger: false,
    showTotal: o.totalText,
    onChange: o.setPage,
  };
}
