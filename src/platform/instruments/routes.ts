import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** HTTP routes of the platform's instruments part (registered by src/app.ts). */
export const instrumentRoutes: FastifyPluginAsyncZod = async () => {};
