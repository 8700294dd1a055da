/**
 * 文书 of the 行政应诉 line: the 答辩状 drafted from the case (行政诉讼法 第六十七条), the internal notice that
 * the organ's 负责人 should appear in court (第三条第三款), and the reply to a court's 司法建议 (第六十六条).
 */
import { registerInstrumentType, type Block } from '../../../platform/instruments/registry';
import { registerInstrumentEntity } from '../../../platform/instruments/service';
import { chineseDate } from '../../../platform/instruments/blocks';
import { LITIGATION_READ } from '../workflow';

const s = (v: unknown, fallback = '') => (v == null || v === '' ? fallback : String(v));
const cnDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? chineseDate(v) : s(v, '＿＿年＿＿月＿＿日'));

registerInstrumentEntity({ entityType: 'litigationCase', readPermission: LITIGATION_READ });
registerInstrumentEntity({ entityType: 'litigationSuggestion', readPermission: LITIGATION_READ });
registerInstrumentEntity({ entityType: 'litigationHearing', readPermission: LITIGATION_READ });

/** 行政诉讼法 第六十七条: the 被告 answers with a 答辩状 and the evidence and 规范性文件 it relied on. */
export const defenceType = registerInstrumentType({
  type: 'litigation.defence',
  label: '行政诉讼答辩状（草稿）',
  typeShort: '答',
  numbered: false,
  cite: '行政诉讼法 第六十七条',
  readPermission: LITIGATION_READ,
  title: () => '行政诉讼答辩状',
  body: (f): Block[] => [
    { kind: 'paragraph', text: `答辩人：${s(f.defendantName)}。`, indent: false },
    { kind: 'paragraph', text: `法定代表人：${s(f.legalRepresentative, '＿＿＿＿')}，职务：${s(f.legalRepresentativePost, '＿＿＿＿')}。`, indent: false },
    { kind: 'paragraph', text: `被答辩人（原告）：${s(f.plaintiffName)}${Number(f.plaintiffCount ?? 1) > 1 ? `等${f.plaintiffCount}人` : ''}。`, indent: false },
    {
      kind: 'paragraph',
      text: `答辩人于${cnDate(f.receivedDate)}收到${s(f.courtName)}送达的${s(f.caseNumber)}原告${s(f.plaintiffName)}诉答辩人${s(f.cause)}一案的起诉状副本，现依据《中华人民共和国行政诉讼法》第六十七条的规定，在法定期限内提出答辩如下：`,
    },
    { kind: 'heading', level: 1, text: '答辩请求' },
    { kind: 'paragraph', text: s(f.defenceRequest, '被诉行政行为认定事实清楚，证据确凿，适用法律、法规正确，符合法定程序，请求人民法院依法判决驳回原告的诉讼请求。') },
    { kind: 'heading', level: 1, text: '事实与理由' },
    { kind: 'paragraph', text: `原告的诉讼请求：${s(f.claims, '（见起诉状）')}` },
    { kind: 'paragraph', text: s(f.facts, '（一）被诉行政行为的事实依据：＿＿＿＿＿＿＿＿。') },
    { kind: 'paragraph', text: s(f.reasons, '（二）被诉行政行为的法律依据及程序：＿＿＿＿＿＿＿＿。') },
    { kind: 'paragraph', text: '综上所述，请求人民法院依法驳回原告的诉讼请求。' },
    { kind: 'paragraph', text: '此致', indent: true },
    { kind: 'paragraph', text: s(f.courtName), indent: false },
    { kind: 'attachments', items: [`证据材料${s(f.evidenceCount, '＿')}份及证据清单`, '作出被诉行政行为所依据的规范性文件', '法定代表人身份证明及授权委托书'] },
    { kind: 'signature', orgName: s(f.defendantName), date: s(f.date) || undefined },
  ],
});

/** 行政诉讼法 第三条第三款: the organ's 负责人 should appear in court; if not, a 工作人员 of the organ must. */
export const appearanceNoticeType = registerInstrumentType({
  type: 'litigation.appearanceNotice',
  label: '行政机关负责人出庭应诉通知',
  typeShort: '应诉',
  numbered: true,
  cite: '行政诉讼法 第三条第三款',
  readPermission: LITIGATION_READ,
  title: () => '关于行政机关负责人出庭应诉的通知',
  body: (f): Block[] => [
    { kind: 'recipient', text: s(f.defendantName) },
    {
      kind: 'paragraph',
      text: `${s(f.courtName)}定于${cnDate(f.hearingDate)}公开开庭审理原告${s(f.plaintiffName)}诉你单位${s(f.cause)}一案（${s(f.caseNumber)}）。`,
    },
    {
      kind: 'paragraph',
      text: '根据《中华人民共和国行政诉讼法》第三条第三款和《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》，被诉行政机关负责人应当出庭应诉；不能出庭的，应当委托行政机关相应的工作人员出庭，并向人民法院提交情况说明。',
    },
    { kind: 'paragraph', text: `请你单位${s(f.headName) ? `${s(f.headName)}（${s(f.headPost)}）` : '负责人'}按时出庭应诉，并于开庭前将出庭人员名单报送本机关。` },
    { kind: 'signature', orgName: s(f.issuerName) || undefined, date: s(f.date) || undefined },
  ],
});

/** 行政诉讼法 第六十六条: the organ answers the court's 司法建议 in writing. */
export const suggestionReplyType = registerInstrumentType({
  type: 'litigation.suggestionReply',
  label: '司法建议回复函',
  typeShort: '函',
  numbered: true,
  cite: '行政诉讼法 第六十六条',
  readPermission: LITIGATION_READ,
  title: () => '关于司法建议的回复函',
  body: (f): Block[] => [
    { kind: 'recipient', text: s(f.courtName) },
    {
      kind: 'paragraph',
      text: `贵院${s(f.documentNumber) ? `《司法建议书》（${s(f.documentNumber)}）` : '司法建议书'}已于${cnDate(f.receivedDate)}收悉。我单位高度重视，认真研究，现将有关情况回复如下：`,
    },
    ...s(f.content)
      .split(/\n+/)
      .filter(Boolean)
      .map((p): Block => ({ kind: 'paragraph', text: p })),
    { kind: 'paragraph', text: '特此函复。' },
    { kind: 'signature', orgName: s(f.defendantName) || undefined, date: s(f.date) || undefined },
  ],
});
