import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../testing/harness';
import { registerPermissions } from '../auth/permissions';
import { rowsOf } from '../db/client';
import { orgs } from '../orgs/schema';
import { searchDocs as docsTable } from './schema';
import { registerSearchable } from './registry';
import { indexDoc, registerSearchTerms, removeDoc, toTsQuery, tokensForIndex, tsMatch, tsRank } from './service';

// A test-only searchable type read by 局长 (全部) and 司法所 staff (本机构), and one nobody may read.
registerPermissions([
  { code: 'sampleDoc.read', label: '查看示例文件', group: '测试', kind: 'business', grantTo: ['director', 'staff'] },
  { code: 'sampleSecret.read', label: '查看示例密件', group: '测试', kind: 'business', grantTo: [] },
]);
registerSearchable(
  { entityType: 'sampleDoc', label: '示例文件', permission: 'sampleDoc.read', link: '/sample/docs/:id' },
  { entityType: 'sampleSecret', label: '示例密件', permission: 'sampleSecret.read', link: '/sample/secrets/:id' },
);

let t: TestContext;
const ids: Record<string, string> = {};

async function orgId(name: string) {
  const [o] = await t.database.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, name));
  return o.id;
}

beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  const bureau = await orgId('武义县司法局');
  const hushan = await orgId('壶山司法所');
  const baiyang = await orgId('白洋司法所');
  const docs: [key: string, type: string, org: string, title: string, text: string][] = [
    ['penaltyBenchmark', 'sampleDoc', bureau, '武义县行政处罚裁量基准适用规定', '为规范行政执法行为，统一裁量尺度，制定本规定。'],
    ['penaltyOpinion', 'sampleDoc', bureau, '关于规范行政处罚自由裁量权的实施意见', '各行政执法单位应当细化自由裁量权。'],
    ['reviewRules', 'sampleDoc', bureau, '武义县行政复议案件办理规程', '受理、审理、决定各环节的办理要求。'],
    ['reviewDelivery', 'sampleDoc', bureau, '行政复议决定书送达工作指引', '决定书应当依法送达当事人。'],
    ['hushanMediation', 'sampleDoc', hushan, '壶山街道人民调解工作规范', '村（社区）调解委员会受理纠纷的程序。'],
    ['baiyangMediation', 'sampleDoc', baiyang, '白洋街道人民调解工作规范', '村（社区）调解委员会受理纠纷的程序。'],
    ['secretPenalty', 'sampleSecret', bureau, '行政处罚案件内部通报', '仅限指定人员查阅。'],
    ['aidTitle', 'sampleDoc', bureau, '法律援助申请指南', '经济困难的公民可以申请。'],
    ['aidBody', 'sampleDoc', bureau, '公共服务事项清单', '包括法律援助、人民调解、法律咨询等。'],
    ['pdfGuide', 'sampleDoc', bureau, 'PDF 文书模板使用说明', 'Word 与 PDF 两种格式。'],
  ];
  await t.database.db.transaction(async (tx) => {
    for (const [key, entityType, org, title, text] of docs) {
      ids[key] = crypto.randomUUID();
      await indexDoc(tx, { entityType, entityId: ids[key], orgId: org, title, text });
    }
  });
});
afterAll(() => t?.close());

interface Hit {
  entityType: string;
  entityLabel: string;
  entityId: string;
  title: string;
  rank: number;
  link: string | null;
}

async function search(username: string, query: string) {
  const c = await t.login(username);
  const res = await c.get(`/api/search?${query}`);
  return res;
}

async function titles(username: string, q: string) {
  const res = await search(username, `q=${encodeURIComponent(q)}&pageSize=50`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as Hit[]).map((h) => h.title);
}

