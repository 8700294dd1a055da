import type { SeedContext } from '../../platform/module';
export async function seedEnforcement(_ctx: SeedContext) {}
