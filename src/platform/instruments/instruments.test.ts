import { and, eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';
import { loadAuthContext, type AuthContext } from '../auth/context';
import { auditLog } from '../audit/schema';
import { orgs } from '../orgs/schema';
import { createOrg } from '../orgs/service';
import { systemActor } from '../audit/service';
import { users } from '../auth/schema';
import { arabicDate, blocksText, chineseDate } from './blocks';
import { GONGWEN_LAYOUT, renderDocx } from './docx';
import { DEFAULT_NUMBER_FORMAT, formatNumber, issueNumber, resolveTemplate, templateProblems } from './numbering';
import { instrumentSequences, instruments } from './schema';
import { createInstrument, listInstruments, registerInstrumentEntity, voidInstrument } from './service';
import { DOCX_MIME } from './routes';
import { sampleDecision } from './sample-types';

let t: TestContext;
let director: AuthContext;
const org: Record<string, { id: string; regionCode: string }> = {};

const decisionFields = { applicant: '张某', respondent: '武义县市场监督管理局', facts: '申请人于2024年5月被处以罚款。', decision: '维持被申请人作出的行政处罚决定。' };

async function unzipDocument(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(text));
  return { document: await text('word/document.xml'), settings: await text('word/settings.xml'), footers };
}

const lastOf = async (orgId: string, type: string, year: number) =>
  (await t.database.db.select().from(instrumentSequences).where(and(eq(instrumentSequences.orgId, orgId), eq(instrumentSequences.type, type), eq(instrumentSequences.year, year))))[0]?.last ?? 0;

beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  for (const name of ['武义县司法局', '武义县人民政府', '白洋司法所', '壶山司法所']) {
    const [o] = await t.database.db.select().from(orgs).where(eq(orgs.name, name));
    org[name] = o;
  }
  const [u] = await t.database.db.select().from(users).where(eq(users.username, 'director'));
  director = (await loadAuthContext(t.database.db, u.id))!;
});
afterAll(async () => {
  // The concurrency test leaves several idle pooled connections. The harness drops the database WITH (FORCE) right
  // after pool.end(), which resolves before those connections have closed; the backend kill then surfaces as an
  // 'error' event on the pool with no listener (reported to the lead: openPostgres should listen for it).
  const pool = (t?.database.db as unknown as { $client?: { on?: (event: string, fn: () => void) => void } })?.$client;
  if (t?.database.kind === 'postgres') pool?.on?.('error', () => {});
  await t?.close();
});

