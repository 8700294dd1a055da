import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Calendar, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Modal, Radio, Row, Space, Tag, Typography, Upload } from 'antd';
import { ImportOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { ApiError } from '../../api/client';
import type { CalendarDay, CalendarImport, CalendarImportProblem, CalendarYear } from '../../api/types';
import { feedback } from '../feedback';
import { PageContainer } from '../components/page-container';

const sourceLabels: Record<CalendarYear['source'], string> = {
  builtin: '内置数据（国务院办公厅历年放假安排）',
  loaded: '管理员导入',
  none: '未导入（按周一至周五计算）',
};

const listStyle = { listStyle: 'none', margin: '4px 0 12px', padding: 0 } as const;
const itemStyle = { padding: '6px 0', borderBottom: '1px solid #f0f0f0' } as const;

const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

/** Consecutive days off with the same name, for the side list (e.g. 国庆节 10-01 至 10-07). */
function summarize(days: CalendarDay[]) {
  const holidays: { name: string; from: string; to: string; count: number }[] = [];
  const workdays: CalendarDay[] = [];
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (d.isWorkday) {
      workdays.push(d);
      continue;
    }
    if (!d.name) continue; // an ordinary weekend the server chose to list
    const last = holidays.at(-1);
    if (last && last.name === d.name && dayjs(last.to).add(1, 'day').format('YYYY-MM-DD') === d.date) {
      last.to = d.date;
      last.count++;
    } else holidays.push({ name: d.name, from: d.date, to: d.date, count: 1 });
  }
  return { holidays, workdays };
}

function sampleImport(year: number): string {
  const body: CalendarImport = {
    source: `国务院办公厅关于${year}年部分节假日安排的通知`,
    holidays: [
      { name: '元旦', from: `${year}-01-01`, to: `${year}-01-01` },
      { name: '国庆节', from: `${year}-10-01`, to: `${year}-10-07` },
    ],
    workdays: [{ name: '国庆节', date: `${year}-09-27` }],
  };
  return JSON.stringify(body, null, 2);
}

