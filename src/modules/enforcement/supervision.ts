/**
 * Supervision (行政执法监督条例; DOMAIN.md §4): 监督通知书 / 决定书 / 建议书 with their 整改 items, closure by the
 * agency with evidence, 投诉举报, 专项监督 and 案卷评查 campaigns with scoring on the configurable checklist.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type DbOrTx } from '../../platform/db/client';
import type { AuthContext } from '../../platform/auth/context';
import { recordAudit } from '../../platform/audit/service';
import { AppError, forbidden, invalid } from '../../platform/errors';
import { todayInChina } from '../../platform/calendar/service';
import { protectPii } from '../../platform/crypto/sm';
import { createInstrument } from '../../platform/instruments/service';
import { files } from '../../platform/files/schema';
import { orgs } from '../../platform/orgs/schema';
import { getOrg } from '../../platform/orgs/service';
import {
  enforcementCampaigns, enforcementCaseFileReviews, enforcementCases, enforcementClues, enforcementComplaints, enforcementOversightDocs, enforcementRectifications,
} from './schema';
import { agencyFor, checkVersion, getRules, isoDate, pageInput, rowInScope, scopeOf } from './common';
import {
  campaignKinds, complaintCategories, complaintStatuses, docKinds, ENTITY, PERM, rectificationSources, rectificationStatuses, REVIEW_CITE,
  type CampaignKind, type DocKind,
} from './terms';

const names = async (db: DbOrTx, ids: string[]) =>
  new Map(ids.length ? (await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, [...new Set(ids)]))).map((o) => [o.id, o.name]) : []);

/** The 司法局 (or office) the supervisor acts for: the nearest justiceBureau above (or at) the caller's org. */
async function supervisorOrg(db: DbOrTx, auth: AuthContext) {
  const ids = auth.orgPath.split('/').filter(Boolean).reverse();
  const rows = await db.select().from(orgs).where(inArray(orgs.id, ids));
  const bureau = ids.map((id) => rows.find((r) => r.id === id)).find((o) => o?.type === 'justiceBureau');
  return bureau ?? rows.find((r) => r.id === auth.user.orgId)!;
}

// ── 监督文书 + 整改 ─────────────────────────────────────────────────────────────────────────────────────

export const docInput = z.object({
  kind: z.enum(Object.keys(docKinds) as [DocKind], { message: '请选择文书种类：监督通知书、监督决定书或建议书' }),
  agencyOrgId: z.uuid({ message: '请选择被监督机关' }),
  subject: z.string().trim().min(2, '请填写监督事项').max(200),
  facts: z.string().trim().min(2, '请写明发现的问题').max(5000),
  basis: z.string().trim().max(500).optional(),
  items: z.array(z.object({ item: z.string().trim().min(2, '请填写整改要求').max(1000), deadline: isoDate })).min(1, '至少填写一项整改要求').max(50),
  date: isoDate.optional(),
  sourceType: z.enum(['clue', 'complaint', 'review', 'campaign']).optional(),
  sourceId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
});

