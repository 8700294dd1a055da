/**
 * 调查评估 (社区矫正法 第十八条; 实施办法 第十四条): a court, procuratorate, 公安 or prison asks the county 社区矫正机构
 * to assess whether a person suits community correction; the 司法所 investigates and the agency answers with a
 * 调查评估意见书 within 10 working days (5 for 速裁程序).
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../platform/db/client';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { recordAudit } from '../../platform/audit/service';
import type { AuthContext } from '../../platform/auth/context';
import { orgInScope, scopeCondition } from '../../platform/auth/scope';
import { protectPii } from '../../platform/crypto/sm';
import { getOrg, resolveOrg } from '../../platform/orgs/service';
import { orgs } from '../../platform/orgs/schema';
import { addDays, todayInChina } from '../../platform/calendar/service';
import { correctionAssessments, type CorrectionAssessment } from './schema';
import { ASSESSMENT_CITE, ASSESSMENT_ENTITY, ASSESSMENT_FAST_WORKING_DAYS, ASSESSMENT_WORKING_DAYS, PERM, sentenceTypes, type SentenceType } from './terms';
import { correctionsAgency, issueDocument } from './instruments';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** 实施办法 第十四条: 10 working days from receipt of the 委托函 (速裁程序: 5), start day not counted. */
export const assessmentDue = (receivedDate: string, fastTrack: boolean) => addDays(receivedDate, fastTrack ? ASSESSMENT_FAST_WORKING_DAYS : ASSESSMENT_WORKING_DAYS, 'workingDay');

export const assessmentInput = z.object({
  personName: z.string().trim().min(2, '请填写被调查评估人姓名').max(50),
  idNumber: z.string().trim().regex(/^(\d{17}[\dXx]|\d{15})$/, '身份证号码格式不正确（18位）').optional(),
  requester: z.string().trim().min(2, '请填写委托机关').max(100),
  proposedType: z.enum(Object.keys(sentenceTypes) as [SentenceType], { message: '请选择拟适用的社区矫正类别' }),
  crime: z.string().trim().max(100).optional(),
  fastTrack: z.boolean().default(false),
  receivedDate: isoDate,
  /** The investigating 司法所; default the caller's org. */
  office: z.string().trim().max(100).optional(),
});

export async function createAssessment(db: Db, auth: AuthContext, raw: z.input<typeof assessmentInput>) {
  const input = assessmentInput.parse(raw);
  const org = input.office ? await resolveOrg(db, auth.rootPath, input.office) : await getOrg(db, auth.user.orgId);
  if (!org) throw invalid('调查司法所不存在', { fields: [{ path: 'office', message: '调查司法所不存在' }] });
  if (!auth.permissions.has(PERM.manage) || !orgInScope(auth, PERM.manage, org)) throw forbidden('无权登记该机构的调查评估');
  const due = assessmentDue(input.receivedDate, input.fastTrack);
  const pid = protectPii(input.idNumber?.toUpperCase());
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(correctionAssessments)
      .values({ orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, personName: input.personName, idNumberEnc: pid.enc, idNumberMasked: pid.masked, idNumberIndex: pid.index, requester: input.requester, proposedType: input.proposedType, crime: input.crime ?? null, fastTrack: input.fastTrack, receivedDate: input.receivedDate, dueDate: due.date, provisional: due.provisional, state: 'investigating' })
      .returning();
    await recordAudit(tx, auth.actor, { action: 'corrections.assessment.create', entityType: ASSESSMENT_ENTITY, entityId: row.id, summary: `登记调查评估委托：${row.personName}（${row.requester}），应于${due.date}前出具意见（${ASSESSMENT_CITE}）`, after: row });
    return row;
  });
}

export const opinionInput = z.object({
  opinion: z.enum(['suitable', 'unsuitable'], { message: '请选择评估意见：适宜或不适宜' }),
  reasons: z.string().trim().min(4, '请写明评估理由').max(5000),
  date: isoDate.optional(),
});

