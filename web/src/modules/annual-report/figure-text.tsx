import { useState } from 'react';
import { Descriptions, Modal, Popover, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { splitTokens, type Figures } from './api';

interface RecordRef {
  id: string;
  title: string;
  date: string | null;
  orgName: string;
  link: string | null;
}

/** The records behind a figure, from the indicator's own drill-down (GET /api/indicators/:key/records). */
function RecordsModal({ figureKey, figures, part, onClose }: { figureKey: string; figures: Figures; part: 'numerator' | 'denominator'; onClose: () => void }) {
  const v = figures.values[figureKey];
  const q = useQuery({
    queryKey: ['annual-report', 'records', figureKey, figures.org.id, figures.from, part],
    queryFn: () => api.get<{ records: RecordRef[] }>(`/api/indicators/${encodeURIComponent(figureKey)}/records`, { org: figures.org.id, from: figures.from, to: figures.to, part }),
  });
  return (
    <Modal open title={`${v?.label ?? figureKey}（${part === 'numerator' ? '分子' : '分母'}）的记录`} footer={null} width={860} onCancel={onClose}>
      <Table<RecordRef>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.records}
        pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: '记录', dataIndex: 'title', render: (t: string, r) => (r.link ? <Link to={r.link}>{t}</Link> : t) },
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '机构', dataIndex: 'orgName', width: 180 },
        ]}
      />
    </Modal>
  );
}

/** One figure in the prose: the value, with its definition, last year's value, 同比 and records on hover. */
function Figure({ figureKey, part, figures }: { figureKey: string; part?: 'prev' | 'change'; figures: Figures }) {
  const [records, setRecords] = useState<'numerator' | 'denominator' | null>(null);
  const v = figures.values[figureKey];
  if (!v) return <Tag color="default" title={`指标 ${figureKey} 未登记`}>—</Tag>;
  const shown = part === 'prev' ? v.prevDisplay : part === 'change' ? v.change : v.display;
  const content = (
    <div style={{ maxWidth: 380 }}>
      <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }} items={[
        { key: 'd', label: '定义', children: v.definition },
        { key: 'v', label: `${figures.year}年`, children: v.denominator != null ? `${v.display}（${v.numerator} / ${v.denominator}）` : v.display },
        { key: 'p', label: `${figures.year - 1}年`, children: v.prevDisplay },
        { key: 'c', label: '同比', children: v.change },
        { key: 'o', label: '范围', children: `${figures.org.name}（含下级），${figures.from} 至 ${figures.to}` },
      ]} />
      <Typography.Paragraph style={{ margin: '8px 0 0' }}>
        <a onClick={() => setRecords('numerator')}>查看记录</a>
        {v.denominator != null && <> · <a onClick={() => setRecords('denominator')}>分母记录</a></>}
        <span style={{ color: '#999', marginLeft: 8 }}>{v.moduleLabel}</span>
      </Typography.Paragraph>
    </div>
  );
  return (
    <>
      <Popover title={v.label} content={content}>
        <span className="fz-figure" data-figure={figureKey} style={{ background: '#e6f4ff', borderBottom: '1px dashed #1677ff', padding: '0 2px', cursor: 'help' }}>{shown}</span>
      </Popover>
      {records && <RecordsModal figureKey={figureKey} figures={figures} part={records} onClose={() => setRecords(null)} />}
    </>
  );
}

/** Prose with its figure tokens shown as live figures. */
export function FigureText({ text, figures }: { text: string; figures: Figures }) {
  return (
    <>
      {splitTokens(text).map((p, i) => ('key' in p ? <Figure key={i} figureKey={p.key} part={p.part} figures={figures} /> : <span key={i}>{p.text}</span>))}
    </>
  );
}
