import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import type { Db } from '../db/client';
import type { AuthContext } from '../auth/context';

export interface Platform {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
}

declare module 'fastify' {
  interface FastifyInstance {
    fz: Platform;
  }
  interface FastifyRequest {
    /** Set by the auth hook on every non-public route. */
    auth: AuthContext;
    /** The session's CSRF token, echoed to the SPA by /api/auth/me. */
    csrfToken: string;
  }
  interface FastifyContextConfig {
    /** No login needed (login page, health, public portal). */
    public?: boolean;
    /** Permission code the caller must hold. */
    permission?: string;
  }
}

export type App = FastifyInstance;
export type ZApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;
export type { FastifyReply, FastifyRequest, ZodTypeProvider };
