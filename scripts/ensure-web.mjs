// Builds the SPA when web/dist is missing or older than any file under web/ (so `npm start` works on a fresh clone).
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

const dist = 'web/dist/index.html';
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
if (!fs.existsSync('web/index.html')) process.exit(0);
// A separately built SPA (FAZHI_WEB_DIST) is the caller's to keep fresh.
if (process.env.FAZHI_WEB_DIST) process.exit(0);
if (!fs.existsSync(dist) || fs.statSync(dist).mtimeMs < newest('web')) {
  console.log('正在构建前端（web/dist）……');
  execSync('npx vite build --config web/vite.config.ts --logLevel warn', { stdio: 'inherit' });
}