export async function issueOversightDoc(db: Db, auth: AuthContext, raw: z.input<typeof docInput>) {
  const v = docInput.parse(raw);
  const agency = await agencyFor(db, auth, v.agencyOrgId, PERM.supervise);
  const date = v.date ?? todayInChina();
  for (const [n, i] of v.items.entries()) if (i.deadline < date) throw invalid('整改期限不能早于发文日期', { fields: [{ path: `items.${n}.deadline`, message: '整改期限不能早于发文日期' }] });
  const supervisor = await supervisorOrg(db, auth);
  return db.transaction(async (tx) => {
    if (v.sourceType === 'clue' && v.sourceId) {
      const clue = await rowInScope(tx, auth, enforcementClues, v.sourceId, '检查线索', PERM.supervise);
      if (clue.status !== 'confirmed') throw new AppError('ENFORCEMENT_CLUE_NOT_CONFIRMED', '线索确认后才能据以发出监督文书', 400);
    }
    const [doc] = await tx.insert(enforcementOversightDocs).values({
      orgId: agency.id, regionCode: agency.regionCode, createdBy: auth.user.id, kind: v.kind, supervisorOrgId: supervisor.id, instrumentId: '00000000-0000-0000-0000-000000000000',
      subject: v.subject, issuedDate: date, sourceType: v.sourceType ?? null, sourceId: v.sourceId ?? null, campaignId: v.campaignId ?? null,
    }).returning();
    const instrument = await createInstrument(tx, auth.actor, {
      orgId: agency.id, regionCode: agency.regionCode, issuerOrgId: supervisor.id, type: docKinds[v.kind].type, date, entityType: ENTITY.doc, entityId: doc.id,
      fields: { agencyName: agency.name, subject: v.subject, facts: v.facts, basis: v.basis || '《行政执法监督条例》', items: v.items, supervisorName: supervisor.name, date },
    });
    const [row] = await tx.update(enforcementOversightDocs).set({ instrumentId: instrument.id, number: instrument.number }).where(eq(enforcementOversightDocs.id, doc.id)).returning();
    const items = await tx.insert(enforcementRectifications).values(v.items.map((i) => ({
      orgId: agency.id, regionCode: agency.regionCode, createdBy: auth.user.id, sourceType: v.kind, sourceId: doc.id, item: i.item, issuedDate: date, deadline: i.deadline,
    }))).returning();
    await recordAudit(tx, auth.actor, { action: 'enforcement.doc.issue', entityType: ENTITY.doc, entityId: doc.id, summary: `向${agency.name}发出${docKinds[v.kind].label} ${instrument.number ?? ''}（整改${items.length}项）`, after: { ...row, items: items.map((i) => i.id) } });
    return { ...row, items };
  });
}

export const docListFilter = z.object({ kind: z.enum(Object.keys(docKinds) as [DocKind]).optional(), agencyOrgId: z.uuid().optional(), ...pageInput });

export async function listOversightDocs(db: DbOrTx, auth: AuthContext, raw: z.input<typeof docListFilter>) {
  const f = docListFilter.parse(raw);
  const t = enforcementOversightDocs;
  const cond = and(isNull(t.voidedAt), scopeOf(auth, t), f.kind ? eq(t.kind, f.kind) : undefined, f.agencyOrgId ? eq(t.orgId, f.agencyOrgId) : undefined);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(t).where(cond);
  const rows = await db.select({ d: t, orgName: orgs.name }).from(t).innerJoin(orgs, eq(orgs.id, t.orgId)).where(cond).orderBy(desc(t.issuedDate), desc(t.createdAt)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const ids = rows.map((r) => r.d.id);
  const progress = new Map(
    ids.length
      ? rowsOf<{ id: string; n: number; closed: number }>(await db.execute(sql`select source_id as id, count(*)::int as n, count(*) filter (where status = 'closed')::int as closed from enforcement_rectifications where voided_at is null and source_id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) group by source_id`)).map((r) => [r.id, { total: Number(r.n), closed: Number(r.closed) }])
      : [],
  );
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map((r) => ({ ...r.d, orgName: r.orgName, kindLabel: docKinds[r.d.kind as DocKind]?.label ?? r.d.kind, rectification: progress.get(r.d.id) ?? { total: 0, closed: 0 } })) };
}

export const rectListFilter = z.object({ status: z.enum(['open', 'closed', 'overdue']).optional(), sourceId: z.uuid().optional(), agencyOrgId: z.uuid().optional(), ...pageInput });