function ImportButton({ year, onDone }: { year: number; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const importYear = useMutation({
    mutationFn: (body: CalendarImport) => api.post(`/api/calendar/years/${year}/import`, body),
    // Every refused entry is listed in the dialog (CALENDAR_IMPORT_INVALID details.problems).
    meta: { silent: true },
    onSuccess: () => {
      feedback.message?.success(`${year}年工作日历已导入，相关期限将重新计算`);
      setOpen(false);
      onDone();
    },
  });
  const submit = () => {
    let body: CalendarImport;
    try {
      body = JSON.parse(text);
    } catch (e) {
      setParseError(`不是有效的 JSON：${(e as Error).message}`);
      return;
    }
    if (!body || !Array.isArray(body.holidays) || !Array.isArray(body.workdays)) {
      setParseError('内容应包含 holidays（节假日区间）和 workdays（调休上班日）两个数组');
      return;
    }
    setParseError(null);
    importYear.mutate(body);
  };
  return (
    <>
      <Button type="primary" icon={<ImportOutlined />} onClick={() => { setText(sampleImport(year)); setParseError(null); importYear.reset(); setOpen(true); }}>
        导入{year}年安排
      </Button>
      <Modal title={`导入${year}年法定节假日和调休安排`} open={open} onCancel={() => setOpen(false)} onOk={submit} okText="导入" confirmLoading={importYear.isPending} width={680} destroyOnHidden>
        <Typography.Paragraph type="secondary">
          按国务院办公厅公布的放假通知填写：holidays 为放假区间（含首尾日），workdays 为周末调休上班日。导入将替换该年度原有的安排（单日手工调整除外），并重新计算该年度内的期限。
        </Typography.Paragraph>
        <Space style={{ marginBottom: 8 }}>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={async (file) => {
              setText(await file.text());
              setParseError(null);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>从文件读取（.json）</Button>
          </Upload>
        </Space>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={16} style={{ fontFamily: 'monospace' }} spellCheck={false} />
        {parseError && <Alert type="error" showIcon title={parseError} style={{ marginTop: 8 }} />}
        {importYear.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 8 }}
            title={importYear.error.message}
            description={
              // The message names every problem; a list reads better once there are several.
              importYear.error instanceof ApiError && ((importYear.error.details as { problems?: unknown[] } | undefined)?.problems?.length ?? 0) > 1 ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {((importYear.error.details as { problems: CalendarImportProblem[] }).problems).map((p, i) => (
                    <li key={i}>
                      {p.entry}
                      {p.field ? `.${p.field}` : ''}：{p.reason}
                      {p.value !== undefined && p.value !== null && typeof p.value !== 'object' ? `（${String(p.value)}）` : ''}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
      </Modal>
    </>
  );
}

type DayChoice = 'holiday' | 'workday' | 'reset';

function DayModal({ date, day, onClose, onDone }: { date: Dayjs | null; day?: CalendarDay; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ choice: DayChoice; name?: string }>();
  const save = useMutation({
    mutationFn: ({ choice, name }: { choice: DayChoice; name?: string }) => {
      const d = date!.format('YYYY-MM-DD');
      if (choice === 'reset') return api.post(`/api/calendar/days/${d}/reset`);
      return api.put(`/api/calendar/days/${d}`, { isWorkday: choice === 'workday', name: name?.trim() || undefined });
    },
    onSuccess: () => {
      feedback.message?.success('已保存，相关期限将重新计算');
      onDone();
      onClose();
    },
  });
  if (!date) return null;
  const current = day ? (day.isWorkday ? `调休上班${day.name ? `（${day.name}）` : ''}` : `休息${day.name ? `（${day.name}）` : ''}`) : isWeekend(date) ? '周末休息' : '工作日';
  return (
    <Modal title={`设置 ${date.format('YYYY年M月D日 dddd')}`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[{ key: 'current', label: '当前', children: <>{current}{day?.override && <Tag style={{ marginInlineStart: 8 }}>已手工调整</Tag>}</> }]}
      />
      <Form form={form} layout="vertical" initialValues={{ choice: day && !day.isWorkday ? 'holiday' : day?.isWorkday ? 'workday' : isWeekend(date) ? 'workday' : 'holiday', name: day?.name ?? '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="choice" label="设为">
          <Radio.Group
            options={[
              { value: 'holiday', label: '法定节假日（休）' },
              { value: 'workday', label: '调休上班（班）' },
              { value: 'reset', label: '恢复默认' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['choice']}>
          {({ getFieldValue }) =>
            getFieldValue('choice') !== 'reset' && (
              <Form.Item name="name" label="节日名称" rules={[{ max: 20 }]}>
                <Input placeholder="如 国庆节" />
              </Form.Item>
            )
          }
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function CalendarPage() {
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => dayjs().year());
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const [picked, setPicked] = useState<Dayjs | null>(null);
  const cal = useQuery({ queryKey: ['calendar', 'year', year], queryFn: () => api.get<CalendarYear>(`/api/calendar/years/${year}`) });
  const byDate = useMemo(() => new Map((cal.data?.days ?? []).map((d) => [d.date, d])), [cal.data]);
  const { holidays, workdays } = useMemo(() => summarize(cal.data?.days ?? []), [cal.data]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar'] });

  const changeYear = (y: number) => {
    setYear(y);
    setMonth(y === dayjs().year() ? dayjs() : dayjs(`${y}-01-01`));
  };

  return (
    <PageContainer
      title="工作日历"
      extra={
        <>
          <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && changeYear(d.year())} />
          <ImportButton year={year} onDone={refresh} />
        </>
      }
    >
      {cal.data?.provisional && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${year}年的工作日历为暂定`}
          description="尚未导入该年度的法定节假日和调休安排，目前按周一至周五计算工作日；落在该年度的期限均标为“暂定”，导入后自动重新计算。"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card loading={cal.isPending && !cal.isError} styles={{ body: { paddingTop: 8 } }}>
            <Calendar
              value={month}
              validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
              onPanelChange={(d) => setMonth(d)}
              onSelect={(d, info) => {
                setMonth(d);
                if (info.source === 'date') setPicked(d);
              }}
              cellRender={(d, info) => {
                if (info.type !== 'date') return info.originNode;
                const day = byDate.get(d.format('YYYY-MM-DD'));
                if (!day) return isWeekend(d) ? <span style={{ fontSize: 12, color: '#bbb' }}>周末</span> : null;
                return (
                  <div style={{ lineHeight: 1.4 }}>
                    <Badge color={day.isWorkday ? '#1d4ed8' : '#f5222d'} text={<span style={{ fontWeight: 600, color: day.isWorkday ? '#1d4ed8' : '#cf1322' }}>{day.isWorkday ? '班' : '休'}</span>} />
                    {day.name && <div style={{ fontSize: 12, color: '#666' }}>{day.name}</div>}
                    {day.override && <Tag style={{ fontSize: 11, lineHeight: '16px', marginTop: 2 }}>手工调整</Tag>}
                  </div>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card title={`${year}年安排`} size="small">
            <Descriptions
              size="small"
              column={1}
              style={{ marginBottom: 12 }}
              items={[
                { key: 'source', label: '数据来源', children: cal.data ? sourceLabels[cal.data.source] : '—' },
                ...(cal.data?.sourceNote ? [{ key: 'note', label: '依据', children: cal.data.sourceNote }] : []),
                { key: 'state', label: '状态', children: cal.data ? cal.data.provisional ? <Tag color="orange">暂定</Tag> : <Tag color="green">已确定</Tag> : '—' },
              ]}
            />
            <Typography.Text strong>法定节假日</Typography.Text>
            {holidays.length ? (
              <ul style={listStyle}>
                {holidays.map((h) => (
                  <li key={h.from} style={itemStyle}>
                    <Tag color="red">{h.name}</Tag>
                    {`${dayjs(h.from).format('M月D日')}${h.count > 1 ? ` 至 ${dayjs(h.to).format('M月D日')}` : ''}，共${h.count}天`}
                  </li>
                ))}
              </ul>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />
            )}
            <Typography.Text strong>调休上班</Typography.Text>
            {workdays.length ? (
              <ul style={listStyle}>
                {workdays.map((w) => (
                  <li key={w.date} style={itemStyle}>
                    <Tag color="blue">班</Tag>
                    {`${dayjs(w.date).format('M月D日 dddd')}${w.name ? `（${w.name}）` : ''}`}
                  </li>
                ))}
              </ul>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
              点击日历中的某一天可单独设为法定节假日、调休上班或恢复默认。工作日按周一至周五扣除法定节假日、加上调休上班日计算（民法典 第二百零三条：期间最后一日是法定休假日的，以其次日为期间的最后一日）。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      {picked && <DayModal date={picked} day={byDate.get(picked.format('YYYY-MM-DD'))} onClose={() => setPicked(null)} onDone={refresh} />}
    </PageContainer>
  );
}
