import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PermissionDef, RoleDef } from './auth/permissions';
import type { Db } from './db/client';
import type { Org } from './orgs/service';
import type { Config } from '../config';

/** What seeding a module's demo data gets: the database, the demo county's orgs and users by key. */
export interface SeedContext {
  db: Db;
  config: Config;
  /** Orgs of the demo county by name. */
  orgs: Map<string, Org>;
  /** Demo users' ids by username. */
  users: Map<string, string>;
  /** Deterministic random numbers so demo data is the same on every machine. */
  random: () => number;
  log: (msg: string) => void;
}

/**
 * A business line plugs into the platform with one declaration: its permissions and default roles,
 * org types, HTTP routes and demo data. Workflows, 文书 templates, 台账 specs and indicators register
 * themselves through the platform registries the module imports.
 */
export interface FazhiModule {
  key: string;
  label: string;
  permissions?: PermissionDef[];
  roles?: RoleDef[];
  orgTypes?: Record<string, string>;
  routes?: FastifyPluginAsyncZod;
  seedDemo?: (ctx: SeedContext) => Promise<void>;
}
