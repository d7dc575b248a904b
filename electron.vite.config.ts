import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { CSP_META } from './src/renderer/csp'

/** The dev server needs an inline React-refresh preamble, so the strict policy goes in at build only. */
function strictCsp(): Plugin {
  return {
    name: 'quotedesk-strict-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`),
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          // The Electron app's composition root.
          index: resolve('src/main/index.ts'),
          // The command line and the browser host: plain Node, never imports electron.
          cli: resolve('src/main/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require anything but electron: bundle it as one file.
      isolatedEntries: true,
      externalizeDeps: false,
      // A sandboxed preload must be CommonJS; "type": "module" would otherwise make it index.mjs.
      lib: { entry: resolve('src/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react(), strictCsp()],
  },
})
