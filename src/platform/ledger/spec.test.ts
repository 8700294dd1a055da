import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cellPrimitive, cellText, convertValue, normalizeHeader, parseBoolean, parseCode, parseDate, parseDecimal, parseInteger, splitList } from './spec';

describe('台账单元格转换', () => {
  it.each([
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
    [45356, '2024-03-05'],
    [20240305, '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['2024-03-05 00:00:00', '2024-03-05'],
    ['20240229', '2024-02-29'],
  ])('日期 %s → %s', (input, expected) => {
    expect(parseDate(input as never)).toEqual({ ok: true, value: expected });
  });

  it('不存在的日期和无法识别的格式给出中文原因', () => {
    expect(parseDate('2023-02-29')).toEqual({ ok: false, reason: '日期不存在：2023年2月29日' });
    expect(parseDate('3月5日')).toEqual({ ok: false, reason: '日期格式不正确，应为如 2024-03-05、2024/3/5 或 2024年3月5日' });
  });

  it('整数、数字、是/否、代码表', () => {
    expect(parseInteger('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseInteger(3.5)).toEqual({ ok: false, reason: '应为整数' });
    expect(parseDecimal('3000.50')).toEqual({ ok: true, value: 3000.5 });
    expect(parseDecimal('三千')).toEqual({ ok: false, reason: '应为数字' });
    expect(parseBoolean('是')).toEqual({ ok: true, value: true });
    expect(parseBoolean('否')).toEqual({ ok: true, value: false });
    expect(parseBoolean(true)).toEqual({ ok: true, value: true });
    expect(parseBoolean('也许')).toEqual({ ok: false, reason: '应填写“是”或“否”' });
    const codes = { 启用: 'active', 停用: 'disabled' };
    expect(parseCode(' 停用 ', codes)).toEqual({ ok: true, value: 'disabled' });
    expect(parseCode('active', codes)).toEqual({ ok: true, value: 'active' });
    expect(parseCode('注销', codes)).toEqual({ ok: false, reason: '“注销”不是可选值，可选：启用、停用' });
  });

  it('文本列：数字不带 .0，富文本、公式结果、公式错误', () => {
    expect(convertValue({ key: 'phone', header: '手机号' }, 13800000000)).toEqual({ ok: true, value: '13800000000' });
    expect(cellPrimitive({ richText: [{ text: '壶山' }, { text: '司法所' }] })).toBe('壶山司法所');
    expect(cellPrimitive({ formula: 'A1', result: 7 })).toBe(7);
    expect(convertValue({ key: 'n', header: '数量', type: 'integer' }, cellPrimitive({ error: '#N/A' }))).toEqual({ ok: false, reason: '单元格有公式错误（#N/A）' });
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(splitList('业务人员、 director，staff;x')).toEqual(['业务人员', 'director', 'staff', 'x']);
    expect(z.string().max(2).safeParse('abc').success).toBe(false);
  });

  it('表头匹配容忍空格、全角括号和必填星号', () => {
    expect(normalizeHeader(' *所属机构（全称） ')).toBe(normalizeHeader('所属机构(全称)'));
    expect(normalizeHeader('＊收案 日期')).toBe('收案日期');
    expect(normalizeHeader('【案号】')).toBe('[案号]');
  });
});