export async function listRectifications(db: DbOrTx, auth: AuthContext, raw: z.input<typeof rectListFilter>, today = todayInChina()) {
  const f = rectListFilter.parse(raw);
  const t = enforcementRectifications;
  const cond = and(
    isNull(t.voidedAt), scopeOf(auth, t),
    f.status === 'overdue' ? sql`${t.status} = 'open' and ${t.deadline} < ${today}` : f.status ? eq(t.status, f.status) : undefined,
    f.sourceId ? eq(t.sourceId, f.sourceId) : undefined,
    f.agencyOrgId ? eq(t.orgId, f.agencyOrgId) : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(t).where(cond);
  const rows = await db.select({ r: t, orgName: orgs.name, number: enforcementOversightDocs.number }).from(t).innerJoin(orgs, eq(orgs.id, t.orgId)).leftJoin(enforcementOversightDocs, eq(enforcementOversightDocs.id, t.sourceId)).where(cond).orderBy(asc(t.status), asc(t.deadline), asc(t.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const fileIds = [...new Set(rows.flatMap((r) => r.r.evidenceFileIds))];
  const fileNames = new Map(fileIds.length ? (await db.select({ id: files.id, name: files.name }).from(files).where(inArray(files.id, fileIds))).map((x) => [x.id, x.name]) : []);
  return {
    total: Number(total), page: f.page, pageSize: f.pageSize,
    items: rows.map(({ r, orgName, number }) => ({
      ...r, orgName, sourceNumber: number, sourceLabel: rectificationSources[r.sourceType as keyof typeof rectificationSources] ?? r.sourceType,
      statusLabel: rectificationStatuses[r.status as keyof typeof rectificationStatuses] ?? r.status,
      overdue: r.status === 'open' ? r.deadline < today : !!r.closedDate && r.closedDate > r.deadline,
      evidence: r.evidenceFileIds.map((id) => ({ id, name: fileNames.get(id) ?? '附件' })),
    })),
  };
}

export const closeInput = z.object({
  version: z.number().int().optional(),
  note: z.string().trim().min(2, '请写明整改情况').max(5000),
  evidenceFileIds: z.array(z.uuid()).min(1, '请上传整改佐证材料').max(20),
  date: isoDate.optional(),
});

/** The agency closes a 整改 item with its account and evidence (files it uploaded). */
export async function closeRectification(db: Db, auth: AuthContext, id: string, raw: z.input<typeof closeInput>) {
  const v = closeInput.parse(raw);
  const date = v.date ?? todayInChina();
  return db.transaction(async (tx) => {
    const item = await rowInScope(tx, auth, enforcementRectifications, id, '整改事项', PERM.report);
    checkVersion(item, v.version);
    if (item.status === 'closed') throw new AppError('RECTIFICATION_CLOSED', '该整改事项已整改完毕', 409);
    if (date < item.issuedDate) throw invalid('整改完成日期不能早于下达日期', { fields: [{ path: 'date', message: '不能早于下达日期' }] });
    const found = await tx.select({ id: files.id, createdBy: files.createdBy, orgId: files.orgId }).from(files).where(and(inArray(files.id, v.evidenceFileIds), isNull(files.voidedAt)));
    if (found.length !== new Set(v.evidenceFileIds).size || found.some((f) => f.createdBy !== auth.user.id && f.orgId !== item.orgId)) throw invalid('佐证材料不存在或不属于本机关', { fields: [{ path: 'evidenceFileIds', message: '请重新上传佐证材料' }] });
    await tx.update(files).set({ entityType: ENTITY.rectification, entityId: item.id, orgId: item.orgId }).where(inArray(files.id, v.evidenceFileIds));
    const [row] = await tx.update(enforcementRectifications).set({ status: 'closed', closedDate: date, closureNote: v.note, evidenceFileIds: v.evidenceFileIds, version: item.version + 1, updatedAt: new Date() }).where(eq(enforcementRectifications.id, id)).returning();
    await recordAudit(tx, auth.actor, { action: 'enforcement.rectification.close', entityType: ENTITY.rectification, entityId: id, summary: `整改完成：${item.item.slice(0, 40)}${date > item.deadline ? '（逾期）' : ''}`, before: { status: item.status }, after: { status: 'closed', closedDate: date, evidenceFileIds: v.evidenceFileIds } });
    return row;
  });
}

/** The 司法局 sends a closed item back (整改不到位) with a reason and a new deadline. */
export async function reopenRectification(db: Db, auth: AuthContext, id: string, raw: { reason: string; deadline: string; version?: number }) {
  const v = z.object({ reason: z.string().trim().min(2, '请写明退回理由').max(2000), deadline: isoDate, version: z.number().int().optional() }).parse(raw);
  return db.transaction(async (tx) => {
    const item = await rowInScope(tx, auth, enforcementRectifications, id, '整改事项', PERM.supervise);
    checkVersion(item, v.version);
    if (item.status !== 'closed') throw new AppError('RECTIFICATION_OPEN', '该整改事项尚未完成，无需退回', 409);
    const [row] = await tx.update(enforcementRectifications).set({ status: 'open', closedDate: null, deadline: v.deadline, closureNote: `${item.closureNote ?? ''}\n【退回】${v.reason}`.trim(), version: item.version + 1, updatedAt: new Date() }).where(eq(enforcementRectifications.id, id)).returning();
    await recordAudit(tx, auth.actor, { action: 'enforcement.rectification.reopen', entityType: ENTITY.rectification, entityId: id, summary: `退回整改：${v.reason}`, before: { status: item.status, deadline: item.deadline }, after: { status: 'open', deadline: v.deadline } });
    return row;
  });
}

// ── 投诉举报 ───────────────────────────────────────────────────────────────────────────────────────────

export const complaintInput = z.object({
  agencyOrgId: z.uuid({ message: '请选择被投诉的行政机关' }),
  receivedDate: isoDate,
  complainantName: z.string().trim().min(1, '请填写投诉人').max(100),
  phone: z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '联系电话格式不正确').nullish(),
  category: z.enum(Object.keys(complaintCategories) as [keyof typeof complaintCategories], { message: '请选择投诉类别' }),
  content: z.string().trim().min(5, '请填写投诉内容').max(5000),
});

export async function registerComplaint(db: Db, auth: AuthContext, raw: z.input<typeof complaintInput>) {
  const v = complaintInput.parse(raw);
  const agency = await agencyFor(db, auth, v.agencyOrgId, PERM.supervise);
  const phone = protectPii(v.phone);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(enforcementComplaints).values({ orgId: agency.id, regionCode: agency.regionCode, createdBy: auth.user.id, receivedDate: v.receivedDate, complainantName: v.complainantName, phoneEnc: phone.enc, phoneMasked: phone.masked, phoneIndex: phone.index, category: v.category, content: v.content }).returning();
    const { phoneEnc: _e, phoneIndex: _i, ...audited } = row;
    await recordAudit(tx, auth.actor, { action: 'enforcement.complaint.register', entityType: ENTITY.complaint, entityId: row.id, summary: `登记对${agency.name}的投诉举报（${complaintCategories[v.category]}）`, after: audited });
    return row;
  });
}

