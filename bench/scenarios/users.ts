import { and, asc, count, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { hashPassword } from '../../src/platform/auth/password';
import { protectPii } from '../../src/platform/crypto/sm';
import { roles, userRoles, users } from '../../src/platform/auth/schema';
import { orgs } from '../../src/platform/orgs/schema';
import { scopeCondition } from '../../src/platform/auth/scope';
import { insertBatches } from '../lib/db';
import type { Scenario } from '../lib/scenario';

const Q = '王';
const PAGE_SIZE = 20;
const TITLES = ['科员', '副科长', '科长', '司法所所长', '司法助理员', '人民调解员', '法制审查员', '执法人员', '法律援助律师', '社区矫正工作人员'];

/** 系统管理员's user list, filtered by a common surname: `ilike '%王%'` over every user of the county. */
const scenario: Scenario = {
  name: 'users',
  title: '用户列表（按姓名/用户名模糊查询，分页）',
  user: 'admin',
  endpoint: `/api/users?page=1&pageSize=${PAGE_SIZE}&q=${encodeURIComponent(Q)}`,

  async load(ctx, scale) {
    const { db, faker } = ctx;
    const orgList = [...new Set(ctx.orgs.values())].filter((o) => o.type !== 'village');
    const [staff] = await db.select({ id: roles.id }).from(roles).where(eq(roles.code, 'staff'));
    // One argon2 hash for every synthetic account: nobody logs in as them, and hashing 20,000 would take minutes.
    const passwordHash = await hashPassword('Bench@12345');
    const rows = Array.from({ length: scale }, (_, i) => {
      const phone = protectPii(faker.helpers.arrayElement(['13', '15', '17', '18', '19']) + faker.string.numeric(9));
      return {
        id: faker.string.uuid(),
        username: `${faker.string.alpha({ length: 3, casing: 'lower' })}${String(i).padStart(6, '0')}`,
        displayName: faker.person.fullName(),
        orgId: faker.helpers.arrayElement(orgList).id,
        title: faker.helpers.arrayElement(TITLES),
        passwordHash,
        status: faker.number.int(100) < 3 ? 'disabled' : 'active',
        phoneEnc: phone.enc,
        phoneMasked: phone.masked,
        phoneIndex: phone.index,
        lastLoginAt: faker.date.recent({ days: 90 }),
      };
    });
    await insertBatches(rows, 1000, (batch) => db.insert(users).values(batch));
    await insertBatches(rows, 5000, (batch) => db.insert(userRoles).values(batch.map((u) => ({ userId: u.id, roleId: staff.id }))));
    return rows.length;
  },

  // As listUsers (src/platform/auth/users.ts) builds it for `q` only: count, then the page.
  async rawSql(ctx) {
    const auth = await ctx.authOf(scenario.user);
    const cond = and(
      isNull(users.voidedAt),
      scopeCondition(auth, 'user.read', { orgId: users.orgId, createdBy: users.id }),
      or(ilike(users.username, `%${Q}%`), ilike(users.displayName, `%${Q}%`))!,
    );
    return [
      ctx.db.select({ total: count() }).from(users).where(cond),
      ctx.db
        .select({
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          orgId: users.orgId,
          orgName: orgs.name,
          title: users.title,
          phoneMasked: users.phoneMasked,
          status: users.status,
          lockedUntil: users.lockedUntil,
          lastLoginAt: users.lastLoginAt,
          version: users.version,
          roles: sql<string[]>`coalesce((select array_agg(r.code order by r.code) from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = ${users.id}), '{}')`,
        })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(cond)
        .orderBy(asc(orgs.path), asc(users.username))
        .limit(PAGE_SIZE)
        .offset(0),
    ];
  },
};

export default scenario;
