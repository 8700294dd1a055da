import { searchDocs } from '../../src/platform/search/schema';
import { registerPermissions } from '../../src/platform/auth/permissions';
import { registerSearchable, searchQueries, searchVector } from '../../src/platform/search/service';
import { insertBatches } from '../lib/db';
import type { Scenario } from '../lib/scenario';

const Q = '行政处罚';
const PAGE_SIZE = 20;

// A bench-only searchable type, readable by 局长 (全部) like a business line's documents would be.
registerPermissions([{ code: 'benchDoc.read', label: '查看基准测试文件', group: '基准测试', kind: 'business', grantTo: ['director'] }]);
registerSearchable({ entityType: 'benchDoc', label: '基准测试文件', permission: 'benchDoc.read', link: '/bench/:id' });

const TOPICS = ['行政处罚', '行政复议', '人民调解', '法律援助', '社区矫正', '规范性文件', '合法性审查', '行政执法', '重大行政决策', '公共法律服务', '安置帮教', '普法'];
const KINDS = ['实施意见', '工作规程', '管理办法', '通知', '若干规定', '工作要点', '办事指引'];
const ASPECTS = ['工作', '案件办理', '监督检查', '信息公开', '队伍建设', '数字化改革'];

/** 全文搜索 over `scale` documents (jieba tokens, GIN index), as 局长 with data scope 全部. */
const scenario: Scenario = {
  name: 'search',
  title: '全文搜索（jieba 分词 + GIN 索引，按相关度排序）',
  user: 'director',
  endpoint: `/api/search?q=${encodeURIComponent(Q)}&page=1&pageSize=${PAGE_SIZE}`,

  async load(ctx, scale) {
    const { db, faker } = ctx;
    const orgList = [...ctx.orgs.values()].filter((o) => o.type !== 'village');
    const rows = Array.from({ length: scale }, () => {
      const org = faker.helpers.arrayElement(orgList);
      const topic = faker.helpers.arrayElement(TOPICS);
      const title = `${org.name}关于${topic}${faker.helpers.arrayElement(ASPECTS)}的${faker.helpers.arrayElement(KINDS)}`;
      const text = [
        `${faker.person.fullName()}于${faker.date.past({ years: 3 }).toLocaleDateString('zh-CN')}提出${faker.helpers.arrayElement(TOPICS)}事项。`,
        `${faker.company.name()}就${topic}相关问题提交材料，${org.name}依法审查并作出答复。`,
        `本文件自印发之日起施行，由${faker.helpers.arrayElement(orgList).name}负责解释。`,
      ].join('');
      return { entityType: 'benchDoc', entityId: faker.string.uuid(), orgId: org.id, title, tokens: searchVector({ title, text }) };
    });
    await insertBatches(rows, 500, (batch) => db.insert(searchDocs).values(batch));
    return rows.length;
  },

  // searchDocs (src/platform/search/service.ts) runs exactly these two statements.
  async rawSql(ctx) {
    const queries = searchQueries(ctx.db, await ctx.authOf(scenario.user), { q: Q, page: 1, pageSize: PAGE_SIZE });
    if (!queries) throw new Error('search: the query matched nothing searchable');
    return [queries.count, queries.page];
  },
};

export default scenario;
