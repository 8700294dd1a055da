// `npm test`: typecheck, the unit + API suite on PGlite, the same suite on PostgreSQL when DATABASE_URL is
// set, then the browser tests in Debian Chromium. Prints one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function vitest(label, args, env, node = null) {
  const out = path.join(os.tmpdir(), `fazhi-vitest-${process.pid}-${label.replace(/\W+/g, '_')}.json`);
  const vitestArgs = ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  // With another Node (e.g. `npx -y node@24.21.0`), run vitest's own entry under it; its forks inherit that Node.
  const ok = node ? run(label, 'npx', ['-y', node, 'node_modules/vitest/vitest.mjs', ...vitestArgs], env) : run(label, 'npx', ['vitest', ...vitestArgs], env);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (r.numTotalTests === 0) failures.push(`${label}: no tests ran`);
    fs.rmSync(out);
  }
  if (!ok) failures.push(label);
}

if (!run('typecheck (tsc)', 'npx', ['tsc', '-p', '.'])) failures.push('typecheck');

const pgUrl = process.env.DATABASE_URL;
vitest('unit + API on PGlite', [], { DATABASE_URL: '' });
if (process.env.FAZHI_TEST_NODE24 === '1') vitest('unit + API on PGlite, Node 24 LTS', [], { DATABASE_URL: '' }, 'node@24.21.0');
if (pgUrl) vitest('unit + API on PostgreSQL', [], { DATABASE_URL: pgUrl });
else console.log('\n(DATABASE_URL not set: skipping the PostgreSQL run; CI sets it)');

if (process.env.FAZHI_SKIP_E2E === '1') console.log('\n(FAZHI_SKIP_E2E=1: skipping browser tests)');
else if (!fs.existsSync('/usr/bin/chromium')) {
  console.log('\n/usr/bin/chromium is missing: install it with `apt-get install -y chromium fonts-noto-cjk` (or set FAZHI_SKIP_E2E=1)');
  failures.push('e2e: chromium missing');
} else {
  if (!run('build web', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])) failures.push('build web');
  else vitest('browser (Playwright + Chromium)', ['--config', 'vitest.e2e.config.ts'], { DATABASE_URL: '' });
}

console.log(`\nFazhi test summary${failures.length ? ' — failed: ' + failures.join('; ') : ''}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
