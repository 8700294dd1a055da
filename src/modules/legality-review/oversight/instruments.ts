/**
 * 文书 of the oversight part: the 规范性文件备案审查纠错通知书 (numbered by the 司法局, 武司备纠〔2026〕N号) and the
 * 规范性文件清理结果公告 (numbered by the government that ran the 清理, 武政清〔2025〕N号).
 */
import { arabicDate } from '../../../platform/instruments/blocks';
import { registerInstrumentType, type Block } from '../../../platform/instruments/registry';
import { registerInstrumentEntity } from '../../../platform/instruments/service';
import { CAMPAIGN_ENTITY, FILING_ENTITY, OPERM } from './terms';

export const CORRECTION_NOTICE = 'normativeDoc.correctionNotice';
export const CLEANUP_NOTICE = 'normativeDoc.cleanupNotice';

registerInstrumentEntity({ entityType: FILING_ENTITY, readPermission: OPERM.filingRead });
registerInstrumentEntity({ entityType: CAMPAIGN_ENTITY, readPermission: OPERM.cleanupRead });

const s = (v: unknown) => (v == null ? '' : String(v));
const d = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? arabicDate(v) : s(v));
const p = (text: string, indent = true): Block => ({ kind: 'paragraph', text, indent });

// DOMAIN.md §3 备案审查: 不合法 or 不适当 → 纠错 by the 制定机关 within the period the notice sets.
registerInstrumentType({
  type: CORRECTION_NOTICE, label: '规范性文件备案审查纠错通知书', typeShort: '备纠', numbered: true, readPermission: OPERM.filingRead,
  cite: '法规规章备案审查条例；省行政规范性文件管理办法（备案审查）',
  title: () => '规范性文件备案审查纠错通知书',
  body: (f) => [
    { kind: 'recipient', text: s(f.filerName) },
    p(`你单位于${d(f.submittedDate)}报送备案的《${s(f.title)}》（${s(f.docNumber)}）收悉。经审查，该文件存在${s(f.resultLabel)}的问题：`),
    ...s(f.reasons).split(/\n+/).filter(Boolean).map((r) => p(r)),
    p(`请你单位于${d(f.deadline)}前自行纠正（修改或者废止），并将纠正情况及相关材料书面报送本机关。逾期未纠正的，本机关将依法提请本级人民政府处理。`),
    { kind: 'signature' },
  ],
});

// DOMAIN.md §3: 清理 outcomes 保留 / 修改 / 废止 / 宣布失效, published as the 清理结果.
registerInstrumentType({
  type: CLEANUP_NOTICE, label: '规范性文件清理结果公告', typeShort: '清', numbered: true, readPermission: OPERM.cleanupRead,
  title: (f) => `关于${s(f.campaignName)}结果的公告`,
  body: (f) => {
    const groups = (f.groups ?? []) as { label: string; rows: string[][] }[];
    const total = groups.reduce((n, g) => n + g.rows.length, 0);
    const out: Block[] = [
      p(`根据${s(f.basis) || '有关规定'}，${s(f.orgName)}组织开展了${s(f.campaignName)}，共清理规范性文件${total}件，其中${groups.map((g) => `${g.label}${g.rows.length}件`).join('，')}。现将清理结果公告如下：`),
    ];
    for (const g of groups) {
      if (!g.rows.length) continue;
      out.push({ kind: 'heading', level: 1, text: `${g.label}的规范性文件（${g.rows.length}件）` });
      out.push({ kind: 'table', columns: ['序号', '文件名称', '发文字号', g.label === '保留' ? '备注' : '理由'], rows: g.rows.map((r, i) => [String(i + 1), ...r]), widths: [1, 6, 3, 4] });
    }
    out.push(p('宣布废止、失效的规范性文件，自本公告发布之日起停止执行；决定修改的，由制定机关按程序修改后重新公布。'));
    out.push({ kind: 'signature' });
    return out;
  },
});
