import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Permission, Role, RoleKind } from '../../api/types';

export const roleKindLabels: Record<RoleKind, { text: string; color: string }> = {
  business: { text: '业务角色', color: 'blue' },
  system: { text: '系统管理员', color: 'gold' },
  security: { text: '安全管理员', color: 'volcano' },
  audit: { text: '审计管理员', color: 'purple' },
};

export const rolesQueryKey = ['roles'] as const;

export function useRoles(enabled = true) {
  return useQuery({ queryKey: rolesQueryKey, queryFn: () => api.get<Role[]>('/api/roles'), enabled, staleTime: 60_000 });
}

export function usePermissionCatalogue(enabled = true) {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: () => api.get<{ permissions: Permission[]; dataScopes: { value: string; label: string }[] }>('/api/permissions'),
    enabled,
    staleTime: Infinity,
  });
}

/** 三员分立 (mirrors kindAllows on the server): an administrator role holds only its own kind's permissions. */
export const kindAllows = (roleKind: RoleKind, p: Permission) => p.kind === 'common' || p.kind === roleKind;
