import { desc, sql } from 'drizzle-orm';
import { auditLog } from '../../src/platform/audit/schema';
import { entryHash } from '../../src/platform/audit/service';
import { insertBatches } from '../lib/db';
import type { Scenario } from '../lib/scenario';

const PAGE_SIZE = 20;

const ACTIONS = [
  { action: 'user.update', entityType: 'user', summary: (n: string) => `修改用户 ${n}` },
  { action: 'org.update', entityType: 'org', summary: (n: string) => `修改机构 ${n}` },
  { action: 'login', entityType: 'user', summary: () => '登录成功' },
  { action: 'role.update', entityType: 'role', summary: () => '修改角色 业务人员' },
  { action: 'workflow.transition', entityType: 'adminReviewCase', summary: (n: string) => `受理 ${n} 的行政复议申请` },
  { action: 'instrument.create', entityType: 'instrument', summary: () => '生成 受理通知书 武政复〔2024〕12号' },
];

/**
 * 审计管理员's audit log, newest first. Every read of the log is itself audited (an insert under the chain's
 * advisory lock), so this endpoint also measures one chained write per request.
 */
const scenario: Scenario = {
  name: 'audit',
  title: '审计日志（最新在前，分页；每次查询本身也记一条审计）',
  user: 'auditor',
  endpoint: `/api/audit?page=1&pageSize=${PAGE_SIZE}`,

  async load(ctx, scale) {
    const { db, faker } = ctx;
    const orgIds = [...new Set(ctx.orgs.values())].map((o) => o.id);
    const [last] = await db.select({ hash: auditLog.hash, at: auditLog.at }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    // A valid hash chain continuing the seeded entries, so `npm run fazhi -- audit-verify` still passes.
    let prevHash = last?.hash ?? '0'.repeat(64);
    const start = (last?.at ?? new Date()).getTime();
    const rows = Array.from({ length: scale }, (_, i) => {
      const kind = faker.helpers.arrayElement(ACTIONS);
      const name = faker.person.fullName();
      const isUpdate = kind.action.endsWith('.update');
      const entry = {
        at: new Date(start + i + 1).toISOString(),
        actorId: faker.string.uuid(),
        actorName: faker.person.fullName(),
        orgId: faker.helpers.arrayElement(orgIds),
        action: kind.action,
        entityType: kind.entityType,
        entityId: faker.string.uuid(),
        summary: kind.summary(name),
        before: isUpdate ? { displayName: name, status: 'active' } : null,
        after: isUpdate ? { displayName: name, status: 'disabled' } : null,
        ip: faker.internet.ipv4(),
        prevHash,
      };
      const hash = entryHash(entry);
      prevHash = hash;
      return { ...entry, at: new Date(entry.at), diff: isUpdate ? { status: ['active', 'disabled'] } : null, hash };
    });
    // One statement per batch keeps `seq` in chain order (no other writer runs during the load).
    await insertBatches(rows, 1000, (batch) => db.insert(auditLog).values(batch));
    return rows.length;
  },

  // As GET /api/audit (src/platform/audit/routes.ts) builds it with no filter: count, then the page.
  rawSql(ctx) {
    return [
      ctx.db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(undefined),
      ctx.db.select().from(auditLog).where(undefined).orderBy(desc(auditLog.seq)).limit(PAGE_SIZE).offset(0),
    ];
  },
};

export default scenario;
