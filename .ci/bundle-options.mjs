// The esbuild options of dist/ (.ci/build.mjs), shared with tests that bundle a harness the same way.
import { readFileSync } from 'node:fs';
import path from 'node:path';

// pdfkit >= 0.17 loads its standard fonts through the private import '#standard-fonts/<Name>', which no
// bundler follows; rewrite it to the public path and fail loudly when pdfkit's internals change.
const pdfkitFonts = {
  name: 'pdfkit-standard-fonts',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      if (!src.includes('#standard-fonts/')) {
        throw new Error(`pdfkit no longer imports '#standard-fonts/' in ${args.path}: update .ci/bundle-options.mjs`);
      }
      return { contents: src.replaceAll('#standard-fonts/', 'pdfkit/standard-fonts/'), loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

export const BUNDLE_OPTIONS = {
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
};
