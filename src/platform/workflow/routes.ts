import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** HTTP routes of the platform's workflow part (registered by src/app.ts). */
export const workflowRoutes: FastifyPluginAsyncZod = async () => {};
