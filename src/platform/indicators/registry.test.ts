import { describe, expect, it } from 'vitest';
import { present, roundHalfUp, type IndicatorDef } from './registry';

const def = (unit: IndicatorDef['unit']): IndicatorDef => ({ key: 'k', label: 'l', module: 'm', definition: 'd', unit, permission: 'p', compute: async () => ({ numerator: 0, denominator: 0 }) });

describe('指标取值规则 (DOMAIN §9)', () => {
  it('比率保留1位小数，四舍五入：7/12 = 58.3%', () => {
    expect(present(def('percent'), { numerator: 7, denominator: 12 }).display).toBe('58.3%');
  });
  it('恰好 .x5 时向上舍入（1/8 = 12.5%，1/16 = 6.25% → 6.3%）', () => {
    expect(present(def('percent'), { numerator: 1, denominator: 16 }).display).toBe('6.3%');
    expect(roundHalfUp(1, 8, 100, 1)).toBe(12.5);
    expect(roundHalfUp(5, 9, 100, 1)).toBe(55.6);
  });
  it('分母为0时不显示比率', () => {
    expect(present(def('percent'), { numerator: 0, denominator: 0 })).toMatchObject({ value: null, display: '—' });
  });
  it('复议:诉讼 以 x.xx:1 显示；万人比保留2位', () => {
    expect(present(def('ratio'), { numerator: 18, denominator: 7 }).display).toBe('2.57:1');
    expect(present(def('perTenThousand'), { numerator: 162, denominator: 462_000 }).display).toBe('3.51');
  });
});
