/**
 * 行政复议 文书 (DOMAIN.md §1). Every one is issued in the name of the 行政复议机关 — the county government —
 * and numbered in its run (行政复议法 第六十一条): decisions as 武政复〔2025〕N号, notices with their own short
 * names (武政复受〔2025〕N号 …). The case itself belongs to the 司法局 (the 行政复议机构).
 */
import { registerInstrumentType, type InstrumentTypeDef, type Block } from '../../../platform/instruments/registry';
import { registerInstrumentEntity } from '../../../platform/instruments/service';
import { arabicDate } from '../../../platform/instruments/blocks';
import { getOrg } from '../../../platform/orgs/service';
import { reviewAuthority } from '../authority';
import { decisionKinds, ENTITY_TYPE, PERM, suspensionGrounds, terminationGrounds, type DecisionKind } from '../terms';

registerInstrumentEntity({ entityType: ENTITY_TYPE, readPermission: PERM.read });

type F = Record<string, unknown>;
const s = (v: unknown, fallback = '') => (v == null || v === '' ? fallback : String(v));
const d = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? arabicDate(v) : s(v));
const p = (text: string, indent = true): Block => ({ kind: 'paragraph', text, indent });
const sign: Block = { kind: 'signature' };

/** The issuer: the 行政复议机关 (the government above the 司法局). */
const governmentIssuer: InstrumentTypeDef['issuer'] = async ({ tx, org, fields }) => {
  if (typeof fields.authorityOrgId === 'string') {
    const gov = await getOrg(tx, fields.authorityOrgId);
    if (gov) return gov.id;
  }
  return (await reviewAuthority(tx, org))?.id ?? org.id;
};

const parties = (f: F): Block[] => [
  p(`申请人：${s(f.applicantName)}${f.applicantAddress ? `，住所地${s(f.applicantAddress)}` : ''}。`, false),
  ...(Array.isArray(f.agents) ? (f.agents as { name: string; kind?: string }[]).map((a) => p(`委托代理人：${a.name}${a.kind ? `，${a.kind}` : ''}。`, false)) : []),
  p(`被申请人：${s(f.respondentName)}。`, false),
  ...(Array.isArray(f.thirdParties) ? (f.thirdParties as { name: string }[]).map((t) => p(`第三人：${t.name}。`, false)) : []),
];

const actText = (f: F) => s(f.actDescription, '被申请人作出的行政行为');

function reg(def: Omit<InstrumentTypeDef, 'issuer' | 'readPermission' | 'numbered'> & { numbered?: boolean }) {
  return registerInstrumentType({ numbered: true, issuer: governmentIssuer, readPermission: PERM.read, ...def });
}

// 行政复议法 第三十条: 受理 is notified to the applicant in writing.
reg({
  type: 'adminReview.acceptNotice', label: '行政复议受理通知书', typeShort: '复受', cite: '行政复议法 第三十条',
  title: () => '行政复议受理通知书',
  body: (f) => [
    { kind: 'recipient', text: s(f.applicantName) },
    p(`你（单位）不服${actText(f)}，于${d(f.receivedDate)}向本机关提出的行政复议申请收悉。经审查，该申请符合《中华人民共和国行政复议法》第三十条规定的受理条件，本机关决定予以受理，适用${s(f.procedureLabel, '普通程序')}审理。`),
    p('行政复议期间，被申请行政复议的行政行为不停止执行，但有《中华人民共和国行政复议法》第四十二条规定情形的除外。'),
    p(`本案承办机构为${s(f.bureauName, '本机关行政复议机构')}，联系电话：${s(f.contactPhone, '0579-87612345')}。`),
    sign,
  ],
});

// 行政复议法 第三十条: 不予受理 decided in writing with reasons.
reg({
  type: 'adminReview.rejectDecision', label: '不予受理行政复议申请决定书', typeShort: '复', sequence: 'adminReview.decisions', cite: '行政复议法 第三十条',
  title: () => '不予受理行政复议申请决定书',
  body: (f) => [
    ...parties(f),
    p(`申请人不服${actText(f)}，于${d(f.receivedDate)}向本机关申请行政复议。`),
    p(`经审查，${s(f.reason)}。根据《中华人民共和国行政复议法》第三十条的规定，本机关决定不予受理。`),
    p('申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼（《中华人民共和国行政复议法》第三十四条）。'),
    sign,
  ],
});

