import { Tag, Tooltip } from 'antd';
import type { Deadline, Light } from '../../api/types';

// DOMAIN.md §0: 黄灯 when ≤ 3 working days remain, 红灯 when overdue — computed by the server's workflow engine.
export const lightLabels: Record<Light, { text: string; color: string }> = {
  red: { text: '红灯', color: 'red' },
  yellow: { text: '黄灯', color: 'gold' },
  green: { text: '正常', color: 'green' },
};

const unitLabel = (unit: string) => (unit === 'workingDay' ? '个工作日' : unit === 'calendarDay' ? '日' : unit);

/** The light of a deadline; hovering shows what the deadline is and the article it comes from. */
export function DeadlineTag({ deadline }: { deadline: Deadline | null }) {
  if (!deadline) return <Tag>无期限</Tag>;
  const l = lightLabels[deadline.light] ?? lightLabels.green;
  const tip = (
    <div>
      {/* unit 'date': a calendar date the statute names (e.g. 年度报告 3月1日前), not a period. */}
      <div>{deadline.label}：{deadline.unit === 'date' ? '' : `${deadline.days}${unitLabel(deadline.unit)}，`}截止 {deadline.dueDate}</div>
      <div>依据：{deadline.cite}</div>
      {deadline.provisional && <div>暂定：该年度工作日历尚未导入，导入后将重新计算</div>}
    </div>
  );
  return (
    <Tooltip title={tip}>
      <Tag color={l.color} data-light={deadline.light}>
        {l.text}
        {deadline.provisional ? '（暂定）' : ''}
      </Tag>
    </Tooltip>
  );
}

/** A list's 期限 column: the light, what is due and when; hovering shows the article. */
export function DeadlineCell({ d }: { d: { light: Light; label: string; dueDate: string; cite: string; provisional?: boolean } | null | undefined }) {
  if (!d) return <>—</>;
  return (
    <Tooltip title={`依据：${d.cite}${d.provisional ? '（暂定）' : ''}`}>
      <Tag color={lightLabels[d.light].color}>{lightLabels[d.light].text}</Tag>
      {d.label} {d.dueDate}
    </Tooltip>
  );
}