describe('发文字号：按机构、文书类型、年度连续编号，不留空号', () => {
  it('同一机构同一文书逐个加一，其他机构、其他文书、其他年度各自从1开始（GB/T 9704-2012 7.2.4）', async () => {
    const { db } = t.database;
    const bureau = org['武义县司法局'].id;
    const issue = (orgId: string, type: string, year: number) => db.transaction((tx) => issueNumber(tx, { orgId, type, year }));
    expect(await issue(bureau, 'sampleDecision', 2020)).toEqual({ serial: 1, number: '武司复〔2020〕1号' });
    expect(await issue(bureau, 'sampleDecision', 2020)).toEqual({ serial: 2, number: '武司复〔2020〕2号' });
    expect(await issue(bureau, 'sampleDecision', 2020)).toEqual({ serial: 3, number: '武司复〔2020〕3号' });
    // Another org, another type: their own runs.
    expect(await issue(org['武义县人民政府'].id, 'sampleDecision', 2020)).toEqual({ serial: 1, number: '武政复〔2020〕1号' });
    expect(await issue(bureau, 'sampleAcceptNotice', 2020)).toEqual({ serial: 1, number: '示受〔2020〕1号' });
    // 年度更替: the new year restarts at 1, the old year continues where it was.
    expect(await issue(bureau, 'sampleDecision', 2021)).toEqual({ serial: 1, number: '武司复〔2021〕1号' });
    expect((await issue(bureau, 'sampleDecision', 2020)).serial).toBe(4);
  });

  it('出具文书的事务回滚后编号随之收回，下一份文书仍用该编号', async () => {
    const { db } = t.database;
    const bureau = org['武义县司法局'];
    const input = { orgId: bureau.id, regionCode: bureau.regionCode, type: 'sampleDecision', fields: decisionFields, date: '2022-03-01' };
    const first = await createInstrument(db, director.actor, input);
    expect(first.number).toBe('武司复〔2022〕1号');
    await expect(
      db.transaction(async (tx) => {
        const row = await createInstrument(tx, director.actor, input);
        expect(row.number).toBe('武司复〔2022〕2号');
        throw new Error('业务校验失败，整体回滚');
      }),
    ).rejects.toThrow('整体回滚');
    expect(await lastOf(bureau.id, 'sampleDecision', 2022)).toBe(1);
    const next = await createInstrument(db, director.actor, input);
    expect(next.number).toBe('武司复〔2022〕2号');
    // Neither the rolled-back row nor its audit entry exists.
    const rows = await db.select().from(instruments).where(and(eq(instruments.orgId, bureau.id), eq(instruments.year, 2022)));
    expect(rows.map((r) => r.serial).sort()).toEqual([1, 2]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'instrument.create'));
    expect(audits.filter((a) => (a.after as { year?: number })?.year === 2022)).toHaveLength(2);
  });

  it('20个并发事务各取一号，恰好得到1至20（另有5个取号后回滚的不留空号）', async () => {
    const { db, kind } = t.database;
    const bureau = org['武义县司法局'].id;
    const year = 2031;
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        db.transaction(async (tx) => {
          const { serial } = await issueNumber(tx, { orgId: bureau, type: 'sampleDecision', year });
          // Hold the row lock a moment so the others really queue behind it (only PostgreSQL has concurrency).
          if (kind === 'postgres') await tx.execute(sql`select pg_sleep(0.02)`);
          if (i % 5 === 4) throw new Error('rollback');
          return serial;
        }),
      ),
    );
    const committed = results.filter((r): r is PromiseFulfilledResult<number> => r.status === 'fulfilled').map((r) => r.value);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
    expect(committed.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await lastOf(bureau, 'sampleDecision', year)).toBe(20);
  });

  it('文书内容不全时拒绝出具（400），编号不前进', async () => {
    const bureau = org['武义县司法局'];
    const before = await lastOf(bureau.id, 'sampleDecision', 2023);
    const err = await createInstrument(t.database.db, director.actor, {
      orgId: bureau.id,
      regionCode: bureau.regionCode,
      type: 'sampleDecision',
      fields: { applicant: '张某' },
      date: '2023-05-06',
    }).catch((e) => e);
    expect(err).toMatchObject({ code: 'INSTRUMENT_FIELDS_INVALID', status: 400 });
    expect(err.details.fields.map((f: { path: string }) => f.path)).toEqual(['respondent', 'facts', 'decision']);
    expect(await lastOf(bureau.id, 'sampleDecision', 2023)).toBe(before);
  });

  it('机构未设简称而格式需要 {orgShort} 时给出中文提示，编号不前进', async () => {
    const office = await createOrg(t.database.db, systemActor, { name: '测试村民委员会', type: 'village', regionCode: '330723104299', parentId: org['武义县人民政府'].id });
    expect(office.shortName).toBeNull();
    const err = await t.database.db.transaction((tx) => issueNumber(tx, { orgId: office.id, type: 'sampleDecision', year: 2024 })).catch((e) => e);
    expect(err).toMatchObject({ code: 'INSTRUMENT_ORG_SHORT_NAME_MISSING', status: 400 });
    expect(err.message).toContain('测试村民委员会');
    expect(await lastOf(office.id, 'sampleDecision', 2024)).toBe(0);
  });

  it('以人民政府名义作出的复议决定使用政府的编号（行政复议法 第六十一条）', async () => {
    const bureau = org['武义县司法局'];
    const row = await createInstrument(t.database.db, director.actor, { orgId: bureau.id, regionCode: bureau.regionCode, type: 'sampleGovDecision', fields: {}, date: '2024-02-01' });
    expect(row.orgId).toBe(bureau.id);
    expect(row.issuerOrgId).toBe(org['武义县人民政府'].id);
    expect(row.issuerName).toBe('武义县人民政府');
    expect(row.number).toBe('武政复〔2024〕1号');
    expect(row.title).toBe('武义县人民政府\n行政复议决定书');
  });
});

