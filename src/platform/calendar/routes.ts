import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** HTTP routes of the platform's calendar part (registered by src/app.ts). */
export const calendarRoutes: FastifyPluginAsyncZod = async () => {};
