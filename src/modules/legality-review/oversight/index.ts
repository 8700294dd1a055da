import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PermissionDef } from '../../../platform/auth/permissions';
import type { SeedContext } from '../../../platform/module';

/**
 * 备案审查 (incoming filings and 纠错), 清理 campaigns and 重大行政决策 (DOMAIN.md §3): the oversight half of
 * the legality line, registered through the line's index.
 */
export const oversightPermissions: PermissionDef[] = [];

export const oversightRoutes: FastifyPluginAsyncZod = async () => {};

export async function seedOversight(_ctx: SeedContext): Promise<void> {}
