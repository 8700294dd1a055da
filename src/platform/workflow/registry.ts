import type { WorkflowDef } from './types';

const defs = new Map<string, WorkflowDef>();

/** Pseudo-transition fired when an instance is created: deadlines `after: 'start'` count from it. */
export const START = 'start';

export function registerWorkflow(def: WorkflowDef): WorkflowDef {
  const states = new Set(Object.keys(def.states));
  if (!states.has(def.initial)) throw new Error(`workflow ${def.key}: unknown initial state ${def.initial}`);
  const keys = new Set<string>([START]);
  for (const t of def.transitions) {
    if (keys.has(t.key)) throw new Error(`workflow ${def.key}: duplicate transition ${t.key}`);
    keys.add(t.key);
    for (const s of [...t.from, t.to]) if (!states.has(s)) throw new Error(`workflow ${def.key}: transition ${t.key} names unknown state ${s}`);
  }
  for (const d of def.deadlines) {
    if (!keys.has(d.after)) throw new Error(`workflow ${def.key}: deadline ${d.key} starts after unknown transition ${d.after}`);
    for (const u of d.until) if (!keys.has(u)) throw new Error(`workflow ${def.key}: deadline ${d.key} ends on unknown transition ${u}`);
    if (!d.cite) throw new Error(`workflow ${def.key}: deadline ${d.key} must cite its article`);
  }
  defs.set(def.key, def);
  return def;
}

export function getWorkflow(key: string): WorkflowDef {
  const def = defs.get(key);
  if (!def) throw new Error(`unknown workflow ${key}`);
  return def;
}

export const allWorkflows = () => [...defs.values()];
