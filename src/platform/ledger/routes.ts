import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** HTTP routes of the platform's ledger part (registered by src/app.ts). */
export const ledgerRoutes: FastifyPluginAsyncZod = async () => {};