/** The county agency issues the 调查评估意见书 (late opinions are allowed but stay marked 逾期). */
export async function completeAssessment(db: Db, auth: AuthContext, id: string, raw: z.input<typeof opinionInput>) {
  const input = opinionInput.parse(raw);
  if (!z.uuid().safeParse(id).success) throw notFound('调查评估');
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(correctionAssessments).where(and(eq(correctionAssessments.id, id), isNull(correctionAssessments.voidedAt), scopeCondition(auth, PERM.read, { orgId: correctionAssessments.orgId })));
    if (!a) throw notFound('调查评估');
    const org = (await getOrg(tx, a.orgId))!;
    if (!auth.permissions.has(PERM.decide) || !orgInScope(auth, PERM.decide, org)) throw forbidden(`调查评估意见书由县级社区矫正机构出具（${ASSESSMENT_CITE}）`);
    if (a.state !== 'investigating') throw new AppError('CORRECTIONS_ASSESSMENT_DONE', '该调查评估已出具意见', 409);
    const date = input.date ?? todayInChina();
    if (date < a.receivedDate) throw invalid('出具日期不能早于收到委托日期');
    const doc = await issueDocument(tx, auth.actor, { type: 'corrections.assessmentOpinion', agency: await correctionsAgency(tx, auth.rootPath), orgId: a.orgId, regionCode: a.regionCode, assessmentId: a.id, date, fields: { requester: a.requester, receivedDate: a.receivedDate, personName: a.personName, idNumberMasked: a.idNumberMasked, proposedType: a.proposedType, opinion: input.opinion, opinionReasons: input.reasons } });
    const [row] = await tx.update(correctionAssessments).set({ state: 'completed', opinion: input.opinion, opinionReasons: input.reasons, completedDate: date, documentId: doc.id, version: a.version + 1, updatedAt: new Date() }).where(eq(correctionAssessments.id, a.id)).returning();
    await recordAudit(tx, auth.actor, { action: 'corrections.assessment.complete', entityType: ASSESSMENT_ENTITY, entityId: a.id, summary: `出具调查评估意见书 ${doc.number}：${a.personName}${input.opinion === 'suitable' ? '适宜' : '不适宜'}社区矫正${date > a.dueDate ? `（逾期，应于${a.dueDate}前）` : ''}`, before: { state: a.state }, after: { state: 'completed', documentId: doc.id } });
    return { ...row, late: date > a.dueDate, documentNumber: doc.number };
  });
}

export const assessmentFilter = z.object({
  state: z.enum(['investigating', 'completed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const present = (a: CorrectionAssessment & { orgName?: string | null }, today = todayInChina()) => {
  const { idNumberEnc: _e, idNumberIndex: _i, ...rest } = a;
  return { ...rest, proposedTypeLabel: sentenceTypes[a.proposedType as SentenceType], stateLabel: a.state === 'completed' ? '已出具意见' : '调查中', overdue: a.state === 'investigating' ? today > a.dueDate : !!a.completedDate && a.completedDate > a.dueDate, cite: ASSESSMENT_CITE };
};

export async function listAssessments(db: DbOrTx, auth: AuthContext, raw: z.input<typeof assessmentFilter>) {
  const f = assessmentFilter.parse(raw);
  const cond = and(isNull(correctionAssessments.voidedAt), scopeCondition(auth, PERM.read, { orgId: correctionAssessments.orgId }), f.state ? eq(correctionAssessments.state, f.state) : undefined);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(correctionAssessments).where(cond);
  const rows = await db.select({ a: correctionAssessments, orgName: orgs.name }).from(correctionAssessments).leftJoin(orgs, eq(orgs.id, correctionAssessments.orgId)).where(cond).orderBy(desc(correctionAssessments.receivedDate), asc(correctionAssessments.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map((r) => present({ ...r.a, orgName: r.orgName })) };
}
