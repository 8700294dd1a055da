/**
 * 文书 of 法律援助: 给予 / 不予法律援助决定书 (法律援助法 第四十三条) and the 指派函 to the 法律援助人员's firm
 * (第四十三条; for 通知辩护 also 第三十六条). Issued by the 法律援助机构 when the transition fires.
 */
import { registerInstrumentType, type Block } from '../../platform/instruments/registry';
import { registerInstrumentEntity } from '../../platform/instruments/service';
import { chineseDate } from '../../platform/instruments/blocks';
import { assigneeKinds, CASE_ENTITY, caseTypes, PERM } from './terms';

const s = (v: unknown, fallback = '') => (v == null || v === '' ? fallback : String(v));
const cnDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? chineseDate(v) : s(v, '＿＿年＿＿月＿＿日'));
const typeLabel = (v: unknown) => caseTypes[v as keyof typeof caseTypes] ?? '';

registerInstrumentEntity({ entityType: CASE_ENTITY, readPermission: PERM.read });

export const grantDecisionType = registerInstrumentType({
  type: 'legalAid.grantDecision',
  label: '给予法律援助决定书',
  typeShort: '援决',
  numbered: true,
  cite: '法律援助法 第四十三条',
  readPermission: PERM.read,
  title: () => '给予法律援助决定书',
  body: (f): Block[] => [
    { kind: 'recipient', text: s(f.applicantName) },
    { kind: 'paragraph', text: `你于${cnDate(f.receivedDate)}向本机构申请法律援助（${s(f.caseNumber)}，${typeLabel(f.caseType)}：${s(f.matter)}）。` },
    { kind: 'paragraph', text: '经审查，你的申请符合《中华人民共和国法律援助法》规定的法律援助条件。根据《中华人民共和国法律援助法》第四十三条的规定，本机构决定给予法律援助，并将自本决定作出之日起三日内指派法律援助人员为你提供法律援助。' },
    { kind: 'paragraph', text: '请你如实提供与案件有关的材料，配合法律援助人员办理案件。受援人以欺骗或者其他不正当手段获得法律援助的，本机构将终止法律援助（法律援助法第四十八条）。' },
    { kind: 'signature', orgName: s(f.orgName) || undefined, date: s(f.date) || undefined },
  ],
});

export const denyDecisionType = registerInstrumentType({
  type: 'legalAid.denyDecision',
  label: '不予法律援助决定书',
  typeShort: '援不',
  numbered: true,
  cite: '法律援助法 第四十三条、第四十九条',
  readPermission: PERM.read,
  title: () => '不予法律援助决定书',
  body: (f): Block[] => [
    { kind: 'recipient', text: s(f.applicantName) },
    { kind: 'paragraph', text: `你于${cnDate(f.receivedDate)}向本机构申请法律援助（${s(f.caseNumber)}，${typeLabel(f.caseType)}：${s(f.matter)}）。` },
    { kind: 'paragraph', text: `经审查，${s(f.reason, '你的申请不符合法律援助条件')}。根据《中华人民共和国法律援助法》第四十三条的规定，本机构决定不予法律援助。` },
    { kind: 'paragraph', text: `如对本决定有异议，可以向${s(f.bureauName, '设立本机构的司法行政部门')}提出。司法行政部门应当自收到异议之日起五日内进行审查，作出维持法律援助机构决定或者责令法律援助机构改正的决定（法律援助法第四十九条）。` },
    { kind: 'signature', orgName: s(f.orgName) || undefined, date: s(f.date) || undefined },
  ],
});

export const assignLetterType = registerInstrumentType({
  type: 'legalAid.assignLetter',
  label: '法律援助指派函',
  typeShort: '援指',
  numbered: true,
  cite: '法律援助法 第四十三条、第三十六条',
  readPermission: PERM.read,
  title: () => '法律援助指派函',
  body: (f): Block[] => [
    { kind: 'recipient', text: s(f.assigneeFirm) },
    {
      kind: 'paragraph',
      text: f.channel === 'notice'
        ? `${s(f.noticeOrgName)}通知本机构为${s(f.applicantName)}（${s(f.matter)}）指派律师提供辩护（通知书${s(f.noticeNumber, '')}）。根据《中华人民共和国法律援助法》第三十六条的规定，现指派贵所${assigneeKinds[f.assigneeKind as keyof typeof assigneeKinds] ?? ''}${s(f.assigneeName)}承办该案，并请于指派后及时通知办案机关、会见受援人。`
        : `本机构已决定为${s(f.applicantName)}提供法律援助（${s(f.caseNumber)}，${typeLabel(f.caseType)}：${s(f.matter)}）。根据《中华人民共和国法律援助法》第四十三条的规定，现指派贵所${assigneeKinds[f.assigneeKind as keyof typeof assigneeKinds] ?? ''}${s(f.assigneeName)}承办该案。`,
    },
    { kind: 'paragraph', text: '请承办人员依法履行职责，及时办理，不得收取任何财物；办理结束后及时向本机构报告，提交有关法律文书的副本或者复印件、办理情况报告等材料（法律援助法第二十二条、第五十条）。' },
    { kind: 'table', columns: ['案件编号', '受援人', '案件类别', '指派日期'], rows: [[s(f.caseNumber), s(f.applicantName), typeLabel(f.caseType), cnDate(f.date)]] },
    { kind: 'signature', orgName: s(f.orgName) || undefined, date: s(f.date) || undefined },
  ],
});
