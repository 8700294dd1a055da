import { z } from 'zod';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../errors';
import { idParam, pageQuery, voidBody } from '../http/schemas';
import { scopeCondition } from '../auth/scope';
import { orgs } from '../orgs/schema';
import { resolveOrg } from '../orgs/service';
import type { AuthContext } from '../auth/context';
import type { DbOrTx } from '../db/client';
import { formatQuery, pagedRows, sendXlsx } from '../ledger/export';
import { present } from './registry';
import { parsePeriod, periodBounds, periodLabel, periodQuery, type Period } from './period';
import { canSee, catalogueDef, directionOf, indicatorByUnit, indicatorCatalogue, indicatorFigures, mapLimit, queryOrg, unitRecords, unitsOf } from './figures';
import { createManualDef, enterManualValue, listManualDefs, listManualValues, manualDefInput, manualValueFilter, manualValueInput, manualValueUpdate, updateManualValue, voidManualValue } from './manual';
import { assessment, closeInput, closeRectification, comparators, listRectifications, openRectification, rectificationFilter, rectificationInput, setTarget, targetInput, targetText, voidRectification, voidTarget } from './targets';
import { indicatorTargets } from './schema';
import { dashboard } from './dashboard';
import { IND_PERM } from './permissions';
import { newBatch } from './tally';

const tags = ['指标'];

const query = periodQuery.extend({
  org: z.string().optional().describe('行政区划代码、机构名称或机构ID；默认本人所在机构（含下级）'),
  keys: z.string().optional().describe('逗号分隔的指标键'),
  compare: z.enum(['0', '1']).optional().describe('1：同时给出上年同期、同比和在同级机构中的排名'),
});

async function resolveQueryOrg(db: DbOrTx, auth: AuthContext, ref: string | undefined) {
  let org;
  if (ref) org = await resolveOrg(db, auth.rootPath, ref);
  else [org] = await db.select().from(orgs).where(and(eq(orgs.id, auth.user.orgId), isNull(orgs.voidedAt)));
  if (!org) throw notFound('机构');
  return org;
}

