import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built by `npm run build:web` into web/dist, which the Fastify server serves (SPA fallback in src/app.ts).
// `npx vite --config web/vite.config.ts` serves the same app with hot reload, proxying /api to a running server
// (FAZHI_API_URL, default http://127.0.0.1:3000).
const root = fileURLToPath(new URL('.', import.meta.url));
const inNodeModules = (...names: string[]) => new RegExp(`node_modules[\\\\/](${names.join('|')})[\\\\/]`);

export default defineConfig({
  root,
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: process.env.FAZHI_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1300,
    rolldownOptions: {
      output: {
        // Vendor chunks change rarely and cache well; each page is its own lazy chunk (see src/routes.tsx).
        codeSplitting: {
          groups: [
            { name: 'echarts', test: inNodeModules('echarts', 'zrender'), priority: 40 },
            { name: 'react', test: inNodeModules('react', 'react-dom', 'react-router', 'scheduler', '@tanstack', 'cookie', 'set-cookie-parser'), priority: 30 },
            { name: 'antd-icons', test: inNodeModules('@ant-design[\\\\/]icons', '@ant-design[\\\\/]icons-svg'), priority: 25 },
            // antd with its rc-* and css-in-js base (~1 MB, 340 kB gzip). Cutting it with `maxSize` breaks the
            // init order of its circular modules at runtime ("Cannot destructure property 'ESC'"), so it stays whole.
            { name: 'antd', test: inNodeModules('antd', '@ant-design', '@rc-component', 'rc-[a-z-]+', '@babel', 'dayjs', 'classnames', 'clsx', 'stylis', '@emotion', 'throttle-debounce', 'scroll-into-view-if-needed', 'compute-scroll-into-view', 'copy-to-clipboard', 'toggle-selection', 'json2mq', 'string-convert', 'resize-observer-polyfill'), priority: 20 },
            { name: 'vendor', test: /node_modules/, priority: 10 },
          ],
        },
      },
    },
  },
});