describe('分词：jieba 搜索模式 + 领域词', () => {
  it('索引词含领域词及其子词，去重，拉丁字母转小写，不含标点和空白', () => {
    const words = tokensForIndex('武义县行政复议案件办理规程：行政复议（ＰＤＦ 版）ABC-12！').split(' ');
    expect(words).toEqual(expect.arrayContaining(['行政复议', '行政', '复议', 'pdf', 'abc', '12']));
    expect(new Set(words).size).toBe(words.length);
    expect(words.every((w) => /^[\p{L}\p{Nd}]+$/u.test(w))).toBe(true);
    expect(tokensForIndex('裁量基准').split(' ')).toContain('裁量基准');
  });

  it('空查询、纯空白、纯标点和 tsquery 运算符得到 null', () => {
    for (const q of ['', '   ', "'&|!:*()", '，。！？《》', '<-> & | !', undefined, null]) expect(toTsQuery(q)).toBeNull();
  });

  it('查询词全部要求命中；复合词也可由其子词命中', () => {
    expect(toTsQuery('复议')).toBe("'复议'");
    expect(toTsQuery('行政处罚 PDF')).toBe("('行政处罚' | '行政' & '处罚') & 'pdf'");
  });

  it('任意输入生成的查询都能被数据库解析', async () => {
    const nasty = ["'", "''", '\\', "a'b\\c", '行政:*', '!!行政', "'行政复议'", 'a & b | c', '(((', '<2>', '行政 -- drop table users;', 'Ｓｅｌｅｃｔ ＊', '𠀀𠀁 emoji 😀', '第48条', 'x'.repeat(300)];
    for (const q of nasty) {
      const query = toTsQuery(q);
      if (query === null) continue;
      const rows = rowsOf<{ q: string }>(await t.database.db.execute(sql`select to_tsquery('simple', ${query})::text as q`));
      expect(rows[0].q.length).toBeGreaterThan(0);
    }
  });
});