// 行政复议法 第三十一条: 补正通知 lists what to add; 10 working days to correct.
reg({
  type: 'adminReview.amendNotice', label: '行政复议申请补正通知书', typeShort: '复补', cite: '行政复议法 第三十一条',
  title: () => '行政复议申请补正通知书',
  body: (f) => [
    { kind: 'recipient', text: s(f.applicantName) },
    p(`你（单位）于${d(f.receivedDate)}提出的行政复议申请（${actText(f)}），材料不齐全或者表述不清楚。根据《中华人民共和国行政复议法》第三十一条的规定，请你（单位）补正以下材料：`),
    p(s(f.items)),
    p('请自收到本通知书之日起十个工作日内提交补正材料。无正当理由逾期不补正的，视为放弃行政复议申请。补正申请材料所用时间不计入行政复议审理期限。'),
    sign,
  ],
});

// 行政复议法 第四十八条 / 第五十四条: the copy goes to the 被申请人, who answers with evidence.
reg({
  type: 'adminReview.answerNotice', label: '行政复议答复通知书', typeShort: '复答', cite: '行政复议法 第四十八条、第五十四条',
  title: () => '行政复议答复通知书',
  body: (f) => {
    const summary = f.procedure === 'summary';
    return [
      { kind: 'recipient', text: s(f.respondentName) },
      p(`申请人${s(f.applicantName)}不服${actText(f)}，向本机关申请行政复议，本机关已于${d(f.acceptedDate)}依法受理，适用${summary ? '简易程序' : '普通程序'}审理。现将行政复议申请书副本发送你单位。`),
      p(`根据《中华人民共和国行政复议法》${summary ? '第五十四条' : '第四十八条'}的规定，请你单位自收到申请书副本之日起${summary ? '五' : '十'}个工作日内，提出书面答复，并提交作出该行政行为的证据、依据和其他有关材料。`),
      p('逾期未提出书面答复、提交证据和依据的，视为该行政行为没有证据、依据（《中华人民共和国行政复议法》第七十条）。'),
      { kind: 'attachments', items: ['行政复议申请书副本'] },
      sign,
    ];
  },
});

// 行政复议法 第五十一条: 听证 notified at least 5 working days before.
reg({
  type: 'adminReview.hearingNotice', label: '行政复议听证通知书', typeShort: '复听', cite: '行政复议法 第五十一条',
  title: () => '行政复议听证通知书',
  body: (f) => [
    { kind: 'recipient', text: `${s(f.applicantName)}、${s(f.respondentName)}` },
    p(`申请人${s(f.applicantName)}不服${actText(f)}申请行政复议一案，本机关决定于${d(f.hearingDate)}在${s(f.place)}举行听证。`),
    p('请准时参加。被申请人的负责人应当参加听证；不能参加的，应当说明理由并委托相应的工作人员参加（《中华人民共和国行政复议法》第五十一条）。申请人无正当理由拒不参加听证的，视为放弃听证权利。'),
    sign,
  ],
});

// 行政复议法 第六十二条: extension notified in writing to the parties.
reg({
  type: 'adminReview.extensionNotice', label: '行政复议延期审理通知书', typeShort: '复延', cite: '行政复议法 第六十二条',
  title: () => '行政复议延期审理通知书',
  body: (f) => [
    { kind: 'recipient', text: `${s(f.applicantName)}、${s(f.respondentName)}` },
    p(`申请人${s(f.applicantName)}不服${actText(f)}申请行政复议一案，本机关于${d(f.acceptedDate)}依法受理。因${s(f.reason)}，不能在规定期限内作出行政复议决定。经行政复议机构负责人批准，根据《中华人民共和国行政复议法》第六十二条第一款的规定，审理期限延长三十日。`),
    p('特此通知。'),
    sign,
  ],
});

