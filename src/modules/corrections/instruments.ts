/**
 * 社区矫正 文书 (DOMAIN.md §7). Templates and numbers come from the platform (registerInstrumentType,
 * issueNumber: gap-free per issuing org / type / year; renderDocx: GB/T 9704 layout); they are issued in the name
 * of the county 社区矫正机构 and stored in `correction_documents`, so only corrections readers can ever open them.
 */
import { and, eq, like, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/service';
import { recordAudit } from '../../platform/audit/service';
import type { DbOrTx, Tx } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { arabicDate } from '../../platform/instruments/blocks';
import { renderDocx } from '../../platform/instruments/docx';
import { issueNumber } from '../../platform/instruments/numbering';
import { registerInstrumentType, requireInstrumentType, type Block } from '../../platform/instruments/registry';
import { orgs } from '../../platform/orgs/schema';
import type { Org } from '../../platform/orgs/service';
import { correctionDocuments, type CorrectionDocument } from './schema';
import { PERM, sentenceTypes, type SentenceType } from './terms';

type F = Record<string, unknown>;
const s = (v: unknown, fallback = '') => (v == null || v === '' ? fallback : String(v));
const d = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? arabicDate(v) : s(v));
const p = (text: string, indent = true): Block => ({ kind: 'paragraph', text, indent });
const sign: Block = { kind: 'signature' };
const FORMAT = '{orgShort}{typeShort}〔{year}〕{n}号';
const sentence = (f: F) => sentenceTypes[f.sentenceType as SentenceType] ?? s(f.sentenceType);
const who = (f: F): Block[] => [
  p(`社区矫正对象：${s(f.name)}，${s(f.gender, '')}${f.gender ? '，' : ''}身份证号码${s(f.idNumberMasked, '（略）')}。`, false),
  p(`${s(f.decisionOrg)}以${s(f.judgmentNumber, '法律文书')}对其以${s(f.crime)}判处${s(f.sentence, sentence(f))}，社区矫正期限自${d(f.termStart)}起至${d(f.termEnd)}止。`, false),
];

function reg(def: { type: string; label: string; typeShort: string; cite: string; numbered?: boolean; title?: string; body: (f: F) => Block[] }) {
  return registerInstrumentType({ numbered: def.numbered ?? true, format: FORMAT, readPermission: PERM.read, type: def.type, label: def.label, typeShort: def.typeShort, cite: def.cite, title: () => def.title ?? def.label, body: def.body });
}

// 社区矫正法 第十八条; 实施办法 第十四条: the 调查评估意见书 goes back to the 委托机关.
reg({
  type: 'corrections.assessmentOpinion', label: '调查评估意见书', typeShort: '矫评', cite: '社区矫正法 第十八条；实施办法 第十四条',
  body: (f) => [
    { kind: 'recipient', text: s(f.requester) },
    p(`你单位于${d(f.receivedDate)}委托本机构对被告人（罪犯）${s(f.personName)}（${s(f.idNumberMasked, '身份证号码略')}）适用${sentence({ sentenceType: f.proposedType })}进行调查评估。本机构会同有关司法所对其居所情况、家庭和社会关系、犯罪行为的后果和影响、居住地村（居）民委员会和被害人意见、拟禁止的事项等进行了调查。`),
    p(`调查评估意见：${f.opinion === 'suitable' ? '适宜' : '不适宜'}适用社区矫正。${s(f.opinionReasons)}`),
    p('根据《中华人民共和国社区矫正法》第十八条的规定，特此函复。'),
    sign,
  ],
});

// 入矫宣告 (社区矫正法 第二十四条、第二十五条): the subject is told the terms, obligations and the 矫正小组.
reg({
  type: 'corrections.intakeAnnouncement', label: '社区矫正宣告书', typeShort: '矫宣', numbered: false, cite: '社区矫正法 第二十四条、第二十五条',
  title: '社区矫正宣告书',
  body: (f) => [
    ...who(f),
    p(`根据《中华人民共和国社区矫正法》，自即日起对你依法实行社区矫正。宣告地点：${s(f.place, '社区矫正宣告室')}。`),
    p(`你的矫正小组由${Array.isArray(f.groupMembers) ? (f.groupMembers as string[]).join('、') : s(f.groupMembers)}组成；分类管理级别为${s(f.levelLabel, '普通')}管理。`),
    p('社区矫正期间，你应当遵守法律、行政法规，履行判决、裁定、暂予监外执行决定等确定的义务，遵守国务院司法行政部门关于报告、会客、外出、迁居、保外就医等监督管理规定，服从社区矫正机构的管理（社区矫正法 第二十三条）。违反监督管理规定的，将视情节依法给予训诫、警告、提请公安机关予以治安管理处罚，或者依法提请撤销缓刑、撤销假释、收监执行（社区矫正法 第二十八条）。'),
    sign,
  ],
});

// 实施办法 第三十五条: 训诫 decided by the county 社区矫正机构.
reg({
  type: 'corrections.admonition', label: '训诫决定书', typeShort: '矫训', cite: '社区矫正法 第二十八条；实施办法 第三十五条',
  body: (f) => [
    ...who(f),
    p(`经查：${s(f.facts)}`),
    p('上述行为违反了社区矫正监督管理规定。根据《中华人民共和国社区矫正法》第二十八条和《中华人民共和国社区矫正法实施办法》第三十五条的规定，决定给予训诫。'),
    p('希你认真反省，严格遵守社区矫正监督管理规定。'),
    sign,
  ],
});

