import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isIsoDate } from './dates';
import { addDays, calendarStatus, importYear, loadCalendar, resetDay, setDay, yearImportSchema, yearView } from './service';

const realDate = (label: string) =>
  z.string().refine(isIsoDate, `${label}应为有效日期（格式 YYYY-MM-DD）`).describe(`${label}（YYYY-MM-DD）`);
const days = z.coerce.number().int('天数应为整数').min(0, '天数不能为负数').max(36_600, '天数过大').describe('期间天数（起算日不计入）');
const yearParam = z.object({ year: z.coerce.number().int('年份应为整数').min(2000, '年份应在2000至2100之间').max(2100, '年份应在2000至2100之间') });
const dateParam = z.object({ date: realDate('日期') });

const dayResult = z.object({ date: z.string(), provisional: z.boolean().describe('暂定：计算涉及尚无节假日数据的年份，仅扣除了周末') });
const dayOut = z.object({ date: z.string(), isWorkday: z.boolean(), name: z.string().nullable(), override: z.boolean().describe('管理员调整或导入的数据') });

const TAGS = ['工作日历'];

/** HTTP routes of the platform's calendar part (registered by src/app.ts); loads the calendar cache at start. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.fz;
  await loadCalendar(db);
  // Another process (the CLI's calendar-import, a second server on the same PostgreSQL) may change the
  // calendar: reload the cache every minute so this process follows within a minute.
  const timer = setInterval(() => void loadCalendar(db).catch((err) => app.log.warn({ err }, 'calendar reload failed')), 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  app.get('/api/calendar/add-working-days', {
    schema: {
      tags: TAGS,
      summary: '起算日后第 N 个工作日（起算日不计入，民法典第二百零一条；行政复议法第八十八条）',
      querystring: z.object({ from: realDate('起算日期'), days }),
      response: { 200: dayResult },
    },
  }, async (req) => addDays(req.query.from, req.query.days, 'workingDay'));

  app.get('/api/calendar/add-days', {
    schema: {
      tags: TAGS,
      summary: '期间届满日：工作日或自然日（末日为法定休假日的顺延至其后第一个工作日，民法典第二百零三条）',
      querystring: z.object({ from: realDate('起算日期'), days, unit: z.enum(['workingDay', 'calendarDay'], { message: '单位应为 workingDay（工作日）或 calendarDay（自然日）' }) }),
      response: { 200: dayResult },
    },
  }, async (req) => addDays(req.query.from, req.query.days, req.query.unit));

  app.get('/api/calendar/status', {
    schema: {
      tags: TAGS,
      summary: '日历数据状态：每年11月起提醒导入下一年度节假日安排',
      response: {
        200: z.object({
          today: z.string(),
          nextYear: z.number(),
          nextYearLoaded: z.boolean(),
          nextYearSource: z.enum(['builtin', 'loaded', 'none']),
          remind: z.boolean(),
          message: z.string().nullable(),
          canManage: z.boolean(),
        }),
      },
    },
  }, async (req) => ({ ...calendarStatus(), canManage: req.auth.permissions.has('calendar.manage') }));

  app.get('/api/calendar/years/:year', {
    schema: {
      tags: TAGS,
      summary: '某年的节假日、调休上班日和人工调整（只列与普通周一至周五不同的日子）',
      params: yearParam,
      response: {
        200: z.object({
          year: z.number(),
          source: z.enum(['builtin', 'loaded', 'none']).describe('builtin 内置数据，loaded 管理员导入，none 无数据'),
          sourceNote: z.string().nullable(),
          provisional: z.boolean(),
          days: z.array(dayOut),
        }),
      },
    },
  }, async (req) => yearView(req.params.year));

  app.put('/api/calendar/days/:date', {
    config: { permission: 'calendar.manage' },
    schema: {
      tags: TAGS,
      summary: '调整某一天：设为法定节假日（休息）或调休上班日',
      params: dateParam,
      body: z.object({ isWorkday: z.boolean({ message: '请说明该日是否上班' }), name: z.string().trim().max(50).nullable().optional() }),
      response: { 200: dayOut },
    },
  }, async (req) => setDay(db, req.auth.actor, req.params.date, req.body));

  app.post('/api/calendar/days/:date/reset', {
    config: { permission: 'calendar.manage' },
    schema: { tags: TAGS, summary: '撤销对某一天的调整，恢复默认安排', params: dateParam, response: { 200: dayOut } },
  }, async (req) => resetDay(db, req.auth.actor, req.params.date));

  app.post('/api/calendar/years/:year/import', {
    config: { permission: 'calendar.manage' },
    schema: {
      tags: TAGS,
      summary: '导入某年法定节假日和调休安排（国务院办公厅通知）：替换该年全部调整，全部成功或全部不导入',
      params: yearParam,
      body: yearImportSchema,
      response: {
        200: z.object({ year: z.number(), source: z.string().nullable(), holidayDays: z.number(), workdays: z.number(), replaced: z.number() }),
      },
    },
  }, async (req) => importYear(db, req.auth.actor, req.params.year, req.body));
};
