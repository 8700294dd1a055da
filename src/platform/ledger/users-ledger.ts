import { z } from 'zod';
import { inArray, isNull } from 'drizzle-orm';
import { AppError } from '../errors';
import { protectPii } from '../crypto/sm';
import { getPolicy, type SecurityPolicy } from '../settings/service';
import { hashPassword, passwordProblems } from '../auth/password';
import { checkSeparationOfDuties, listUsers } from '../auth/users';
import { roles, userRoles, users } from '../auth/schema';
import { registerLedger, type LedgerContext, type ParsedRow } from './spec';

/**
 * The platform's own ledger: bulk creation of user accounts (用户台账), and export of the user list.
 * Each row is what POST /api/users accepts, created the way createUser (src/platform/auth/users.ts) does —
 * policy-checked password, argon2 hash, must change it at first login, SM4-protected phone, 三员分立 — but
 * all rows in the one import transaction with one audit entry.
 */

interface UserRow {
  username: string;
  displayName: string;
  orgId: string;
  title: string | null;
  phone: string | null;
  roleCodes: string[];
  status: 'active' | 'disabled' | null;
  password: string;
  passwordHash?: string;
}

type RoleRow = typeof roles.$inferSelect;

async function liveRoles(ctx: LedgerContext): Promise<RoleRow[]> {
  let rows = ctx.cache.get('users:roles') as RoleRow[] | undefined;
  if (!rows) {
    rows = await ctx.db.select().from(roles).where(isNull(roles.voidedAt));
    ctx.cache.set('users:roles', rows);
  }
  return rows;
}

async function policyOf(ctx: LedgerContext): Promise<SecurityPolicy> {
  let p = ctx.cache.get('users:policy') as SecurityPolicy | undefined;
  if (!p) {
    p = await getPolicy(ctx.db);
    ctx.cache.set('users:policy', p);
  }
  return p;
}

const statusCodes = { 启用: 'active', 停用: 'disabled' };

// Same rules as POST /api/users (src/platform/auth/admin-routes.ts).
const usernameSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名为3-32位字母、数字、下划线，以字母开头');
const phoneSchema = z.string().regex(/^1\d{10}$/, '手机号应为以1开头的11位数字');

