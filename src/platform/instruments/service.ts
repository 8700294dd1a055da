/**
 * 文书 use cases: issue (number + store + audit in the caller's transaction), list and read within the data
 * scope, void with a reason (the number stays taken: gap-free means no missing numbers, so a voided one is
 * listed as 作废 and never reused), and the number formats an org uses.
 */
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx } from '../db/client';
import { AppError, forbidden, invalid, notFound } from '../errors';
import { recordAudit, type Actor } from '../audit/service';
import type { AuthContext } from '../auth/context';
import { orgInScope, scopeCondition } from '../auth/scope';
import { getOrg } from '../orgs/service';
import { orgs } from '../orgs/schema';
import type { Block } from './blocks';
import { renderDocx } from './docx';
import {
  DEFAULT_NUMBER_FORMAT,
  formatNumber,
  getNumberFormats,
  issueNumber,
  putNumberFormats,
  resolveTemplate,
  templateProblems,
  type NumberFormatRule,
} from './numbering';
import { INSTRUMENT_MANAGE_FORMATS, INSTRUMENT_READ, INSTRUMENT_VOID } from './permissions';
import { instrumentType, instrumentTypes, requireInstrumentType, typeLabel, type InstrumentFields } from './registry';
import { instruments } from './schema';

export type Instrument = typeof instruments.$inferSelect;
export type InstrumentWithOrg = Instrument & { orgName: string | null };

// ── read permissions per entity type ─────────────────────────────────────────────────────────────────────

const entityReadPermissions = new Map<string, string>();

/**
 * Lets the readers of a business record read its 文书 too, within their data scope for that permission:
 * `registerInstrumentEntity({ entityType: 'adminReviewCase', readPermission: 'adminReview.read' })`.
 */
export function registerInstrumentEntity(def: { entityType: string; readPermission: string }) {
  entityReadPermissions.set(def.entityType, def.readPermission);
}

const scopeCols = { orgId: instruments.orgId, createdBy: instruments.createdBy };

/**
 * Which instruments the caller may read: `instrument.read` in its data scope, or — each in its own scope — the
 * read permission registered for the record's entity type (registerInstrumentEntity) or for the instrument type
 * (`readPermission` of its registration). `extra` adds one for a caller listing the instruments of its records.
 */
export function instrumentVisibility(auth: AuthContext, extra?: { entityType: string; readPermission: string }): SQL {
  const conds: SQL[] = [scopeCondition(auth, INSTRUMENT_READ, scopeCols)];
  const perEntity = [...entityReadPermissions];
  if (extra) perEntity.push([extra.entityType, extra.readPermission]);
  for (const [entityType, permission] of perEntity) {
    if (auth.permissions.has(permission)) conds.push(and(eq(instruments.entityType, entityType), scopeCondition(auth, permission, scopeCols))!);
  }
  // A type's own readPermission (registry.ts) reaches the instruments of that type.
  const typesByPermission = new Map<string, string[]>();
  for (const def of instrumentTypes()) {
    if (def.readPermission && auth.permissions.has(def.readPermission)) typesByPermission.set(def.readPermission, [...(typesByPermission.get(def.readPermission) ?? []), def.type]);
  }
  for (const [permission, types] of typesByPermission) conds.push(and(inArray(instruments.type, types), scopeCondition(auth, permission, scopeCols))!);
  return conds.length === 1 ? conds[0] : or(...conds)!;
}

// ── issue ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * What the append-only audit log keeps of an instrument: its identity, number and status — not its fields or
 * text, which may hold personal data that must stay erasable and stays readable in the instrument itself.
 */
function auditView(r: Instrument) {
  const { fields, blocks, ...rest } = r;
  void fields;
  void blocks;
  return rest;
}

/** Today in China (UTC+8), 'YYYY-MM-DD'. */
export const todayInChina = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

function checkDate(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw invalid('文书日期格式不正确，应为 YYYY-MM-DD', { fields: [{ path: 'date', message: '日期格式应为 YYYY-MM-DD' }] });
  }
}

export interface CreateInstrumentInput {
  /** The org that owns the instrument (its data scope). */
  orgId: string;
  regionCode: string;
  type: string;
  fields: InstrumentFields;
  entityType?: string | null;
  entityId?: string | null;
  instanceId?: string | null;
  /** 成文日期 'YYYY-MM-DD' (default today in China); its year is the number's year. */
  date?: string;
  /** The org in whose name it is issued and numbered, when not `orgId` (overrides the type's `issuer`). */
  issuerOrgId?: string;
}

