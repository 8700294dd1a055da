import { defineConfig } from 'drizzle-kit';

// Every table lives in a `schema.ts` (or a module's `schema-<part>.ts`): the platform's under src/platform/<part>/, each line's in src/modules/<line>/.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/*/schema.ts', './src/modules/*/schema.ts', './src/modules/*/schema-*.ts'],
  out: './drizzle',
});