export async function handleComplaint(db: Db, auth: AuthContext, id: string, raw: { result: string; substantiated: boolean; date?: string; version?: number }) {
  const v = z.object({ result: z.string().trim().min(2, '请填写办理结果').max(5000), substantiated: z.boolean(), date: isoDate.optional(), version: z.number().int().optional() }).parse(raw);
  return db.transaction(async (tx) => {
    const c = await rowInScope(tx, auth, enforcementComplaints, id, '投诉举报', PERM.supervise);
    checkVersion(c, v.version);
    if (c.status === 'handled') throw new AppError('COMPLAINT_HANDLED', '该投诉举报已办结', 409);
    const [row] = await tx.update(enforcementComplaints).set({ status: 'handled', handledDate: v.date ?? todayInChina(), result: v.result, substantiated: v.substantiated, version: c.version + 1, updatedAt: new Date() }).where(eq(enforcementComplaints.id, id)).returning();
    await recordAudit(tx, auth.actor, { action: 'enforcement.complaint.handle', entityType: ENTITY.complaint, entityId: id, summary: `办结投诉举报（${v.substantiated ? '属实' : '不属实'}）`, before: { status: c.status }, after: { status: 'handled', result: v.result } });
    return row;
  });
}

export async function listComplaints(db: DbOrTx, auth: AuthContext, raw: { status?: string; page?: number; pageSize?: number }) {
  const f = z.object({ status: z.enum(['received', 'handled']).optional(), ...pageInput }).parse(raw);
  const t = enforcementComplaints;
  const cond = and(isNull(t.voidedAt), scopeOf(auth, t), f.status ? eq(t.status, f.status) : undefined);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(t).where(cond);
  const rows = await db.select({ c: t, orgName: orgs.name }).from(t).innerJoin(orgs, eq(orgs.id, t.orgId)).where(cond).orderBy(desc(t.receivedDate), asc(t.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  // PII stays encrypted: lists carry the masked phone only.
  return {
    total: Number(total), page: f.page, pageSize: f.pageSize,
    items: rows.map(({ c: { phoneEnc: _e, phoneIndex: _i, ...c }, orgName }) => ({ ...c, orgName, categoryLabel: complaintCategories[c.category as keyof typeof complaintCategories] ?? c.category, statusLabel: complaintStatuses[c.status as keyof typeof complaintStatuses] ?? c.status })),
  };
}

// ── campaigns: 专项监督 and 案卷评查 ─────────────────────────────────────────────────────────────────────

export const campaignInput = z.object({
  kind: z.enum(Object.keys(campaignKinds) as [CampaignKind], { message: '请选择活动类型' }),
  name: z.string().trim().min(2, '请填写名称').max(200),
  startDate: isoDate,
  endDate: isoDate.nullish(),
  focus: z.string().trim().max(2000).nullish(),
  agencyOrgIds: z.array(z.uuid()).default([]),
});

export async function createCampaign(db: Db, auth: AuthContext, raw: z.input<typeof campaignInput>) {
  const v = campaignInput.parse(raw);
  if (v.endDate && v.endDate < v.startDate) throw invalid('结束日期不能早于开始日期', { fields: [{ path: 'endDate', message: '结束日期不能早于开始日期' }] });
  const org = await supervisorOrg(db, auth);
  if (!auth.permissions.has(PERM.supervise)) throw forbidden();
  const rules = await getRules(db);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(enforcementCampaigns).values({
      orgId: org.id, regionCode: org.regionCode, createdBy: auth.user.id, kind: v.kind, name: v.name, startDate: v.startDate, endDate: v.endDate ?? null, focus: v.focus ?? null,
      agencyOrgIds: v.agencyOrgIds, checklist: v.kind === 'caseReview' ? rules.checklist : [], passScore: v.kind === 'caseReview' ? rules.passScore : null,
    }).returning();
    await recordAudit(tx, auth.actor, { action: 'enforcement.campaign.create', entityType: ENTITY.campaign, entityId: row.id, summary: `创建${campaignKinds[v.kind]}「${v.name}」`, after: row });
    return row;
  });
}

