import { defineConfig } from 'vite';

/**
 * The embeddable widget: dist/widget.js (one ES module, no React) defining `<drey-verify>`, and its Worker emitted
 * beside it (dist/widget-worker-<hash>.js, resolved from widget.js' own URL). Built after the app into the same dist/.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  worker: {
    format: 'es',
    rolldownOptions: {
      output: {
        entryFileNames: 'widget-[name]-[hash].js',
        chunkFileNames: 'widget-[name]-[hash].js',
      },
    },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    // Library mode keeps whitespace (for bundlers that re-bundle it); the widget ships to browsers as is: minify fully.
    rolldownOptions: { output: { minify: true } },
    copyPublicDir: false,
    lib: {
      entry: 'src/widget/index.ts',
      formats: ['es'],
      fileName: () => 'widget.js',
    },
  },
});
