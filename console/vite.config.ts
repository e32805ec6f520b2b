import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompression } from './src/build/precompresser';

/**
 * The console is a static single-page app: built into console/dist, served at `/` by the
 * Express server in production; in development Vite serves it and proxies `/api` to the API.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // precompression: dist/**/*.{js,css,html…}.br and .gz, served as they are (server/src/http/statiques.ts).
  plugins: [react(), precompression()],
  // Path aliases (@shared/…, @console/…) come from the root tsconfig.json, the one place they are set.
  resolve: { tsconfigPaths: true },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: { port: 4173, proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in a build (the server would never serve them anyway: 404 on *.map).
    // SOURCEMAP=1 writes hidden ones for a local investigation.
    sourcemap: process.env.SOURCEMAP === '1' ? 'hidden' : false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // Two pages: the console (react-admin) and the bailleur's link page (issue #18, plain React, served at /bailleur/).
      input: {
        console: fileURLToPath(new URL('./index.html', import.meta.url)),
        bailleur: fileURLToPath(new URL('./bailleur/index.html', import.meta.url)),
      },
      output: {
        // Long-lived chunks for React and the router only. react-admin and MUI are not grouped: a
        // group is one chunk loaded by the first page, with every component any screen uses; left
        // to the bundler, the parts only some screens use travel with those screens (lazy, see
        // src/common/paresseux.tsx). Initial JS, gzip: 423 KiB → 316 KiB (issue #19: ≤ 350).
        codeSplitting: {
          groups: [
            // The router apart from React itself: the bailleur page loads React only.
            { name: 'react-router', test: /node_modules[\\/](react-router|react-router-dom)[\\/]/, priority: 31 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
          ],
        },
      },
    },
  },
});