export const usersLedger = registerLedger<UserRow>({
  entity: 'users',
  label: '用户台账',
  permission: 'user.manage',
  entityType: 'user',
  columns: [
    { key: 'username', header: '用户名', required: true, unique: true, schema: usernameSchema, example: 'zhangsan', width: 14, hint: '登录用，3-32位字母、数字、下划线，以字母开头' },
    { key: 'displayName', header: '姓名', required: true, schema: z.string().min(2, '姓名至少2个字').max(50, '姓名最多50个字'), example: '张三', width: 10 },
    { key: 'orgId', header: '所属机构', required: true, lookup: { kind: 'org' }, width: 22 },
    { key: 'title', header: '职务', schema: z.string().max(50, '职务最多50个字'), example: '科员', width: 12 },
    { key: 'phone', header: '手机号', schema: phoneSchema, example: '13800000000', width: 14 },
    {
      key: 'roleCodes',
      header: '角色',
      list: true,
      width: 20,
      example: '业务人员',
      lookup: {
        kind: 'custom',
        label: '角色名称或代码',
        resolve: async (ref, ctx) => {
          const all = await liveRoles(ctx);
          const r = all.find((x) => x.name === ref) ?? all.find((x) => x.code.toLowerCase() === ref.toLowerCase());
          return r ? { value: r.code } : { reason: `角色“${ref}”不存在` };
        },
        options: async (ctx) => (await liveRoles(ctx)).map((r) => r.name),
      },
    },
    { key: 'status', header: '状态', codes: statusCodes, example: '启用', width: 8, hint: '不填为启用' },
    { key: 'password', header: '初始密码', required: true, export: false, example: 'Wuyi@2024', width: 14, hint: '须符合密码策略；用户首次登录时须修改' },
  ],

  validateRow: async (row, ctx) => {
    const v = row.values;
    const issues: { column: string; reason: string }[] = [];
    const problems = passwordProblems(v.password, await policyOf(ctx), v.username);
    if (problems.length) issues.push({ column: 'password', reason: problems.join('；') });
    const all = await liveRoles(ctx);
    try {
      checkSeparationOfDuties(v.roleCodes.map((c) => all.find((r) => r.code === c)?.kind ?? 'business'));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      issues.push({ column: 'roleCodes', reason: err.message });
    }
    return issues;
  },

  validateRows: async (rows, ctx) => {
    const out: { row: number; column: string; reason: string }[] = [];
    // Usernames are unique forever (voided accounts keep theirs), as the users_username_uq index says.
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const taken = await ctx.db.select({ username: users.username }).from(users).where(inArray(users.username, chunk.map((r) => r.values.username)));
      const set = new Set(taken.map((u) => u.username));
      for (const r of chunk) if (set.has(r.values.username)) out.push({ row: r.rowNumber, column: 'username', reason: `用户名 ${r.values.username} 已被使用` });
    }
    return out;
  },

  prepareRows: async (rows, ctx) => {
    // argon2 is deliberately slow: hash outside the import transaction, a few at a time on the thread pool.
    let done = 0;
    const queue = [...rows];
    const worker = async () => {
      for (let r = queue.shift(); r; r = queue.shift()) {
        r.values.passwordHash = await hashPassword(r.values.password);
        await ctx.progress(++done, rows.length, `正在处理密码（${done}/${rows.length}）`);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
  },

  importRows: async (tx, rows: ParsedRow<UserRow>[], ctx) => {
    const roleIds = new Map((await liveRoles(ctx)).map((r) => [r.code, r.id]));
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const created = await tx
        .insert(users)
        .values(
          chunk.map(({ values: v }) => {
            const phone = protectPii(v.phone);
            return {
              username: v.username,
              displayName: v.displayName,
              orgId: v.orgId,
              title: v.title,
              passwordHash: v.passwordHash!,
              mustChangePassword: true,
              status: v.status ?? 'active',
              phoneEnc: phone.enc,
              phoneMasked: phone.masked,
              phoneIndex: phone.index,
            };
          }),
        )
        .returning({ id: users.id, username: users.username });
      const idOf = new Map(created.map((u) => [u.username, u.id]));
      const links = chunk.flatMap(({ values: v }) => [...new Set(v.roleCodes)].map((code) => ({ userId: idOf.get(v.username)!, roleId: roleIds.get(code)! })));
      if (links.length) await tx.insert(userRoles).values(links);
      ids.push(...created.map((u) => u.id));
      await ctx.progress(Math.min(i + 500, rows.length), rows.length, `正在写入（${Math.min(i + 500, rows.length)}/${rows.length}）`);
    }
    return ids;
  },

  export: {
    permission: 'user.read',
    filters: z.object({
      q: z.string().optional(),
      orgId: z.uuid({ message: '机构编号格式不正确' }).optional(),
      roleCode: z.string().optional(),
      status: z.enum(['active', 'disabled', 'locked']).optional(),
    }),
    // The user list's own query (listUsers): its user.read scope limits the export exactly as it limits the list.
    fetch: async (db, auth, filters, page, pageSize) => {
      const [list, roleRows] = await Promise.all([listUsers(db, auth, { ...filters, page, pageSize }), db.select({ code: roles.code, name: roles.name }).from(roles)]);
      const nameOf = new Map(roleRows.map((r) => [r.code, r.name]));
      return {
        total: list.total,
        items: list.items.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          orgId: u.orgName,
          title: u.title,
          // Exports carry the masked phone only (PII stays encrypted at rest and masked on screens).
          phone: u.phoneMasked,
          roleCodes: u.roles.map((c) => nameOf.get(c) ?? c),
          status: u.status,
        })),
      };
    },
  },
});