describe('GET /api/search', () => {
  it('搜“行政处罚”找到裁量基准规定和裁量权意见，找不到行政复议规程', async () => {
    const found = await titles('director', '行政处罚');
    expect(found).toEqual(expect.arrayContaining(['武义县行政处罚裁量基准适用规定', '关于规范行政处罚自由裁量权的实施意见']));
    expect(found).not.toContain('武义县行政复议案件办理规程');
  });

  it('搜“裁量基准”找到裁量基准规定（不匹配只有“裁量权”的文件）', async () => {
    expect(await titles('director', '裁量基准')).toEqual(['武义县行政处罚裁量基准适用规定']);
  });

  it('搜“复议”找到标题含行政复议的文件', async () => {
    expect((await titles('director', '复议')).sort()).toEqual(['武义县行政复议案件办理规程', '行政复议决定书送达工作指引'].sort());
  });

  it('空查询、纯标点查询返回空结果而不是错误', async () => {
    for (const query of ['', 'q=', `q=${encodeURIComponent("'&|!:*()")}`, `q=${encodeURIComponent('，。、')}`, `q=${encodeURIComponent('\\')}`]) {
      const res = await search('director', query);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ items: [], total: 0 });
    }
  });

  it('超长搜索词返回 400 和中文提示', async () => {
    const res = await search('director', `q=${encodeURIComponent('行政'.repeat(150))}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/200/);
  });

  it('数据范围：壶山司法所看不到白洋司法所的文件，也看不到司法局的文件；局长都能看到', async () => {
    expect(await titles('hushan', '人民调解')).toEqual(['壶山街道人民调解工作规范']);
    expect(await titles('baiyang', '人民调解')).toEqual(['白洋街道人民调解工作规范']);
    expect(await titles('hushan', '行政处罚')).toEqual([]);
    expect(await titles('director', '人民调解')).toEqual(expect.arrayContaining(['壶山街道人民调解工作规范', '白洋街道人民调解工作规范']));
  });

  it('只返回本人有权查看的类型：无权限的类型即使命中也不出现；系统管理员看不到业务数据', async () => {
    expect(await titles('director', '行政处罚')).not.toContain('行政处罚案件内部通报');
    const onlySecret = await search('director', `q=${encodeURIComponent('行政处罚')}&types=sampleSecret`);
    expect(onlySecret.json()).toMatchObject({ items: [], total: 0 });
    expect(await titles('admin', '行政处罚')).toEqual([]);
    const both = await search('director', `q=${encodeURIComponent('行政处罚')}&types=sampleDoc&types=sampleSecret`);
    expect((both.json().items as Hit[]).map((h) => h.entityType)).toEqual(['sampleDoc', 'sampleDoc']);
    const types = (await (await t.login('director')).get('/api/search/types')).json() as { entityType: string }[];
    expect(types).toContainEqual({ entityType: 'sampleDoc', label: '示例文件' });
    expect(types.map((x) => x.entityType)).not.toContain('sampleSecret');
  });

  it('未知类型返回 400，未登录返回 401', async () => {
    const res = await search('director', 'q=x&types=sampleDoc,noSuchType');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SEARCH_TYPE_UNKNOWN', details: { types: ['noSuchType'] } });
    expect((await t.anonymous.get('/api/search?q=x')).statusCode).toBe(401);
  });

  it('标题命中排在正文命中之前；结果带类型名称和链接；分页', async () => {
    const res = await search('director', `q=${encodeURIComponent('法律援助')}`);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((h: Hit) => h.title)).toEqual(['法律援助申请指南', '公共服务事项清单']);
    expect(body.items[0].rank).toBeGreaterThan(body.items[1].rank);
    expect(body.items[0]).toMatchObject({ entityType: 'sampleDoc', entityLabel: '示例文件', entityId: ids.aidTitle, link: `/sample/docs/${ids.aidTitle}` });
    const second = (await search('director', `q=${encodeURIComponent('法律援助')}&page=2&pageSize=1`)).json();
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(second.items.map((h: Hit) => h.title)).toEqual(['公共服务事项清单']);
  });

  it('拉丁字母不区分大小写', async () => {
    expect(await titles('director', 'pdf')).toEqual(['PDF 文书模板使用说明']);
    expect(await titles('director', 'Word')).toEqual(['PDF 文书模板使用说明']);
  });
});

describe('indexDoc / removeDoc / tsMatch', () => {
  it('重新索引覆盖旧标题和词，移出索引后搜不到', async () => {
    const id = crypto.randomUUID();
    const bureau = await orgId('武义县司法局');
    await indexDoc(t.database.db, { entityType: 'sampleDoc', entityId: id, orgId: bureau, title: '社区矫正对象报到须知', text: null });
    expect(await titles('director', '社区矫正')).toEqual(['社区矫正对象报到须知']);
    await indexDoc(t.database.db, { entityType: 'sampleDoc', entityId: id, orgId: bureau, title: '安置帮教工作要点', text: '' });
    expect(await titles('director', '社区矫正')).toEqual([]);
    expect(await titles('director', '安置帮教')).toEqual(['安置帮教工作要点']);
    const rows = await t.database.db.select().from(docsTable).where(eq(docsTable.entityId, id));
    expect(rows).toHaveLength(1);
    expect(await removeDoc(t.database.db, 'sampleDoc', id)).toBe(true);
    expect(await titles('director', '安置帮教')).toEqual([]);
    expect(await removeDoc(t.database.db, 'sampleDoc', id)).toBe(false);
  });

  it('索引写入随调用方事务回滚', async () => {
    const id = crypto.randomUUID();
    const bureau = await orgId('武义县司法局');
    await expect(
      t.database.db.transaction(async (tx) => {
        await indexDoc(tx, { entityType: 'sampleDoc', entityId: id, orgId: bureau, title: '行政检查计划', text: '' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.database.db.select().from(docsTable).where(eq(docsTable.entityId, id))).toHaveLength(0);
  });

  it('模块自有 tsvector 列可用 tsMatch 过滤、tsRank 排序；空查询不匹配任何行', async () => {
    const hits = await t.database.db
      .select({ title: docsTable.title, rank: tsRank(docsTable.tokens, '裁量基准') })
      .from(docsTable)
      .where(tsMatch(docsTable.tokens, '裁量基准'));
    expect(hits.map((h) => h.title)).toEqual(['武义县行政处罚裁量基准适用规定']);
    expect(hits[0].rank).toBeGreaterThan(0);
    expect(await t.database.db.select().from(docsTable).where(tsMatch(docsTable.tokens, "'&|"))).toHaveLength(0);
  });

  it('词典后来加入的词，仍能找到加入前索引的文件', async () => {
    const id = crypto.randomUUID();
    await indexDoc(t.database.db, { entityType: 'sampleDoc', entityId: id, orgId: await orgId('武义县司法局'), title: '企业信用修复办理指引', text: '' });
    expect(tokensForIndex('信用修复').split(' ')).not.toContain('信用修复');
    registerSearchTerms(['信用修复']);
    expect(tokensForIndex('信用修复').split(' ')).toContain('信用修复');
    expect(await titles('director', '信用修复')).toEqual(['企业信用修复办理指引']);
  });
});