/** Campaigns are the 司法局's; agencies see those they are in. */
export async function listCampaigns(db: DbOrTx, auth: AuthContext, raw: { kind?: string; page?: number; pageSize?: number }) {
  const f = z.object({ kind: z.enum(Object.keys(campaignKinds) as [CampaignKind]).optional(), ...pageInput }).parse(raw);
  const t = enforcementCampaigns;
  const cond = and(isNull(t.voidedAt), sql`(${scopeOf(auth, t)} or ${t.agencyOrgIds} ? ${auth.user.orgId})`, sql`${t.orgId} in (select id from orgs where path like ${auth.rootPath + '%'})`, f.kind ? eq(t.kind, f.kind) : undefined);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(t).where(cond);
  const rows = await db.select().from(t).where(cond).orderBy(desc(t.startDate), asc(t.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const n = await names(db, rows.flatMap((r) => r.agencyOrgIds));
  return { total: Number(total), page: f.page, pageSize: f.pageSize, items: rows.map((r) => ({ ...r, kindLabel: campaignKinds[r.kind as CampaignKind], agencyNames: r.agencyOrgIds.map((id) => n.get(id) ?? id) })) };
}

export const scoreInput = z.object({
  agencyOrgId: z.uuid({ message: '请选择被评查机关' }),
  caseNumber: z.string().trim().min(2, '请填写案卷编号').max(100),
  reviewedDate: isoDate,
  scores: z.record(z.string(), z.number().int().min(0, '得分不能为负')),
  findings: z.string().trim().max(5000).nullish(),
  rectifyBy: isoDate.optional(),
});

/**
 * Scores one case file on the campaign's checklist snapshot: every item scored within its points, total ≥
 * pass score → 合格. A file that fails, or has findings, becomes a 整改 item for the agency (due `rectifyBy`,
 * default 30 days later) in the same transaction.
 */
export async function scoreCaseFile(db: Db, auth: AuthContext, campaignId: string, raw: z.input<typeof scoreInput>) {
  const v = scoreInput.parse(raw);
  return db.transaction(async (tx) => {
    const campaign = await rowInScope(tx, auth, enforcementCampaigns, campaignId, '评查活动', PERM.supervise);
    if (campaign.kind !== 'caseReview') throw new AppError('ENFORCEMENT_NOT_REVIEW', '只有案卷评查活动可以评分', 400);
    const agency = await agencyFor(tx, auth, v.agencyOrgId, PERM.supervise);
    const problems: { path: string; message: string }[] = [];
    for (const item of campaign.checklist) {
      const s = v.scores[item.key];
      if (s === undefined) problems.push({ path: `scores.${item.key}`, message: `请为「${item.label}」评分` });
      else if (s > item.points) problems.push({ path: `scores.${item.key}`, message: `「${item.label}」最高${item.points}分` });
    }
    for (const k of Object.keys(v.scores)) if (!campaign.checklist.some((i) => i.key === k)) problems.push({ path: `scores.${k}`, message: `评查表没有「${k}」项` });
    if (problems.length) throw invalid(problems.map((p) => p.message).join('；'), { fields: problems });
    const total = campaign.checklist.reduce((s, i) => s + v.scores[i.key], 0);
    const passed = total >= (campaign.passScore ?? 80);
    const [c] = await tx.select({ id: enforcementCases.id }).from(enforcementCases).where(and(eq(enforcementCases.orgId, agency.id), eq(enforcementCases.caseNumber, v.caseNumber), isNull(enforcementCases.voidedAt)));
    const [row] = await tx.insert(enforcementCaseFileReviews).values({
      orgId: agency.id, regionCode: agency.regionCode, createdBy: auth.user.id, campaignId, caseId: c?.id ?? null, caseNumber: v.caseNumber, reviewedDate: v.reviewedDate, scores: v.scores, total, passed, findings: v.findings ?? null,
    }).onConflictDoNothing().returning();
    if (!row) throw new AppError('CASE_FILE_REVIEWED', `该活动已评查过${agency.name}的案卷 ${v.caseNumber}`, 409);
    let rectification = null;
    if (!passed || v.findings) {
      const deadline = v.rectifyBy ?? new Date(Date.parse(v.reviewedDate) + 30 * 86_400_000).toISOString().slice(0, 10);
      [rectification] = await tx.insert(enforcementRectifications).values({
        orgId: agency.id, regionCode: agency.regionCode, createdBy: auth.user.id, sourceType: 'review', sourceId: row.id,
        item: `案卷 ${v.caseNumber} 评查${passed ? '合格' : '不合格'}（${total}分）${v.findings ? `：${v.findings}` : ''}`, issuedDate: v.reviewedDate, deadline,
      }).returning();
    }
    await recordAudit(tx, auth.actor, { action: 'enforcement.review.score', entityType: ENTITY.review, entityId: row.id, summary: `评查${agency.name}案卷 ${v.caseNumber}：${total}分，${passed ? '合格' : '不合格'}（${REVIEW_CITE}）`, after: { ...row, rectificationId: rectification?.id ?? null } });
    return { ...row, rectification };
  });
}

/** A 评查 campaign's results: each file, and per agency count / average / pass rate. */
export async function campaignResults(db: DbOrTx, auth: AuthContext, campaignId: string) {
  const campaign = await db.select().from(enforcementCampaigns).where(and(eq(enforcementCampaigns.id, campaignId), isNull(enforcementCampaigns.voidedAt), sql`(${scopeOf(auth, enforcementCampaigns)} or ${enforcementCampaigns.agencyOrgIds} ? ${auth.user.orgId})`)).then((r) => r[0]);
  if (!campaign) throw new AppError('NOT_FOUND', '评查活动不存在或无权查看', 404);
  const t = enforcementCaseFileReviews;
  const rows = await db.select({ r: t, orgName: orgs.name }).from(t).innerJoin(orgs, eq(orgs.id, t.orgId)).where(and(eq(t.campaignId, campaignId), isNull(t.voidedAt), scopeOf(auth, t))).orderBy(asc(orgs.name), asc(t.caseNumber));
  const by = new Map<string, { orgId: string; orgName: string; count: number; passed: number; sum: number }>();
  for (const { r, orgName } of rows) {
    const a = by.get(r.orgId) ?? { orgId: r.orgId, orgName, count: 0, passed: 0, sum: 0 };
    a.count++;
    a.sum += r.total;
    if (r.passed) a.passed++;
    by.set(r.orgId, a);
  }
  return {
    campaign,
    files: rows.map(({ r, orgName }) => ({ ...r, orgName })),
    agencies: [...by.values()].map((a) => ({ orgId: a.orgId, orgName: a.orgName, count: a.count, passed: a.passed, average: Math.round((a.sum / a.count) * 10) / 10, passRate: Math.round((a.passed / a.count) * 1000) / 10 })),
  };
}

export const agencyName = async (db: DbOrTx, id: string) => (await getOrg(db, id))?.name ?? id;
