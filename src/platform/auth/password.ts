import { hash, verify } from '@node-rs/argon2';
import type { SecurityPolicy } from '../settings/service';

// argon2id with a 19 MiB / t=2 cost (OWASP baseline), a few ms on this machine class.
const options = { algorithm: 2 /* Algorithm.Argon2id: a const enum, unusable under isolatedModules */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (plain: string) => hash(plain, options);
export const verifyPassword = (hashed: string, plain: string) => verify(hashed, plain).catch(() => false);

/** Returns the Chinese reasons a password fails the policy (empty when it passes). */
export function passwordProblems(plain: string, policy: SecurityPolicy, username?: string): string[] {
  const problems: string[] = [];
  if (plain.length < policy.minLength) problems.push(`密码长度不少于${policy.minLength}位`);
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(plain)).length;
  if (classes < policy.minClasses) problems.push(`密码须包含大写字母、小写字母、数字、特殊字符中的至少${policy.minClasses}类`);
  if (username && plain.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}
