// Font files are imported as their bytes: esbuild's `binary` loader in .ci/build.mjs and the matching
// plugin in vitest.config.ts both turn `import x from '….ttf'` into a Uint8Array.
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}
