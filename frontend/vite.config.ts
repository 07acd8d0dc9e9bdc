/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const orchestrator = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: orchestrator, ws: true },
      '/health': orchestrator,
      '/ready': orchestrator,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Inline assets would become data: URLs; keeping them as files keeps the CSP simple.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    testTimeout: 30_000,
  },
});
