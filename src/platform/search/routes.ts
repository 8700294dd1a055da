import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** HTTP routes of the platform's search part (registered by src/app.ts). */
export const searchRoutes: FastifyPluginAsyncZod = async () => {};