/**
 * Issues a 文书: validates its fields, draws its number (if the type is numbered), stores it with the
 * document it renders to and records the audit entry — all in the caller's transaction, so a rollback there
 * takes the number back. Given the database instead, it runs in a transaction of its own.
 */
export async function createInstrument(db: DbOrTx, actor: Actor, input: CreateInstrumentInput): Promise<Instrument> {
  const def = requireInstrumentType(input.type);
  let fields = input.fields ?? {};
  if (def.fields) {
    const parsed = def.fields.safeParse(fields);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw invalid(`文书「${def.label}」的内容有误：` + problems.map((p) => `${p.path || '内容'} ${p.message}`).join('；'), { fields: problems }, 'INSTRUMENT_FIELDS_INVALID');
    }
    fields = parsed.data as InstrumentFields;
  }
  const date = input.date ?? todayInChina();
  checkDate(date);
  const year = Number(date.slice(0, 4));

  return (db as Db).transaction(async (tx) => {
    const org = await getOrg(tx, input.orgId);
    if (!org || org.voidedAt) throw notFound('机构');
    const issuerId = input.issuerOrgId ?? (await def.issuer?.({ tx, org, fields })) ?? org.id;
    const issuer = issuerId === org.id ? org : await getOrg(tx, issuerId);
    if (!issuer || issuer.voidedAt) throw notFound('发文机构');

    let title: string;
    let blocks: Block[];
    try {
      title = def.title(fields).trim();
      blocks = def.body(fields);
    } catch (err) {
      throw new AppError('INSTRUMENT_TEMPLATE_FAILED', `文书「${def.label}」生成失败，请检查填写的内容是否完整`, 400, { reason: (err as Error).message });
    }
    if (!title) throw new AppError('INSTRUMENT_TEMPLATE_FAILED', `文书「${def.label}」没有标题`, 400);

    let issued: { serial: number; number: string } | null = null;
    if (def.numbered) issued = await issueNumber(tx, { orgId: issuer.id, type: def.type, year });
    const [row] = await tx
      .insert(instruments)
      .values({
        orgId: org.id,
        regionCode: input.regionCode,
        type: def.type,
        title,
        year,
        serial: issued?.serial ?? null,
        number: issued?.number ?? null,
        sequence: issued ? (def.sequence ?? def.type) : null,
        issuerOrgId: issuer.id,
        issuerName: issuer.name,
        issuedOn: date,
        blocks,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        instanceId: input.instanceId ?? null,
        fields,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'instrument.create',
      entityType: 'instrument',
      entityId: row.id,
      summary: `出具${def.label}${row.number ? ` ${row.number}` : ''}：${title.replace(/\s+/g, '')}`,
      after: auditView(row),
    });
    return row;
  });
}

// ── read ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface InstrumentFilter {
  entityType?: string;
  entityId?: string;
  type?: string;
  year?: number;
  orgId?: string;
  /** With `entityType`: a business read permission that also grants access (see instrumentVisibility). */
  readPermission?: string;
  page?: number;
  pageSize?: number;
}