// 行政复议法 第三十九条: 中止 notified in writing.
reg({
  type: 'adminReview.suspendNotice', label: '行政复议中止审理通知书', typeShort: '复中', cite: '行政复议法 第三十九条',
  title: () => '行政复议中止审理通知书',
  body: (f) => [
    { kind: 'recipient', text: `${s(f.applicantName)}、${s(f.respondentName)}` },
    p(`申请人${s(f.applicantName)}不服${actText(f)}申请行政复议一案，因${s(suspensionGrounds[f.ground as keyof typeof suspensionGrounds], s(f.reason))}${f.documentTitle ? `（附带审查《${s(f.documentTitle)}》）` : ''}，根据《中华人民共和国行政复议法》第三十九条的规定，本机关决定自${d(f.date)}起中止审理。中止的原因消除后，本机关将及时恢复审理并书面告知。`),
    sign,
  ],
});

// 行政复议法 第四十一条: 终止.
reg({
  type: 'adminReview.terminationDecision', label: '行政复议终止决定书', typeShort: '复', sequence: 'adminReview.decisions', cite: '行政复议法 第四十一条',
  title: () => '行政复议终止决定书',
  body: (f) => {
    const g = terminationGrounds[f.ground as keyof typeof terminationGrounds];
    return [
      ...parties(f),
      p(`申请人不服${actText(f)}，于${d(f.receivedDate)}向本机关申请行政复议，本机关依法予以受理。`),
      p(`行政复议期间，${s(g?.label, '出现依法应当终止行政复议的情形')}${f.reason ? `（${s(f.reason)}）` : ''}。根据《中华人民共和国行政复议法》${s(g?.cite, '行政复议法 第四十一条').replace(/^行政复议法\s*/, '')}的规定，本机关决定终止本案行政复议。`),
      sign,
    ];
  },
});

const decisionText: Record<DecisionKind, (f: F) => string> = {
  alter: () => '根据《中华人民共和国行政复议法》第六十三条的规定，本机关决定：变更被申请人作出的上述行政行为。',
  revoke: () => '根据《中华人民共和国行政复议法》第六十四条的规定，本机关决定：撤销被申请人作出的上述行政行为。',
  partialRevoke: () => '根据《中华人民共和国行政复议法》第六十四条的规定，本机关决定：部分撤销被申请人作出的上述行政行为。',
  revokeAndRedo: (f) => `根据《中华人民共和国行政复议法》第六十四条的规定，本机关决定：撤销被申请人作出的上述行政行为，责令被申请人在${s(f.redoWithinDays, '六十')}日内重新作出行政行为。`,
  confirmIllegal: () => '根据《中华人民共和国行政复议法》第六十五条的规定，本机关决定：确认被申请人作出的上述行政行为违法。',
  orderPerformance: () => '根据《中华人民共和国行政复议法》第六十六条的规定，本机关决定：责令被申请人在一定期限内履行法定职责。',
  confirmVoid: () => '根据《中华人民共和国行政复议法》第六十七条的规定，本机关决定：确认被申请人作出的上述行政行为无效。',
  uphold: () => '根据《中华人民共和国行政复议法》第六十八条的规定，本机关决定：维持被申请人作出的上述行政行为。',
  dismiss: () => '根据《中华人民共和国行政复议法》第六十九条的规定，本机关决定：驳回申请人的行政复议请求。',
  compensation: (f) => `根据《中华人民共和国行政复议法》第七十一条、第七十二条的规定，本机关决定：被申请人依法给予申请人赔偿${f.compensationAmount != null ? `人民币${s(f.compensationAmount)}元` : ''}。`,
  dismissApplication: () => '根据《中华人民共和国行政复议法》第三十三条的规定，本机关决定：驳回申请人的行政复议申请。',
};