describe('编号格式', () => {
  it('默认格式 {orgShort}{typeShort}〔{year}〕{n}号，{n:3} 补足位数', () => {
    expect(DEFAULT_NUMBER_FORMAT).toBe('{orgShort}{typeShort}〔{year}〕{n}号');
    expect(formatNumber(DEFAULT_NUMBER_FORMAT, { orgShort: '武司', typeShort: '复', year: 2024, serial: 12 })).toBe('武司复〔2024〕12号');
    expect(formatNumber(DEFAULT_NUMBER_FORMAT, { orgShort: '武政', typeShort: '复', year: 2024, serial: 3 })).toBe('武政复〔2024〕3号');
    expect(formatNumber('{orgShort}{typeShort}〔{year}〕{n:3}号', { orgShort: '武司', typeShort: '复', year: 2024, serial: 12 })).toBe('武司复〔2024〕012号');
    expect(formatNumber('（{year}）{orgShort}调字第{n}号', { orgShort: '壶山', typeShort: '调', year: 2024, serial: 7 })).toBe('（2024）壶山调字第7号');
  });

  it('格式校验：必须有年份和顺序号，不认识的占位符报错', () => {
    expect(templateProblems('{orgShort}{typeShort}〔{year}〕{n:3}号')).toEqual([]);
    expect(templateProblems('{orgShort}〔{year}〕号').join()).toContain('{n}');
    expect(templateProblems('{orgShort}{n}号').join()).toContain('{year}');
    expect(templateProblems('{org}〔{year}〕{n}号').join()).toContain('{org}');
    expect(templateProblems('〔{year:4}〕{n}号').join()).toContain('补零');
  });

  it('机构+文书的格式优先于机构格式，机构格式优先于文书类型的默认格式', () => {
    const rules = [
      { orgId: 'a', type: 'x', template: 'A-X〔{year}〕{n}' },
      { orgId: 'a', template: 'A〔{year}〕{n}' },
      { type: 'x', template: 'X〔{year}〕{n}' },
      { template: 'ALL〔{year}〕{n}' },
    ];
    expect(resolveTemplate({ rules }, 'a', 'x')).toBe('A-X〔{year}〕{n}');
    expect(resolveTemplate({ rules }, 'a', 'y', 'TYPE〔{year}〕{n}')).toBe('A〔{year}〕{n}');
    expect(resolveTemplate({ rules }, 'b', 'x')).toBe('X〔{year}〕{n}');
    expect(resolveTemplate({ rules }, 'b', 'y', 'TYPE〔{year}〕{n}')).toBe('TYPE〔{year}〕{n}');
    expect(resolveTemplate({ rules }, 'b', 'y')).toBe('ALL〔{year}〕{n}');
    expect(resolveTemplate({ rules: [] }, 'b', 'y')).toBe(DEFAULT_NUMBER_FORMAT);
  });

  it('局长设置本局决定书的编号格式后，新出具的文书按新格式编号；格式错误返回400', async () => {
    const c = await t.login('director');
    const bureau = org['武义县司法局'];
    const bad = await c.put('/api/instruments/formats', { rules: [{ orgId: bureau.id, type: 'sampleDecision', template: '{orgShort}{typeShort}〔{year}〕号' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INSTRUMENT_FORMAT_INVALID');
    const res = await c.put('/api/instruments/formats', { rules: [{ orgId: bureau.id, type: 'sampleDecision', template: '{orgShort}{typeShort}〔{year}〕{n:3}号' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().rules).toEqual([expect.objectContaining({ orgName: '武义县司法局', typeLabel: '示例决定书', example: expect.stringMatching(/^武司复〔\d{4}〕012号$/) })]);
    const row = await createInstrument(t.database.db, director.actor, { orgId: bureau.id, regionCode: bureau.regionCode, type: 'sampleDecision', fields: decisionFields, date: '2026-01-05' });
    expect(row.number).toBe('武司复〔2026〕001号');
    expect((await c.get('/api/instruments/formats')).json().rules).toHaveLength(1);
    // Back to the default for the other tests.
    expect((await c.put('/api/instruments/formats', { rules: [] })).statusCode).toBe(200);
  });

  it('司法所工作人员不能设置编号格式（403）', async () => {
    const c = await t.login('hushan');
    expect((await c.get('/api/instruments/formats')).statusCode).toBe(403);
    expect((await c.put('/api/instruments/formats', { rules: [] })).statusCode).toBe(403);
  });
});

describe('公文格式 .docx（GB/T 9704-2012）', () => {
  it('成文日期用汉字数字：二〇二四年十月十日；印发日期用阿拉伯数字', () => {
    expect(chineseDate('2024-10-10')).toBe('二〇二四年十月十日');
    expect(chineseDate('2024-12-31')).toBe('二〇二四年十二月三十一日');
    expect(chineseDate('2020-01-20')).toBe('二〇二〇年一月二十日');
    expect(arabicDate('2024-07-01')).toBe('2024年7月1日');
  });

  it('生成的文档可以打开，含标题、文号、正文、字体、A4 页面、页边距、22行网格和奇偶页码', async () => {
    const blocks = sampleDecision.body(decisionFields);
    const buffer = await renderDocx({ title: '示例决定书', number: '武司复〔2024〕12号', blocks, orgName: '武义县司法局', date: '2024-10-10' });
    const { document, settings, footers } = await unzipDocument(buffer);
    expect(document).toContain('示例决定书');
    expect(document).toContain('武司复〔2024〕12号');
    expect(document).toContain('申请人于2024年5月被处以罚款。');
    expect(document).toContain('维持被申请人作出的行政处罚决定。');
    // 结构层次序数 一、（一）1. then 二、 (GB/T 9704-2012 7.3.3)
    expect(document).toContain('一、查明的事实');
    expect(document).toContain('（一）证据');
    expect(document).toContain('1.证据的认定');
    expect(document).toContain('二、决定');
    // Signature and 版记
    expect(document).toContain('二〇二四年十月十日');
    expect(document).toContain('抄送：武义县人民政府办公室。');
    expect(document).toContain('2024年10月11日印发');
    expect(document).toContain('附件：证据清单');
    // Fonts
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) expect(document).toContain(`w:eastAsia="${font}"`);
    // A4 and the margins 37 / 35 / 28 / 26 mm
    const pgSz = document.match(/<w:pgSz [^>]*>/)![0];
    expect(pgSz).toContain('w:w="11906"');
    expect(pgSz).toContain('w:h="16838"');
    const pgMar = document.match(/<w:pgMar [^>]*>/)![0];
    expect(pgMar).toContain('w:top="2098"');
    expect(pgMar).toContain('w:bottom="1984"');
    expect(pgMar).toContain('w:left="1587"');
    expect(pgMar).toContain('w:right="1474"');
    // 22 lines × 28 characters
    expect(document).toMatch(/<w:docGrid [^>]*w:type="lines"[^>]*>/);
    expect(document).toMatch(/<w:docGrid [^>]*w:linePitch="579"[^>]*>/);
    expect(document).toContain('w:line="579" w:lineRule="exact"');
    expect(document).toContain('<w:spacing w:val="-5"/>');
    // Title 二号 (44 half-points), body 三号 (32)
    expect(document).toContain('<w:sz w:val="44"/>');
    expect(document).toContain('<w:sz w:val="32"/>');
    // Page numbers — 1 —: right on odd pages, left on even pages
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— ');
      expect(f).toContain('w:eastAsia="宋体"');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it('版面常量集中声明：版心 156mm × 225mm', () => {
    const { page, margin, textWidth, linePitch } = GONGWEN_LAYOUT;
    expect(textWidth).toBe(page.width - margin.left - margin.right);
    expect(Math.round((textWidth / 1440) * 25.4)).toBe(156);
    expect(Math.round(((page.height - margin.top - margin.bottom) / 1440) * 25.4)).toBe(225);
    expect(Math.floor((page.height - margin.top - margin.bottom) / linePitch)).toBe(22);
  });
});

describe('文书的存取、下载与作废', () => {
  let baiyangRecord: string;
  let hushanRecord: string;
  let decisionId: string;

  beforeAll(async () => {
    const { db } = t.database;
    const by = org['白洋司法所'];
    const hs = org['壶山司法所'];
    baiyangRecord = (await createInstrument(db, director.actor, { orgId: by.id, regionCode: by.regionCode, type: 'sampleRecord', fields: { text: '白洋的笔录' }, entityType: 'sampleCase', entityId: crypto.randomUUID(), date: '2025-06-01' })).id;
    hushanRecord = (await createInstrument(db, director.actor, { orgId: hs.id, regionCode: hs.regionCode, type: 'sampleRecord', fields: { text: '壶山的笔录' }, date: '2025-06-02' })).id;
    const bureau = org['武义县司法局'];
    decisionId = (await createInstrument(db, director.actor, { orgId: bureau.id, regionCode: bureau.regionCode, type: 'sampleDecision', fields: decisionFields, date: '2025-10-10' })).id;
  });

  it('出具文书与审计记录在同一事务中写入', async () => {
    const [row] = await t.database.db.select().from(instruments).where(eq(instruments.id, decisionId));
    expect(row).toMatchObject({ number: '武司复〔2025〕1号', issuedOn: '2025-10-10', year: 2025, serial: 1, sequence: 'sampleDecision' });
    expect(blocksText(row.blocks as never)).toContain('维持被申请人作出的行政处罚决定。');
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, decisionId));
    expect(audits.map((a) => a.action)).toEqual(['instrument.create']);
    expect(audits[0].summary).toContain('武司复〔2025〕1号');
    // The append-only log keeps the number, not the personal data in the fields.
    expect(audits[0].after).toMatchObject({ number: '武司复〔2025〕1号', type: 'sampleDecision' });
    expect(JSON.stringify(audits[0].after)).not.toContain('张某');
  });

  it('壶山司法所的人员看不到白洋司法所的文书：列表、详情、下载都不行', async () => {
    const c = await t.login('hushan');
    const list = await c.get('/api/instruments?pageSize=200');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(hushanRecord);
    expect(ids).not.toContain(baiyangRecord);
    expect(ids).not.toContain(decisionId);
    expect(list.json().items.every((i: { orgName: string }) => i.orgName === '壶山司法所')).toBe(true);
    expect((await c.get(`/api/instruments/${baiyangRecord}`)).statusCode).toBe(404);
    expect((await c.get(`/api/instruments/${baiyangRecord}/docx`)).statusCode).toBe(404);
    expect((await c.get(`/api/instruments/${hushanRecord}`)).json()).toMatchObject({ title: '调查笔录', fields: { text: '壶山的笔录' }, number: null, status: 'valid' });
    // The same through the service
    const hs = (await loadAuthContext(t.database.db, (await t.database.db.select().from(users).where(eq(users.username, 'hushan')))[0].id))!;
    expect((await listInstruments(t.database.db, hs, { type: 'sampleRecord' })).items.map((i) => i.id)).toEqual([hushanRecord]);
  });

  it('业务权限也能看到该业务（或该类文书）的文书，且只在该权限的数据范围内', async () => {
    registerInstrumentEntity({ entityType: 'sampleCase', readPermission: 'sampleCase.read' });
    const { db } = t.database;
    const hs = org['壶山司法所'];
    const own = await createInstrument(db, director.actor, { orgId: hs.id, regionCode: hs.regionCode, type: 'sampleAcceptNotice', fields: { applicant: '李某' }, entityType: 'sampleCase', entityId: crypto.randomUUID(), date: '2025-07-01' });
    const [u] = await db.select().from(users).where(eq(users.username, 'hushan'));
    const base = (await loadAuthContext(db, u.id))!;
    const only = (permission: string | null): AuthContext => ({
      ...base,
      permissions: new Set(permission ? [permission] : []),
      scopes: new Map(permission ? [[permission, 'org' as const]] : []),
    });
    const ids = async (auth: AuthContext) => (await listInstruments(db, auth, { pageSize: 200 })).items.map((i) => i.id);
    // The case reader sees the 壶山 case's instrument, not 白洋's (other org) nor 壶山's instrument of no case.
    expect(await ids(only('sampleCase.read'))).toEqual([own.id]);
    // The type's readPermission reaches that type in its scope.
    expect(await ids(only('sample.recordRead'))).toEqual([hushanRecord]);
    expect(await ids(only(null))).toEqual([]);
  });

  it('局长（全部范围）可按业务记录、文书类型、年度筛选全县文书', async () => {
    const c = await t.login('director');
    const all = (await c.get('/api/instruments?year=2025&pageSize=200')).json();
    const ids = all.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([baiyangRecord, hushanRecord, decisionId]));
    const byType = (await c.get('/api/instruments?type=sampleDecision&year=2025')).json();
    expect(byType.items.map((i: { number: string }) => i.number)).toEqual(['武司复〔2025〕1号']);
    const byEntity = (await c.get(`/api/instruments?entityType=sampleCase&year=2025&type=sampleRecord`)).json();
    expect(byEntity.items.map((i: { id: string }) => i.id)).toEqual([baiyangRecord]);
    expect((await c.get('/api/instruments?year=abc')).statusCode).toBe(400);
  });

  it('下载为 .docx：Word 内容类型，文件名为「文号 标题.docx」（RFC 5987 UTF-8）', async () => {
    const c = await t.login('director');
    const res = await c.get(`/api/instruments/${decisionId}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX_MIME);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('武司复〔2025〕1号 示例决定书.docx')}`);
    const { document } = await unzipDocument(res.rawPayload);
    expect(document).toContain('武司复〔2025〕1号');
    expect(document).toContain('二〇二五年十月十日');
    expect(document).toContain('武义县司法局');
  });

  it('作废需填写原因；作废后仍在列表中显示为「作废」，编号不收回也不重用', async () => {
    const c = await t.login('director');
    expect((await c.post(`/api/instruments/${decisionId}/void`, { reason: '' })).statusCode).toBe(400);
    const res = await c.post(`/api/instruments/${decisionId}/void`, { reason: '文书内容有误，重新出具' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'void', statusLabel: '作废', voidReason: '文书内容有误，重新出具', number: '武司复〔2025〕1号' });
    const again = await c.post(`/api/instruments/${decisionId}/void`, { reason: '重复作废' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INSTRUMENT_ALREADY_VOIDED');
    const listed = (await c.get('/api/instruments?type=sampleDecision&year=2025')).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: decisionId, statusLabel: '作废' })]);
    const bureau = org['武义县司法局'];
    const next = await createInstrument(t.database.db, director.actor, { orgId: bureau.id, regionCode: bureau.regionCode, type: 'sampleDecision', fields: decisionFields, date: '2025-10-12' });
    expect(next.number).toBe('武司复〔2025〕2号');
    const download = await c.get(`/api/instruments/${decisionId}/docx`);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('（已作废）'));
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, decisionId));
    expect(audits.map((a) => a.action)).toEqual(['instrument.create', 'instrument.void']);
  });

  it('不能作废范围外的文书（404），作废失败不留下任何修改', async () => {
    const c = await t.login('hushan');
    expect((await c.post(`/api/instruments/${baiyangRecord}/void`, { reason: '越权作废' })).statusCode).toBe(404);
    const [row] = await t.database.db.select().from(instruments).where(eq(instruments.id, baiyangRecord));
    expect(row.voidedAt).toBeNull();
    await expect(voidInstrument(t.database.db, director.actor, crypto.randomUUID(), '不存在的文书')).rejects.toMatchObject({ status: 404 });
  });
});