export async function listInstruments(db: DbOrTx, auth: AuthContext, filter: InstrumentFilter = {}) {
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 20;
  if (filter.readPermission && !filter.entityType) throw invalid('按业务权限查看文书时须指定业务类型 entityType');
  const where = and(
    instrumentVisibility(auth, filter.readPermission ? { entityType: filter.entityType!, readPermission: filter.readPermission } : undefined),
    filter.entityType ? eq(instruments.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(instruments.entityId, filter.entityId) : undefined,
    filter.type ? eq(instruments.type, filter.type) : undefined,
    filter.year ? eq(instruments.year, filter.year) : undefined,
    filter.orgId ? eq(instruments.orgId, filter.orgId) : undefined,
  );
  const [{ total }] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total from instruments where ${where}`));
  const rows = await db
    .select({ instrument: instruments, orgName: orgs.name })
    .from(instruments)
    .leftJoin(orgs, eq(orgs.id, instruments.orgId))
    .where(where)
    .orderBy(desc(instruments.issuedOn), desc(instruments.createdAt), desc(instruments.serial))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows.map((r) => ({ ...r.instrument, orgName: r.orgName })), total: Number(total), page, pageSize };
}

/** One instrument the caller may read, or 404 (an instrument outside the scope does not exist for them). */
export async function getInstrument(db: DbOrTx, auth: AuthContext, id: string): Promise<InstrumentWithOrg> {
  const rows = await db
    .select({ instrument: instruments, orgName: orgs.name })
    .from(instruments)
    .leftJoin(orgs, eq(orgs.id, instruments.orgId))
    .where(and(eq(instruments.id, id), instrumentVisibility(auth)));
  if (!rows.length) throw notFound('文书');
  return { ...rows[0].instrument, orgName: rows[0].orgName };
}

/** The .docx of an issued instrument, rendered from the document it was issued with. */
export async function instrumentDocx(row: Instrument & { orgName?: string | null }): Promise<Buffer> {
  let blocks = row.blocks as Block[] | null;
  if (!blocks) {
    const def = instrumentType(row.type);
    if (!def) throw new AppError('INSTRUMENT_TYPE_UNKNOWN', `文书类型「${row.type}」未登记，无法生成文档`, 409);
    blocks = def.body(row.fields as InstrumentFields);
  }
  return renderDocx({ title: row.title, number: row.number, blocks, orgName: row.issuerName ?? row.orgName ?? '', date: row.issuedOn });
}

/** `<number> <title>.docx`, safe as a file name on Windows. */
export function instrumentFileName(row: Pick<Instrument, 'number' | 'title' | 'voidedAt'>): string {
  const base = [row.number, row.title.replace(/\s+/g, '')].filter(Boolean).join(' ') + (row.voidedAt ? '（已作废）' : '');
  return base.replace(/[\\/:*?"<>|\r\n\t]/g, '_') + '.docx';
}

// ── void ─────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Voids an instrument with a reason. Its number is not reused: the sequence has no gap, and the voided
 * instrument stays in the lists as 作废.
 */
export async function voidInstrument(db: DbOrTx, actor: Actor, id: string, reason: string): Promise<Instrument> {
  const why = reason.trim();
  if (why.length < 2) throw invalid('请填写作废原因（至少2个字）', { fields: [{ path: 'reason', message: '请填写作废原因（至少2个字）' }] });
  return (db as Db).transaction(async (tx) => {
    const [before] = await tx.select().from(instruments).where(eq(instruments.id, id)).for('update');
    if (!before) throw notFound('文书');
    if (before.voidedAt) throw new AppError('INSTRUMENT_ALREADY_VOIDED', '该文书已作废', 409);
    const [after] = await tx.update(instruments).set({ voidedAt: sql`now()`, voidedBy: actor.id, voidReason: why }).where(eq(instruments.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'instrument.void',
      entityType: 'instrument',
      entityId: id,
      summary: `作废${typeLabel(before.type)}${before.number ? ` ${before.number}` : ''}：${why}`,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

// ── number formats ───────────────────────────────────────────────────────────────────────────────────────

export interface FormatRuleView {
  orgId: string | null;
  orgName: string | null;
  type: string | null;
  typeLabel: string | null;
  template: string;
  example: string;
}

const exampleOf = (template: string, orgShort: string | null, typeShort: string | null, year: number) =>
  formatNumber(template, { orgShort: orgShort ?? '（机构简称）', typeShort: typeShort ?? '（文书简称）', year, serial: 12 });

async function orgsById(db: DbOrTx, ids: string[]) {
  const rows = ids.length ? await db.select().from(orgs).where(inArray(orgs.id, ids)) : [];
  return new Map(rows.map((o) => [o.id, o]));
}

const mayManageGlobal = (auth: AuthContext) => auth.scopes.get(INSTRUMENT_MANAGE_FORMATS) === 'all';

/** The number formats the caller may manage, the registered types and the platform default, with examples. */
export async function numberFormatsView(db: DbOrTx, auth: AuthContext) {
  const year = Number(todayInChina().slice(0, 4));
  const { rules } = await getNumberFormats(db);
  const byId = await orgsById(db, [...new Set(rules.map((r) => r.orgId).filter((x): x is string => !!x))]);
  const mine = await getOrg(db, auth.user.orgId);
  const visible = rules.filter((r) => (r.orgId ? byId.has(r.orgId) && orgInScope(auth, INSTRUMENT_MANAGE_FORMATS, byId.get(r.orgId)!) : true));
  return {
    defaultTemplate: DEFAULT_NUMBER_FORMAT,
    rules: visible.map((r): FormatRuleView => {
      const org = r.orgId ? byId.get(r.orgId)! : null;
      const def = r.type ? instrumentType(r.type) : undefined;
      return {
        orgId: r.orgId ?? null,
        orgName: org?.name ?? null,
        type: r.type ?? null,
        typeLabel: def?.label ?? r.type ?? null,
        template: r.template,
        example: exampleOf(r.template, org?.shortName ?? mine?.shortName ?? null, def?.typeShort ?? null, year),
      };
    }),
    types: instrumentTypes()
      .filter((d) => d.numbered)
      .map((d) => {
        const template = resolveTemplate({ rules: rules.filter((r) => !r.orgId) }, '', d.type, d.format);
        return { type: d.type, label: d.label, typeShort: d.typeShort, template, example: exampleOf(template, mine?.shortName ?? null, d.typeShort, year) };
      }),
  };
}

/**
 * Replaces the formats the caller manages (rules of orgs in their scope; org-less rules need the 全部 scope);
 * rules of orgs outside it are kept as they are. Audited; applies to numbers issued from now on.
 */
export async function saveNumberFormats(db: Db, auth: AuthContext, input: NumberFormatRule[]) {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const clean: NumberFormatRule[] = input.map((r) => ({ orgId: r.orgId || null, type: r.type || null, template: r.template.trim() }));
  const byId = await orgsById(db, [...new Set(clean.map((r) => r.orgId).filter((x): x is string => !!x))]);
  const current = await getNumberFormats(db);
  const unchangedGlobal = (r: NumberFormatRule) => current.rules.some((c) => !c.orgId && (c.type ?? null) === r.type && c.template === r.template);
  clean.forEach((r, i) => {
    const key = `${r.orgId ?? '*'}|${r.type ?? '*'}`;
    if (seen.has(key)) problems.push({ path: `rules.${i}`, message: '同一机构和文书类型的格式重复' });
    seen.add(key);
    if (r.type && !instrumentType(r.type)) problems.push({ path: `rules.${i}.type`, message: `文书类型「${r.type}」未登记` });
    if (r.orgId) {
      const org = byId.get(r.orgId);
      if (!org || org.voidedAt || !orgInScope(auth, INSTRUMENT_MANAGE_FORMATS, org)) problems.push({ path: `rules.${i}.orgId`, message: '机构不存在或不在您的管理范围内' });
    } else if (!mayManageGlobal(auth) && !unchangedGlobal(r)) {
      problems.push({ path: `rules.${i}.orgId`, message: '只有数据范围为「全部」的用户可以设置通用格式，请选择机构' });
    }
    for (const p of templateProblems(r.template)) problems.push({ path: `rules.${i}.template`, message: p });
  });
  if (problems.length) throw invalid('编号格式有误：' + problems.map((p) => p.message).join('；'), { fields: problems }, 'INSTRUMENT_FORMAT_INVALID');

  return db.transaction(async (tx) => {
    const before = await getNumberFormats(tx);
    const allIds = [...new Set(before.rules.map((r) => r.orgId).filter((x): x is string => !!x))];
    const existing = await orgsById(tx, allIds);
    // Rules the caller cannot see stay untouched.
    const kept = before.rules.filter((r) => {
      if (!r.orgId) return !mayManageGlobal(auth);
      const org = existing.get(r.orgId);
      return !org || !orgInScope(auth, INSTRUMENT_MANAGE_FORMATS, org);
    });
    // A caller without the 全部 scope sends the org-less rules back as they saw them; those are in `kept` already.
    const after = { rules: [...kept, ...clean.filter((r) => r.orgId || mayManageGlobal(auth))] };
    await putNumberFormats(tx, after, auth.user.id);
    await recordAudit(tx, auth.actor, { action: 'instrument.formats.update', entityType: 'setting', entityId: null, summary: '修改文书编号格式', before, after });
    return numberFormatsView(tx, auth);
  });
}

/** Refuses unless the caller may void this instrument: `instrument.void` in the scope of its org. */
export async function assertMayVoid(db: DbOrTx, auth: AuthContext, row: Instrument) {
  const org = await getOrg(db, row.orgId);
  if (!org || !orgInScope(auth, INSTRUMENT_VOID, org, row.createdBy)) throw forbidden('无权作废该文书');
}
