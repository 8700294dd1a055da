import { useCallback, useState, type ReactNode } from 'react';
import { Button, Card, Form, Space, type FormInstance, type TablePaginationConfig } from 'antd';
import type { Dayjs } from 'dayjs';

/** A list page's filters as query parameters (undefined = not filtered). */
export type Filters = Record<string, string | undefined>;

/** A range picker's value as two query parameters, 'YYYY-MM-DD' ({} when empty). */
export const dateRange = (v: [Dayjs | null, Dayjs | null] | null | undefined, from: string, to: string): Filters =>
  v ? { [from]: v[0]?.format('YYYY-MM-DD'), [to]: v[1]?.format('YYYY-MM-DD') } : {};

/**
 * Filters and paging of a list page (台账): applying filters goes back to page 1; `pagination(total)` is the
 * table's pager with page sizes and 共 N 件.
 *
 *   const { filters, paging, apply, pagination } = useListFilters();
 *   const list = useCases({ ...filters, ...paging });
 *   <FilterBar form={form} onApply={(v) => apply({ q: v.q || undefined })}>…</FilterBar>
 *   <Table pagination={pagination(list.data?.total)} … />
 */
export function useListFilters<F extends object = Filters>(initial?: F) {
  const [filters, setFilters] = useState<F>(initial ?? ({} as F));
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const apply = useCallback((f: F) => {
    setFilters(f);
    setPaging((p) => ({ ...p, page: 1 }));
  }, []);
  const pagination = (total: number | undefined, unit = '件'): TablePaginationConfig => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total,
    showSizeChanger: true,
    showTotal: (n) => `共 ${n} ${unit}`,
    onChange: (page, pageSize) => setPaging({ page, pageSize }),
  });
  return { filters, paging, apply, pagination };
}

/**
 * The filter bar above a list: the fields inline, then 查询 and 重置 (which empties the fields and applies
 * that). A search box inside submits with `onSearch={() => form.submit()}`.
 */
export function FilterBar<V extends object>({ form, onApply, children, bare }: { form: FormInstance<V>; onApply: (values: V) => void; children: ReactNode; bare?: boolean }) {
  const body = (
    <Form<V> form={form} layout="inline" onFinish={onApply} style={{ rowGap: 8, ...(bare ? { marginBottom: 12 } : {}) }}>
      {children}
      <Space>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onApply(form.getFieldsValue());
          }}
        >
          重置
        </Button>
      </Space>
    </Form>
  );
  return bare ? body : <Card size="small" style={{ marginBottom: 16 }}>{body}</Card>;
}
