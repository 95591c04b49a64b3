// Bundles the command line (dist/cli.js) and, once it exists, the action (dist/index.js) with esbuild.
// Usage: node .ci/build.mjs [outdir]   (check-dist builds into a temporary folder and compares)
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const outdir = process.argv[2] ?? 'dist';
const entries = [
  { in: 'runner/src/cli.ts', out: 'cli' },
  { in: 'src/index.ts', out: 'index' },
].filter((e) => existsSync(e.in));

// pdfkit >= 0.17 loads its standard fonts through the private import '#standard-fonts/<Name>', which no
// bundler follows; rewrite it to the public path and fail loudly when pdfkit's internals change.
const pdfkitFonts = {
  name: 'pdfkit-standard-fonts',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      if (!src.includes('#standard-fonts/')) {
        throw new Error(`pdfkit no longer imports '#standard-fonts/' in ${args.path}: update .ci/build.mjs`);
      }
      return { contents: src.replaceAll('#standard-fonts/', 'pdfkit/standard-fonts/'), loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

await build({
  entryPoints: entries,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // better-sqlite3 is native and ABI-bound: loaded dynamically where installed, never bundled.
  external: ['better-sqlite3'],
  // The report's fonts (runner/src/report/fonts.ts) are inlined as bytes: the action runs from a folder
  // with no node_modules, and the same bundle serves the command line.
  loader: { '.ttf': 'binary' },
  banner: { js: "import { createRequire as __issafesiteCreateRequire } from 'node:module'; const require = __issafesiteCreateRequire(import.meta.url);" },
  legalComments: 'none',
  // Module paths appear in the bundle's comments: keep them as node_modules/… even where node_modules is a
  // symlink (a git worktree sharing one install), so every checkout builds the same bytes.
  preserveSymlinks: true,
  logLevel: 'warning',
  plugins: [pdfkitFonts],
});
