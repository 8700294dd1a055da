import { Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { Indicator } from './api';

/** 同比 and rank under a figure; green when the change goes the good way for this figure. */
export function ChangeLine({ ind }: { ind: Indicator }) {
  const c = ind.change!;
  const good = c.trend === 'flat' || c.trend == null ? null : (c.trend === 'up') === (ind.direction !== 'lowerBetter');
  return (
    <div style={{ fontSize: 12, marginTop: 4 }} data-testid="indicator-change">
      <Typography.Text type="secondary">上年同期 {ind.lastYear?.display ?? '—'}，同比 </Typography.Text>
      <Typography.Text style={{ color: good == null ? undefined : good ? '#389e0d' : '#cf1322' }}>
        {c.trend === 'up' && <ArrowUpOutlined />}
        {c.trend === 'down' && <ArrowDownOutlined />} {c.display === '—' ? c.text : c.display}
      </Typography.Text>
      {ind.rank && <Typography.Text type="secondary">　同级排名 {ind.rank.position}/{ind.rank.of}</Typography.Text>}
    </div>
  );
}