// 行政复议法 第六十一条 (in the 行政复议机关's name), 第六十三条至第七十二条, 第七十五条 (content of the 决定书).
reg({
  type: 'adminReview.decision', label: '行政复议决定书', typeShort: '复', sequence: 'adminReview.decisions', cite: '行政复议法 第六十一条、第七十五条',
  title: () => '行政复议决定书',
  body: (f) => {
    const kind = f.kind as DecisionKind;
    return [
      ...parties(f),
      p(`申请人不服${actText(f)}，于${d(f.receivedDate)}向本机关申请行政复议，本机关依法已予受理，适用${s(f.procedureLabel, '普通程序')}审理。本案现已审理终结。`),
      p(`申请人请求：${s(f.request, '撤销该行政行为')}。`),
      p(`申请人称：${s(f.reasons, '被申请人作出的行政行为认定事实不清、适用依据错误')}。`),
      p('被申请人在法定期限内提出了书面答复，并提交了作出该行政行为的证据、依据和其他有关材料。'),
      p(`经审理查明：${s(f.findings)}`),
      p(`本机关认为：${s(f.reasoning)}`),
      p(decisionText[kind]?.(f) ?? `本机关决定：${s(decisionKinds[kind]?.label)}。`),
      p('申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。'),
      sign,
      { kind: 'colophon', copyTo: [s(f.respondentName)].filter(Boolean) },
    ];
  },
});

// 行政复议法 第七十三条: 行政复议调解书.
reg({
  type: 'adminReview.mediationDoc', label: '行政复议调解书', typeShort: '复调', sequence: 'adminReview.mediation', cite: '行政复议法 第七十三条',
  title: () => '行政复议调解书',
  body: (f) => [
    ...parties(f),
    p(`申请人不服${actText(f)}，于${d(f.receivedDate)}向本机关申请行政复议，本机关依法予以受理。审理期间，经本机关主持调解，双方当事人自愿达成如下协议：`),
    p(s(f.agreement)),
    p('本调解书经双方当事人签字或者签章，即具有法律效力。当事人应当履行调解书。'),
    sign,
  ],
});

// 行政复议法 第七十六条: 意见书 to the 被申请人; it reports the fix within 60 days.
reg({
  type: 'adminReview.opinion', label: '行政复议意见书', typeShort: '复意', cite: '行政复议法 第七十六条',
  title: () => '行政复议意见书',
  body: (f) => [
    { kind: 'recipient', text: s(f.respondentName) },
    p(`本机关在办理申请人${s(f.applicantName)}不服${actText(f)}行政复议一案（${s(f.decisionNumber, s(f.caseNumber))}）中发现，你单位存在以下问题：${s(f.issue)}`),
    p(`为此，本机关提出如下意见：${s(f.recommendation)}`),
    p('根据《中华人民共和国行政复议法》第七十六条的规定，请你单位自收到本意见书之日起六十日内，将纠正相关违法或者不当行政行为的情况报送本机关。'),
    sign,
  ],
});

// 行政复议法实施条例 第五十七条: 建议书 to other organs on issues found in a case.
reg({
  type: 'adminReview.suggestion', label: '行政复议建议书', typeShort: '复建', cite: '行政复议法实施条例 第五十七条',
  title: () => '行政复议建议书',
  body: (f) => [
    { kind: 'recipient', text: s(f.recipient) },
    p(`本机关在办理申请人${s(f.applicantName)}不服${actText(f)}行政复议一案中发现，${s(f.issue)}`),
    p(`为此建议：${s(f.recommendation)}`),
    p('请研究处理，并将有关情况函告本机关。'),
    sign,
  ],
});

// 行政复议法 第七十七条: 责令限期履行.
reg({
  type: 'adminReview.performanceOrder', label: '责令履行行政复议决定通知书', typeShort: '复责', cite: '行政复议法 第七十七条',
  title: () => '责令履行行政复议决定通知书',
  body: (f) => [
    { kind: 'recipient', text: s(f.respondentName) },
    p(`本机关作出的${s(f.decisionNumber, '行政复议决定书')}已依法送达你单位。经查，${s(f.reason)}。`),
    p(`根据《中华人民共和国行政复议法》第七十七条的规定，责令你单位于${d(f.limitDate)}前履行，并将履行情况书面报告本机关。逾期不履行的，本机关将依法追究有关人员的责任。`),
    sign,
  ],
});

/** 收件登记编号 of a case, drawn in the 行政复议机构 (司法局)'s run: 武司复收〔2025〕N号. Not a document. */
registerInstrumentType({
  type: 'adminReview.caseNo', label: '行政复议案件收件编号', typeShort: '复收', numbered: true, readPermission: PERM.read,
  title: () => '行政复议案件收件登记', body: () => [],
});
