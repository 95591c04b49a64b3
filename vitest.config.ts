import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // `import bytes from '….ttf'` gives the file's bytes, as esbuild's binary loader does in dist/
      // (.ci/build.mjs): the report embeds its fonts from the bundle (runner/src/report/fonts.ts).
      name: 'ttf-as-bytes',
      enforce: 'pre',
      load(id) {
        if (!id.endsWith('.ttf')) return null;
        return `export default new Uint8Array(Buffer.from(${JSON.stringify(readFileSync(id).toString('base64'))}, 'base64'));`;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores on CI: forks keep native modules (better-sqlite3) and servers isolated per file.
    pool: 'forks',
  },
});
