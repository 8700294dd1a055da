/** Response shapes of the platform API (mirrors the zod schemas in src/platform/*\/routes.ts). */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type DataScope = 'self' | 'org' | 'orgTree' | 'all';
export type RoleKind = 'business' | 'system' | 'security' | 'audit';

export interface Me {
  user: { id: string; username: string; displayName: string; orgId: string; orgName: string; orgType: string; regionCode: string; mustChangePassword: boolean };
  roles: { code: string; name: string; kind: string; dataScope: string }[];
  permissions: string[];
  csrfToken: string;
  idleTimeoutMinutes: number;
}

export interface LoginResult {
  ok: true;
  mustChangePassword: boolean;
  csrfToken: string;
}

export interface Org {
  id: string;
  parentId: string | null;
  path: string;
  name: string;
  shortName: string | null;
  type: string;
  typeLabel: string;
  regionCode: string;
  population: number | null;
  sort: number;
  address: string | null;
}

/** The server's own input shape (src/platform/orgs/service.ts). */
export type { OrgInput } from '../../../src/platform/orgs/service';

export interface Option<V = string> {
  value: V;
  label: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  title: string | null;
  phoneMasked: string | null;
  status: string;
  locked: boolean;
  lastLoginAt: string | null;
  version: number;
  roles: string[];
}

export interface Permission {
  code: string;
  label: string;
  group: string;
  kind: RoleKind | 'common';
}

export interface Role {
  id: string;
  code: string;
  name: string;
  description: string | null;
  kind: RoleKind;
  dataScope: DataScope;
  builtin: boolean;
  version: number;
  permissions: string[];
  userCount: number;
}

/** 安全策略: the server's declaration (src/platform/settings/service.ts). */
export type { SecurityPolicy as Policy } from '../../../src/platform/settings/service';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  /** field → [before, after] for updates; null when there is nothing to compare. */
  diff: Record<string, [unknown, unknown]> | null;
  ip: string | null;
  hash: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  reason?: string;
}

export interface CalendarDay {
  date: string;
  isWorkday: boolean;
  name: string | null;
  override: boolean;
}

export interface CalendarYear {
  year: number;
  source: 'builtin' | 'loaded' | 'none';
  /** Where a loaded year came from, e.g. the 国务院办公厅 notice. */
  sourceNote: string | null;
  provisional: boolean;
  /** Only the days that differ from plain Monday–Friday. */
  days: CalendarDay[];
}

export interface CalendarImport {
  year?: number;
  source?: string;
  holidays: { name: string; from: string; to: string }[];
  workdays: { name: string; date: string }[];
}

export interface CalendarStatus {
  today: string;
  nextYear: number;
  nextYearLoaded: boolean;
  nextYearSource: 'builtin' | 'loaded' | 'none';
  remind: boolean;
  message: string | null;
  canManage: boolean;
}

/** One entry the calendar import refused (CALENDAR_IMPORT_INVALID details.problems). */
export interface CalendarImportProblem {
  entry: string;
  field: string | null;
  value: unknown;
  reason: string;
}

export type Light = 'green' | 'yellow' | 'red';

export interface Deadline {
  label: string;
  dueDate: string;
  light: Light;
  cite: string;
  provisional: boolean;
  unit: 'workingDay' | 'calendarDay' | string;
  days: number;
}

/** 待办 item: the server's declaration (src/platform/workflow/todos.ts). */
export type { TodoItem as Todo } from '../../../src/platform/workflow/todos';

/** `act`: what I can act on now (我的待办); `watch`: every open case in my data scope (督办). */
export type TodoMode = 'act' | 'watch';

export interface TodoSummary {
  total: number;
  red: number;
  yellow: number;
  byWorkflow: { workflow: string; label: string; total: number; red: number; yellow: number }[];
  mode: TodoMode;
}

export interface ImportJob {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  total: number | null;
  message: string | null;
  result: unknown;
  error: { code: string; message: string; details?: { errors?: ImportRowError[]; errorCount?: number; rows?: number }; fileId?: string | null } | null;
  /** The error report (.xlsx) of a failed import. */
  fileId: string | null;
}

export interface ImportRowError {
  row: number;
  column: string;
  value: unknown;
  reason: string;
}
