import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'dist', 'public');

/** Writes .gz and .br next to every compressible file of the build, so the server sends them as they are. */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|svg|json|txt|webmanifest)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  return {
    name: 'reprise-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!compressible.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < 512) continue;
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  publicDir: path.join(here, 'static'),
  plugins: [react(), precompress()],
  resolve: {
    // The SDK's browser entry and the rules from their sources: no build order between the workspaces.
    alias: [
      { find: /^@reprise\/sdk$/, replacement: path.join(here, '..', 'sdk', 'src', 'index.ts') },
      { find: /^@reprise\/rules$/, replacement: path.join(here, '..', 'rules', 'src', 'index.ts') },
    ],
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // .vite/manifest.json: the frontend server reads it to preload a page's chunks with the page.
    manifest: true,
    // No inline assets in CSS or JS beyond small icons: the CSP allows data: images only.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Few script files: a browser opens six connections to an HTTP/1.1 server, and every file
        // beyond them waits for one to be free. A first visit to a project page used to ask for 13
        // scripts besides its stylesheet and two preloaded answers, and the app's own waited
        // behind the others. Now it asks for three: the app (everything index.html loads, one
        // file), the code two or more pages share (once a page needs it), and the page's own.
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 2 },
            // Large modules (the evidence view) keep their own chunk, loaded only by the pages that show it.
            { name: 'pages', test: /[\\/](frontend[\\/]src[\\/]app|rules[\\/]src|sdk[\\/]src)[\\/]/, minShareCount: 2, maxModuleSize: 16_000, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite` for development: the services run as with `npm start`.
    proxy: {
      '/cloud': { target: 'http://127.0.0.1:5200', changeOrigin: false },
      '/api': { target: 'http://127.0.0.1:5100' },
      '/sumatra': { target: 'http://127.0.0.1:5100' },
    },
  },
});
