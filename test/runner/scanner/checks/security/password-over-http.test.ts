import { describe, expect, it } from 'vitest';
import { passwordOverHttp } from '../../../../../runner/src/scanner/checks/security/password-over-http.js';
import { artifacts, htmlPage } from '../../../../support/artifacts.js';

const run = (body: string, url = 'https://site.test/') => {
  const page = htmlPage(`<html><body>${body}</body></html>`, { url });
  return passwordOverHttp.run(artifacts({ page, pages: [page] }));
};
const FORM = (action: string) => `<form action="${action}" method="post"><input name="user"><input type="password" name="pw"></form>`;

describe('password-over-http', () => {
  it('reports a password field on a plain-HTTP page as high', () => {
    const r = run(FORM('/login'), 'http://site.test/');
    expect(r.outcome).toBe('password-over-http');
    expect(r.findings[0]).toMatchObject({ severity: 'high', title: 'Password field on a page served over plain HTTP', location: { url: 'http://site.test/', selector: 'form[action="/login"]' } });
    expect(r.findings[0]!.evidence).toContain('<form action="/login" method="post">');
  });

  it('reports an HTTPS form that posts to plain HTTP, with the https action to use', () => {
    const r = run(FORM('http://site.test/login'));
    expect(r.findings[0]!.title).toBe('Password form posts to plain HTTP (http://site.test)');
    expect(r.findings[0]!.remediation).toContain('action="https://site.test/login"');
  });

  it('passes a password form on HTTPS posting to HTTPS', () => {
    expect(run(FORM('/login'))).toEqual({ outcome: 'password-fields-secure', findings: [] });
  });

  it('passes a page without password fields', () => {
    expect(run('<form><input name="q"></form>')).toEqual({ outcome: 'password-no-fields', findings: [] });
  });
});

describe('password-over-http without a form', () => {
  it('points at the password input by name when a script handles the login', () => {
    const r = run('<input type="password" name="secret">', 'http://site.test/');
    expect(r.findings[0]!.location.selector).toBe('input[type="password"][name="secret"]');
  });
});
