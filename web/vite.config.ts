import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The C++ server serves dist/ under /app/ on the same port as the API (the public bulletin
// owns the site's root); in development, Vite proxies /api to a server started with
// `khuyencong serve --port 8080`.
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { chunkSizeWarningLimit: 2000 },
});
