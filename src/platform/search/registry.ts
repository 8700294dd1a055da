/**
 * What the global search box may return: each business line registers the entity types it indexes into
 * `search_docs`, the permission that guards reading them, and where the SPA shows one of them.
 * `GET /api/search` only ever answers from types whose permission the caller holds, within its data scope.
 */
export interface SearchableDef {
  /** The `entity_type` written by `indexDoc`, e.g. 'normativeDocument'. */
  entityType: string;
  /** Chinese name shown beside each hit, e.g. '规范性文件'. */
  label: string;
  /** Permission code a reader needs; its data scope filters the hits. */
  permission: string;
  /** SPA path of one record, `:id` replaced by the entity id, e.g. '/legality-review/documents/:id'. */
  link: string;
}

const searchables = new Map<string, SearchableDef>();

export function registerSearchable(...defs: SearchableDef[]) {
  for (const d of defs) {
    if (!/^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/.test(d.entityType)) throw new Error(`search: bad entity type ${JSON.stringify(d.entityType)}`);
    searchables.set(d.entityType, d);
  }
}

export const searchableTypes = () => [...searchables.values()];
export const searchableDef = (entityType: string) => searchables.get(entityType);

export function linkFor(entityType: string, entityId: string): string | null {
  const def = searchables.get(entityType);
  return def ? def.link.replace(':id', encodeURIComponent(entityId)) : null;
}