/** GET /api/indicators and the engine's other endpoints: figures, records, breakdowns, 驾驶舱, 手工指标, 考核. */
export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;

  app.get('/api/indicators', { schema: { tags, summary: '指标（按机构含下级、按期间；可带同比和排名）', querystring: query } }, async (req) => {
    const period = parsePeriod(req.query);
    const org = await resolveQueryOrg(db, req.auth, req.query.org);
    const keys = req.query.keys?.split(',').map((k) => k.trim()).filter(Boolean);
    const { from, to } = periodBounds(period);
    if (req.query.compare === '1') {
      const r = await indicatorFigures(db, req.auth, { orgId: org.id, period, keys });
      return { org: org.id, orgName: org.name, from, to, periodLabel: periodLabel(period), indicators: r.figures };
    }
    const defs = (await indicatorCatalogue(db)).filter((d) => (!keys || keys.includes(d.key)) && canSee(req.auth, d, org));
    // One memo for the request: figures counting the same table read it once (tally.ts).
    const q = { org: queryOrg(org), from, to, batch: newBatch([{ from, to }]) };
    // A few at a time: on PostgreSQL the pool runs them side by side (PGlite queues them).
    const indicators = await mapLimit(defs, 4, async (d) => ({ ...present(d, await d.compute(db, q)), unitLabel: d.unitLabel ?? null, direction: directionOf(d) }));
    return { org: org.id, orgName: org.name, from, to, periodLabel: periodLabel(period), indicators };
  });

  app.get('/api/indicators/catalogue', { schema: { tags, summary: '指标目录（本人可查看的指标及口径）' } }, async (req) => {
    const org = await resolveQueryOrg(db, req.auth, undefined);
    const defs = (await indicatorCatalogue(db)).filter((d) => req.auth.permissions.has(d.permission));
    return { items: defs.map((d) => ({ key: d.key, label: d.label, module: d.module, definition: d.definition, unit: d.unit, unitLabel: d.unitLabel ?? null, direction: directionOf(d), inMyOrg: canSee(req.auth, d, org) })) };
  });

  app.get('/api/indicators/:key/records', {
    schema: {
      tags,
      summary: '指标背后的记录（分子或分母）',
      params: z.object({ key: z.string() }),
      querystring: query.extend({
        part: z.enum(['numerator', 'denominator']).default('numerator'),
        region: z.string().regex(/^\d{9}$/, '乡镇（街道）行政区划代码应为9位数字').optional().describe('乡镇（街道）行政区划代码：该乡镇政府及其司法所等机构合计'),
      }),
    },
  }, async (req) => {
    const def = await catalogueDef(db, req.params.key);
    if (!def) throw notFound('指标');
    const period = parsePeriod(req.query);
    const org = await resolveQueryOrg(db, req.auth, req.query.org);
    if (!canSee(req.auth, def, org)) throw notFound('指标');
    if (req.query.region) {
      const unit = (await unitsOf(db, org, 'townships')).find((u) => u.regionCode === req.query.region);
      if (!unit || !unit.members.every((m) => canSee(req.auth, def, m))) throw notFound('乡镇（街道）');
      return { key: def.key, label: def.label, part: req.query.part, unit: unit.name, records: await unitRecords(db, def, unit, period, req.query.part) };
    }
    const records = def.records ? await def.records(db, { org: queryOrg(org), ...periodBounds(period) }, req.query.part) : [];
    return { key: def.key, label: def.label, part: req.query.part, unit: org.name, records };
  });

  app.get('/api/indicators/:key/units', {
    schema: { tags, summary: '指标分解：按乡镇（街道）或按下级机构，并排名', params: z.object({ key: z.string() }), querystring: query.extend({ by: z.enum(['townships', 'children']).default('townships') }) },
  }, async (req) => {
    const org = await resolveQueryOrg(db, req.auth, req.query.org);
    return indicatorByUnit(db, req.auth, { key: req.params.key, orgId: org.id, period: parsePeriod(req.query), by: req.query.by });
  });

  app.get('/api/dashboard', {
    config: { permission: IND_PERM.dashboard },
    schema: { tags: ['驾驶舱'], summary: '领导驾驶舱（关键指标、趋势、排名、地图、超期事项）', querystring: query.extend({ mapKey: z.string().optional().describe('排名和地图展示的指标') }) },
  }, async (req) => {
    const org = await resolveQueryOrg(db, req.auth, req.query.org);
    return dashboard(db, req.auth, { orgId: org.id, period: parsePeriod(req.query), mapKey: req.query.mapKey });
  });

  // —— 手工指标 ——
  app.get('/api/indicators/manual/defs', { config: { permission: IND_PERM.read }, schema: { tags, summary: '手工指标定义' } }, async () => ({ items: await listManualDefs(db) }));
  app.post('/api/indicators/manual/defs', { config: { permission: IND_PERM.defineManual }, schema: { tags, summary: '定义手工指标', body: manualDefInput } }, async (req, reply) =>
    reply.code(201).send(await createManualDef(db, req.auth, req.body)));

  app.get('/api/indicators/manual/values', { config: { permission: IND_PERM.read }, schema: { tags, summary: '手工指标填报记录', querystring: pageQuery.extend(manualValueFilter.shape).extend(formatQuery.shape) } }, async (req, reply) => {
    const { format, ...f } = req.query;
    if (format === 'xlsx') {
      const { total, rows } = await pagedRows((page, pageSize) => listManualValues(db, req.auth, { ...f, page, pageSize }));
      return sendXlsx(reply, {
        filename: '手工指标填报',
        sheet: '手工指标填报',
        total,
        rows,
        columns: [
          { header: '指标', key: 'label', width: 20 },
          { header: '机构', key: 'orgName', width: 20 },
          { header: '起始日期', key: 'periodFrom', width: 12 },
          { header: '截止日期', key: 'periodTo', width: 12 },
          { header: '数值', key: 'value', width: 12 },
          { header: '单位', key: 'unitLabel', width: 8 },
          { header: '数据来源', key: 'source', width: 24 },
          { header: '备注', key: 'note', width: 24 },
          { header: '填报人', key: 'enteredBy', width: 12 },
          { header: '更新时间', key: 'updatedAt', width: 22 },
        ],
      });
    }
    return listManualValues(db, req.auth, f);
  });
  app.post('/api/indicators/manual/values', { config: { permission: IND_PERM.enterManual }, schema: { tags, summary: '填报手工指标', body: manualValueInput } }, async (req, reply) =>
    reply.code(201).send(await enterManualValue(db, req.auth, req.body)));
  app.put('/api/indicators/manual/values/:id', { config: { permission: IND_PERM.enterManual }, schema: { tags, summary: '修改填报值', params: idParam, body: manualValueUpdate } }, async (req) =>
    updateManualValue(db, req.auth, req.params.id, req.body));
  app.post('/api/indicators/manual/values/:id/void', { config: { permission: IND_PERM.enterManual }, schema: { tags, summary: '作废填报值', params: idParam, body: voidBody } }, async (req) =>
    voidManualValue(db, req.auth, req.params.id, req.body.reason));

  // —— 考核目标、考核、整改 ——
  app.get('/api/indicators/targets', {
    config: { permission: IND_PERM.assessment },
    schema: { tags, summary: '考核目标', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100), org: z.uuid().optional() }) },
  }, async (req) => {
    const rows = await db
      .select({ t: indicatorTargets, orgName: orgs.name })
      .from(indicatorTargets)
      .innerJoin(orgs, eq(orgs.id, indicatorTargets.orgId))
      .where(and(eq(indicatorTargets.year, req.query.year), isNull(indicatorTargets.voidedAt), scopeCondition(req.auth, IND_PERM.assessment, { orgId: indicatorTargets.orgId }), req.query.org ? eq(indicatorTargets.orgId, req.query.org) : undefined))
      .orderBy(asc(orgs.sort), asc(indicatorTargets.indicatorKey));
    const items = [];
    for (const { t, orgName } of rows) {
      const def = await catalogueDef(db, t.indicatorKey);
      items.push({ id: t.id, orgId: t.orgId, orgName, year: t.year, indicatorKey: t.indicatorKey, label: def?.label ?? t.indicatorKey, comparator: t.comparator, threshold: Number(t.threshold), basis: t.basis, target: def ? targetText(def.label, def.unit, t.comparator as keyof typeof comparators, Number(t.threshold)) : t.indicatorKey });
    }
    return { items };
  });
  app.post('/api/indicators/targets', { config: { permission: IND_PERM.manageTargets }, schema: { tags, summary: '设定考核目标', body: targetInput } }, async (req, reply) => reply.code(201).send(await setTarget(db, req.auth, req.body)));
  app.post('/api/indicators/targets/:id/void', { config: { permission: IND_PERM.manageTargets }, schema: { tags, summary: '作废考核目标', params: idParam, body: voidBody } }, async (req) => voidTarget(db, req.auth, req.params.id, req.body.reason));

  app.get('/api/indicators/assessment', {
    config: { permission: IND_PERM.assessment },
    schema: { tags, summary: '考核：各乡镇、部门对照目标达标情况', querystring: periodQuery.extend({ org: z.uuid().optional() }) },
  }, async (req) => {
    const year = req.query.year ?? new Date().getFullYear();
    let period: Period | undefined;
    if (req.query.period && req.query.period !== 'year') {
      period = parsePeriod({ ...req.query, year });
      if (period.kind === 'custom' || period.year !== year) throw new AppError('INDICATOR_BAD_PERIOD', '考核期间应在考核年度之内', 400);
    }
    return assessment(db, req.auth, { year, period, orgId: req.query.org });
  });

  app.get('/api/indicators/rectifications', {
    config: { permission: IND_PERM.assessment },
    schema: { tags, summary: '整改事项', querystring: pageQuery.extend(rectificationFilter.shape).extend(formatQuery.shape) },
  }, async (req, reply) => {
    const { format, ...f } = req.query;
    if (format === 'xlsx') {
      const { total, rows } = await pagedRows(async (page, pageSize) => {
        const r = await listRectifications(db, req.auth, { ...f, page, pageSize });
        return { total: r.total, items: r.items.map((i) => ({ ...i, statusLabel: i.status === 'closed' ? '已销号' : i.overdue ? '逾期未整改' : '整改中' })) };
      });
      return sendXlsx(reply, {
        filename: '整改事项',
        sheet: '整改事项',
        total,
        rows,
        columns: [
          { header: '整改事项', key: 'title', width: 36 },
          { header: '整改单位', key: 'orgName', width: 20 },
          { header: '考核指标', key: 'indicatorLabel', width: 20 },
          { header: '年度', key: 'year', width: 8 },
          { header: '整改要求', key: 'requirement', width: 36 },
          { header: '整改期限', key: 'deadline', width: 12 },
          { header: '状态', key: 'statusLabel', width: 12 },
          { header: '销号日期', key: 'closedDate', width: 12 },
          { header: '整改情况', key: 'closureNote', width: 36 },
        ],
      });
    }
    return listRectifications(db, req.auth, f);
  });
  app.post('/api/indicators/rectifications', { config: { permission: IND_PERM.rectify }, schema: { tags, summary: '交办整改事项（可由未达标的考核目标生成）', body: rectificationInput } }, async (req, reply) =>
    reply.code(201).send(await openRectification(db, req.auth, req.body)));
  app.post('/api/indicators/rectifications/:id/close', { config: { permission: IND_PERM.rectify }, schema: { tags, summary: '整改销号', params: idParam, body: closeInput } }, async (req) =>
    closeRectification(db, req.auth, req.params.id, req.body));
  app.post('/api/indicators/rectifications/:id/void', { config: { permission: IND_PERM.rectify }, schema: { tags, summary: '作废整改事项', params: idParam, body: voidBody } }, async (req) =>
    voidRectification(db, req.auth, req.params.id, req.body.reason));
};

