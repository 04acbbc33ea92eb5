import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console is built into web/dist and served by the hub at /; `vite` alone proxies the API to a running hub. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      '/api': { target: process.env.CAUSEWAY_URL ?? 'http://127.0.0.1:8080', ws: true },
      '/metrics': process.env.CAUSEWAY_URL ?? 'http://127.0.0.1:8080',
    },
  },
});
