import { describe, expect, it } from 'vitest';
import { sourceMapUrl } from '../../../../../runner/src/scanner/collect/probes/exposures.js';
import type { LoadedScript } from '../../../../../runner/src/scanner/types.js';
import { failure, response } from '../../../../support/artifacts.js';

const script = (url: string, body?: string, headers: Record<string, string> = {}): LoadedScript => ({ url, pages: [], ...(body === undefined ? {} : { response: response({ url, body, headers }) }) });

describe('sourceMapUrl', () => {
  it('reads the sourceMappingURL comment at the end of the script, relative to the script', () => {
    expect(sourceMapUrl(script('https://site.test/js/app.js?v=3', 'x();\n//# sourceMappingURL=app.js.map\n'))).toBe('https://site.test/js/app.js.map');
    expect(sourceMapUrl(script('https://site.test/js/app.js', 'x();\n/*# sourceMappingURL=/maps/app.map */'))).toBe('https://site.test/maps/app.map');
  });

  it('prefers the SourceMap header, and falls back to <script>.map next to it', () => {
    expect(sourceMapUrl(script('https://site.test/a.js', 'x();', { sourcemap: '/m/a.map' }))).toBe('https://site.test/m/a.map');
    expect(sourceMapUrl(script('https://site.test/a.js?v=1', 'x();'))).toBe('https://site.test/a.js.map');
    expect(sourceMapUrl({ url: 'https://site.test/b.js', pages: [], response: failure('https://site.test/b.js') })).toBe('https://site.test/b.js.map');
  });

  it('does not probe inline maps or maps on another origin', () => {
    expect(sourceMapUrl(script('https://site.test/a.js', 'x();\n//# sourceMappingURL=data:application/json;base64,e30='))).toBeUndefined();
    expect(sourceMapUrl(script('https://site.test/a.js', 'x();\n//# sourceMappingURL=https://maps.example/a.map'))).toBeUndefined();
  });
});
