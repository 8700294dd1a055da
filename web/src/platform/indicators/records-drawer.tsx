/** The records behind a figure (numerator and denominator tabs), for the 指标 page and the 驾驶舱. */
import { Link } from 'react-router';
import { Alert, Drawer, Empty, Table, Tabs, Typography } from 'antd';
import { useIndicatorRecords, type Indicator, type IndicatorFilter, type IndicatorRecord } from './api';

/** Words for the numerator and denominator of a figure, from its unit. */
export function parts(ind: Pick<Indicator, 'unit' | 'denominator'>): { numerator: string; denominator: string | null } {
  if (ind.denominator == null) return { numerator: '记录', denominator: null };
  if (ind.unit === 'perTenThousand') return { numerator: '分子', denominator: '常住人口' };
  return { numerator: '分子', denominator: '分母' };
}

export function RecordTable({ ind, part, filter }: { ind: Pick<Indicator, 'key'>; part: 'numerator' | 'denominator'; filter: IndicatorFilter }) {
  const records = useIndicatorRecords(ind.key, part, filter);
  return (
    <Table<IndicatorRecord>
      size="small"
      rowKey={(r) => `${r.entityType}:${r.id}`}
      loading={records.isLoading}
      dataSource={records.data?.records ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有记录" /> }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
      columns={[
        { title: '记录', dataIndex: 'title', render: (t: string, r) => (r.link ? <Link to={r.link}>{t}</Link> : t) },
        { title: '日期', dataIndex: 'date', width: 110, render: (d: string | null) => d ?? '—' },
        { title: '机构', dataIndex: 'orgName', width: 150 },
        {
          title: '结果',
          width: 120,
          render: (_, r) => {
            const label = r.extra?.outcomeLabel ?? r.extra?.source;
            return typeof label === 'string' ? label : '—';
          },
        },
      ]}
    />
  );
}

export function RecordsDrawer({ ind, filter, scopeText, onClose }: { ind: Pick<Indicator, 'key' | 'label' | 'display' | 'definition' | 'unit' | 'numerator' | 'denominator'> | null; filter: IndicatorFilter; scopeText: string; onClose: () => void }) {
  const p = ind ? parts(ind) : null;
  return (
    <Drawer open={!!ind} onClose={onClose} size={820} title={ind ? `${ind.label}：${ind.display}` : ''} destroyOnHidden data-testid="indicator-drawer">
      {ind && p && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`计算口径：${ind.definition}`} description={scopeText} />
          {p.denominator && ind.unit !== 'perTenThousand' ? (
            <Tabs
              items={[
                { key: 'numerator', label: `${p.numerator}（${ind.numerator}）`, children: <RecordTable ind={ind} part="numerator" filter={filter} /> },
                { key: 'denominator', label: `${p.denominator}（${ind.denominator}）`, children: <RecordTable ind={ind} part="denominator" filter={filter} /> },
              ]}
            />
          ) : (
            <>
              {ind.unit === 'perTenThousand' && (
                <Typography.Paragraph type="secondary">
                  常住人口 {ind.denominator ?? '—'} 人（机构属性）；下列为分子对应的记录（{ind.numerator}）。
                </Typography.Paragraph>
              )}
              <RecordTable ind={ind} part="numerator" filter={filter} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

