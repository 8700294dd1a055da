import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { api } from '../../api/client';
import type { Org } from '../../api/types';

export interface OrgNode {
  key: string;
  value: string;
  title: string;
  org: Org;
  disabled?: boolean;
  children: OrgNode[];
}

/** The same tree with an org and everything under it disabled (an org cannot move under itself). */
function disableSubtree(nodes: OrgNode[], id: string, inside = false): OrgNode[] {
  return nodes.map((n) => {
    const off = inside || n.key === id;
    return { ...n, disabled: off || undefined, children: disableSubtree(n.children, id, off) };
  });
}

/** The server sends orgs flat, in tree order; a node whose parent is not visible to the user is a root. */
export function buildOrgTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const o of orgs) nodes.set(o.id, { key: o.id, value: o.id, title: o.name, org: o, children: [] });
  const roots: OrgNode[] = [];
  for (const o of orgs) {
    const node = nodes.get(o.id)!;
    const parent = o.parentId ? nodes.get(o.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => a.org.sort - b.org.sort || a.org.name.localeCompare(b.org.name, 'zh-CN'));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

export const orgsQueryKey = ['orgs'] as const;

export function useOrgs(enabled = true) {
  return useQuery({ queryKey: orgsQueryKey, queryFn: () => api.get<Org[]>('/api/orgs'), enabled, staleTime: 60_000 });
}

/** 机构 picker: the org tree the user may see, searchable by name. `exclude`: an org whose subtree cannot be picked. */
export function OrgTreeSelect({ exclude, ...props }: Omit<TreeSelectProps<string>, 'treeData'> & { exclude?: string }) {
  const orgs = useOrgs();
  const treeData = useMemo(() => {
    const tree = buildOrgTree(orgs.data ?? []);
    return exclude ? disableSubtree(tree, exclude) : tree;
  }, [orgs.data, exclude]);
  return (
    <TreeSelect<string>
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      placeholder="选择机构"
      loading={orgs.isPending}
      treeDefaultExpandedKeys={treeData.map((n) => n.key)}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 280 } } }}
      {...props}
      treeData={treeData}
    />
  );
}
