/**
 * 文书 of the 人民调解 line: the 人民调解协议书 (人民调解法 第二十八条、第二十九条), issued and numbered in the name
 * of the committee that mediated, in the layout of 司法部's 人民调解文书格式.
 */
import { registerInstrumentType, type Block } from '../../../platform/instruments/registry';
import { registerInstrumentEntity } from '../../../platform/instruments/service';
import { chineseDate } from '../../../platform/instruments/blocks';
import { MEDIATION_READ } from '../workflow';

const s = (v: unknown, fallback = '') => (v == null || v === '' ? fallback : String(v));
const cnDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? chineseDate(v) : s(v, '＿＿年＿＿月＿＿日'));

registerInstrumentEntity({ entityType: 'mediationCase', readPermission: MEDIATION_READ });

/** 人民调解法 第二十九条: 调解协议书 states the parties, the dispute, the agreed terms and how and when they are performed. */
export const agreementType = registerInstrumentType({
  type: 'mediation.agreement',
  label: '人民调解协议书',
  typeShort: '调',
  numbered: true,
  format: '（{year}）{orgShort}调字第{n}号',
  cite: '人民调解法 第二十九条',
  readPermission: MEDIATION_READ,
  title: () => '人民调解协议书',
  body: (f): Block[] => [
    { kind: 'paragraph', text: `当事人（甲方）：${s(f.applicantName)}${s(f.applicantAddressMasked) ? `，住所：${s(f.applicantAddressMasked)}` : ''}。`, indent: false },
    { kind: 'paragraph', text: `当事人（乙方）：${s(f.respondentName)}。`, indent: false },
    { kind: 'heading', level: 1, text: '纠纷主要事实、争议事项' },
    { kind: 'paragraph', text: `${s(f.summary)}（纠纷类型：${s(f.disputeTypeLabel)}）` },
    { kind: 'paragraph', text: `经${s(f.committeeName)}主持调解，双方当事人在平等协商、自愿的基础上，依据《中华人民共和国人民调解法》第二十八条、第二十九条的规定，达成如下协议：` },
    { kind: 'heading', level: 1, text: '达成协议内容' },
    ...s(f.content)
      .split(/\n+/)
      .filter(Boolean)
      .map((p): Block => ({ kind: 'paragraph', text: p })),
    { kind: 'heading', level: 1, text: '履行方式、时限' },
    { kind: 'paragraph', text: s(f.performanceTerms, '双方当事人按上述协议内容自觉履行。') },
    {
      kind: 'paragraph',
      text: '本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效，具有法律约束力，当事人应当按照约定履行（人民调解法第二十九条、第三十一条）。双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（人民调解法第三十三条）。',
    },
    { kind: 'paragraph', text: '本协议一式三份，双方当事人、人民调解委员会各执一份。' },
    { kind: 'table', columns: ['当事人（甲方）签名', '当事人（乙方）签名', '人民调解员签名'], rows: [['', '', s(f.mediatorNames)]], widths: [1, 1, 1] },
    { kind: 'paragraph', text: `${s(f.committeeName)}（印章）`, align: 'right', indent: false },
    { kind: 'paragraph', text: cnDate(f.date), align: 'right', indent: false },
  ],
});