// 实施办法 第三十六条: 警告 decided by the county 社区矫正机构.
reg({
  type: 'corrections.warning', label: '警告决定书', typeShort: '矫警', cite: '社区矫正法 第二十八条；实施办法 第三十六条',
  body: (f) => [
    ...who(f),
    p(`经查：${s(f.facts)}`),
    p('上述行为违反了社区矫正监督管理规定。根据《中华人民共和国社区矫正法》第二十八条和《中华人民共和国社区矫正法实施办法》第三十六条的规定，决定给予警告。'),
    p('如再有违反监督管理规定的行为，将依法提请撤销缓刑、假释或者收监执行。'),
    sign,
  ],
});

// 社区矫正法 第四十六条: 提请原判人民法院撤销缓刑/假释.
reg({
  type: 'corrections.revocationProposal', label: '提请撤销缓刑（假释）建议书', typeShort: '矫撤建', cite: '社区矫正法 第四十六条',
  body: (f) => [
    { kind: 'recipient', text: s(f.decisionOrg) },
    ...who(f),
    p(`该社区矫正对象在社区矫正期间：${s(f.facts)}`),
    p(`根据《中华人民共和国社区矫正法》第四十六条的规定，建议对其撤销${f.sentenceType === 'parole' ? '假释' : '缓刑'}，请依法裁定。`),
    p('此建议书副本同时抄送同级人民检察院。'),
    sign,
  ],
});

// 社区矫正法 第四十九条: 暂予监外执行 → 提请决定机关收监执行.
reg({
  type: 'corrections.committalProposal', label: '提请收监执行建议书', typeShort: '矫收建', cite: '社区矫正法 第四十九条',
  body: (f) => [
    { kind: 'recipient', text: s(f.decisionOrg) },
    ...who(f),
    p(`该社区矫正对象在暂予监外执行期间：${s(f.facts)}`),
    p('根据《中华人民共和国社区矫正法》第四十九条的规定，建议对其收监执行，请依法决定。'),
    sign,
  ],
});

// 社区矫正法 第四十四条: 期满 — 宣告解除 and the 解除社区矫正证明书.
reg({
  type: 'corrections.releaseAnnouncement', label: '解除社区矫正宣告书', typeShort: '矫解宣', numbered: false, cite: '社区矫正法 第四十四条',
  body: (f) => [
    ...who(f),
    p(`你的社区矫正期限已于${d(f.termEnd)}届满。根据《中华人民共和国社区矫正法》第四十四条的规定，现宣告自${d(f.date)}起解除社区矫正。`),
    p(`社区矫正期间表现：${s(f.conduct, '能够遵守法律法规和监督管理规定')}。`),
    sign,
  ],
});

reg({
  type: 'corrections.releaseCertificate', label: '解除社区矫正证明书', typeShort: '矫解', cite: '社区矫正法 第四十四条',
  body: (f) => [
    ...who(f),
    p(`该社区矫正对象矫正期满，依照《中华人民共和国社区矫正法》第四十四条的规定，于${d(f.date)}解除社区矫正。`),
    p(`抄送：${s(f.decisionOrg)}，同级人民检察院、公安机关。`, false),
    sign,
  ],
});

/** The county 社区矫正机构 (the issuer of 社区矫正 文书): an org of the caller's tree whose name says so. */
export async function correctionsAgency(db: DbOrTx, rootPath: string): Promise<Org> {
  const [org] = await db
    .select()
    .from(orgs)
    .where(and(like(orgs.path, `${rootPath}%`), sql`${orgs.voidedAt} is null`, sql`(${orgs.name} like '%社区矫正%' or ${orgs.type} = 'correctionsAgency')`))
    .orderBy(orgs.path)
    .limit(1);
  if (!org) throw new AppError('CORRECTIONS_NO_AGENCY', '未设置县级社区矫正机构，请在组织机构中添加（名称含“社区矫正”）', 400);
  return org;
}

/** Issues one 文书 in the caller's transaction: validated, numbered in the agency's name, stored and audited. */
export async function issueDocument(tx: Tx, actor: Actor, input: { type: string; agency: Org; orgId: string; regionCode: string; subjectId?: string | null; assessmentId?: string | null; date: string; fields: F }): Promise<CorrectionDocument> {
  const def = requireInstrumentType(input.type);
  const fields = { ...input.fields, date: input.date };
  const number = def.numbered ? (await issueNumber(tx, { orgId: input.agency.id, type: def.type, year: Number(input.date.slice(0, 4)) })).number : null;
  const [row] = await tx
    .insert(correctionDocuments)
    .values({
      orgId: input.orgId, regionCode: input.regionCode, createdBy: actor.id, subjectId: input.subjectId ?? null, assessmentId: input.assessmentId ?? null,
      type: def.type, title: def.title(fields), number, issuerOrgId: input.agency.id, issuerName: input.agency.name, issuedOn: input.date, blocks: def.body(fields),
    })
    .returning();
  await recordAudit(tx, actor, { action: 'corrections.document.issue', entityType: 'correctionDocument', entityId: row.id, summary: `出具${def.label}${number ? ` ${number}` : ''}`, after: { id: row.id, type: row.type, number, subjectId: row.subjectId, assessmentId: row.assessmentId, issuedOn: row.issuedOn } });
  return row;
}

export const documentDocx = (doc: CorrectionDocument) => renderDocx({ title: doc.title, number: doc.number, blocks: doc.blocks, orgName: doc.issuerName, date: doc.issuedOn });

export const documentsOf = (db: DbOrTx, subjectId: string) =>
  db.select({ id: correctionDocuments.id, type: correctionDocuments.type, title: correctionDocuments.title, number: correctionDocuments.number, issuedOn: correctionDocuments.issuedOn, issuerName: correctionDocuments.issuerName }).from(correctionDocuments).where(eq(correctionDocuments.subjectId, subjectId)).orderBy(correctionDocuments.issuedOn);
