import { describe, expect, it } from 'vitest';
import { htmlLang, isLanguageTag } from '../../../../../runner/src/scanner/checks/seo/html-lang.js';
import { artifacts, nonHtmlPage } from '../../../../support/artifacts.js';

const run = (htmlTag: string) => htmlLang.run(artifacts({ html: `${htmlTag}<head><title>x</title></head><body></body></html>` }));

describe('html-lang', () => {
  it.each(['en', 'pt-BR', 'zh-Hant-TW', 'de-CH-1996'])('passes lang=%j', (lang) => {
    expect(run(`<html lang="${lang}">`)).toEqual({ outcome: 'html-lang-ok', findings: [] });
  });

  it.each(['<html>', '<html lang="">', '<html lang="  ">'])('reports %s as a missing language (low)', (tag) => {
    const r = run(tag);
    expect(r.outcome).toBe('html-lang-missing');
    expect(r.findings[0]!.severity).toBe('low');
  });

  it('reports the POSIX form en_US as invalid and suggests en-US', () => {
    const r = run('<html lang="en_US">');
    expect(r.outcome).toBe('html-lang-invalid');
    expect(r.findings[0]).toMatchObject({ severity: 'low', evidence: '<html lang="en_US">' });
    expect(r.findings[0]!.remediation).toContain('en-US');
  });

  it.each(['english', 'e', '123'])('rejects %j as a language tag', (lang) => {
    expect(isLanguageTag(lang)).toBe(false);
  });

  it('is not applicable to a page that is not HTML', () => {
    expect(htmlLang.run(artifacts({ page: nonHtmlPage() })).notApplicable).toBeDefined();
  });
});
