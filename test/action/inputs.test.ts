import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HOSTED_API_URL, readSettings } from '../../src/inputs.js';
import { inputEnv } from './support/action-env.js';

function withInputs(inputs: Record<string, string>): void {
  for (const [k, v] of Object.entries(inputEnv({ url: 'https://preview.example.com', ...inputs }, { token: 'ghs_job' }))) vi.stubEnv(k, v);
}

let stdout: string[];
beforeEach(() => {
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (stdout.push(String(chunk)), true));
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

test('the defaults of action.yml give a bundled STANDARD scan with every output on and no threshold', () => {
  withInputs({});
  expect(readSettings()).toEqual({
    url: 'https://preview.example.com',
    mode: 'bundled',
    apiUrl: HOSTED_API_URL,
    apiKey: undefined,
    depth: 'STANDARD',
    threshold: { failBelow: undefined, failOnSeverity: undefined },
    comment: true,
    checkRun: true,
    uploadReport: true,
    artifactName: undefined,
    sarifFile: undefined,
    waitForUrlSeconds: 0,
    timeoutMinutes: 10,
    githubToken: 'ghs_job',
    matrix: 'null',
  });
});

test('an api-key picks api mode and is masked before anything else', () => {
  withInputs({ 'api-key': 'iss_live_secret', 'api-url': 'https://scan.internal.example/api/v1/' });
  const settings = readSettings();
  expect(settings).toMatchObject({ mode: 'api', apiKey: 'iss_live_secret', apiUrl: 'https://scan.internal.example/api/v1' });
  expect(stdout[0]).toBe('::add-mask::iss_live_secret\n');
});

test('values are normalised: depth and grade upper-case, severity lower-case, booleans in YAML spellings', () => {
  withInputs({ depth: 'deep', 'fail-below': 'b', 'fail-on-severity': 'HIGH', comment: 'False', 'check-run': 'FALSE', 'wait-for-url': '90', timeout: '2.5' });
  expect(readSettings()).toMatchObject({
    depth: 'DEEP',
    threshold: { failBelow: 'B', failOnSeverity: 'high' },
    comment: false,
    checkRun: false,
    waitForUrlSeconds: 90,
    timeoutMinutes: 2.5,
  });
});

describe('an invalid input stops the run with a line naming it and what it accepts', () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ 'fail-below': 'Z' }, "Invalid fail-below 'Z': expected one of A+, A, B, C, D, F"],
    [{ 'fail-on-severity': 'urgent' }, "Invalid fail-on-severity 'urgent': expected one of critical, high, medium, low, info"],
    [{ depth: 'FULL' }, "Invalid depth 'FULL': expected one of QUICK, STANDARD, DEEP"],
    [{ mode: 'cloud' }, "Invalid mode 'cloud': expected one of auto, api, bundled"],
    [{ comment: 'yes' }, "Invalid comment 'yes': expected one of true, false"],
    [{ 'upload-report': '' }, "Invalid upload-report '': expected one of true, false"],
    [{ url: '' }, 'Input url is required: the address of the site to scan, such as https://preview.example.com'],
    [{ url: 'ftp://example.com' }, "Invalid url 'ftp://example.com': expected an absolute http(s) URL such as https://preview.example.com"],
    [{ url: 'preview.example.com' }, "Invalid url 'preview.example.com': expected an absolute http(s) URL such as https://preview.example.com"],
    [{ url: 'https://user:pw@example.com' }, "Invalid url 'https://user:pw@example.com': expected no user name or password in the URL"],
    [{ 'api-url': 'not a url' }, "Invalid api-url 'not a url': expected an absolute http(s) URL such as https://preview.example.com"],
    [{ timeout: '0' }, "Invalid timeout '0': expected a number of minutes from 0.1 to 360"],
    [{ 'wait-for-url': '1.5' }, "Invalid wait-for-url '1.5': expected a whole number of seconds from 0 to 3600"],
    [{ 'artifact-name': 'report/pr' }, 'Invalid artifact-name \'report/pr\': expected a name without "/"'],
    [{ mode: 'api' }, "Input api-key is required when mode is 'api': pass it from a secret (api-key: ${{ secrets.ISSAFESITE_API_KEY }}), or use mode 'bundled'."],
  ];
  for (const [inputs, message] of cases) {
    test(`${JSON.stringify(inputs)}`, () => {
      withInputs(inputs);
      expect(() => readSettings()).toThrow(message);
    });
  }

  test('a URL over 2048 characters', () => {
    withInputs({ url: `https://example.com/${'a'.repeat(2048)}` });
    expect(() => readSettings()).toThrow(/expected at most 2048 characters/);
  });
});
