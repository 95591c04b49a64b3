// The one place that reads the action's inputs (action.yml). Everything below main.ts receives the typed
// Settings; an invalid input stops the run with a message naming the input and what it accepts.
import * as core from '@actions/core';
import { DEPTHS, GRADES, SEVERITIES } from './scan-view.js';
import type { Depth } from './scan-view.js';
import type { Threshold } from './threshold.js';

export const MODES = ['auto', 'api', 'bundled'] as const;
export type Mode = Exclude<(typeof MODES)[number], 'auto'>;

export const HOSTED_API_URL = 'https://issafesite.com/api/v1';

export interface Settings {
  url: string;
  /** api when an api-key is given (or mode: api), else bundled: the runner started in-process. */
  mode: Mode;
  apiUrl: string;
  apiKey?: string;
  depth: Depth;
  threshold: Threshold;
  comment: boolean;
  checkRun: boolean;
  uploadReport: boolean;
  /** The report artifact's name; when unset the action makes one that no other job of the run uses. */
  artifactName?: string;
  sarifFile?: string;
  waitForUrlSeconds: number;
  timeoutMinutes: number;
  githubToken?: string;
  /** The job's matrix as JSON (action.yml default `${{ toJSON(matrix) }}`), for the default artifact name. */
  matrix?: string;
}

export class InputError extends Error {
  override name = 'InputError';
}

export function readSettings(): Settings {
  const apiKey = optional('api-key');
  // Masked before anything else can log it (SPEC §7).
  if (apiKey) core.setSecret(apiKey);

  const mode = oneOf('mode', MODES, 'auto');
  if (mode === 'api' && !apiKey) {
    throw new InputError("Input api-key is required when mode is 'api': pass it from a secret (api-key: ${{ secrets.ISSAFESITE_API_KEY }}), or use mode 'bundled'.");
  }

  return {
    url: targetUrl(),
    mode: mode === 'auto' ? (apiKey ? 'api' : 'bundled') : mode,
    apiUrl: httpUrl('api-url', optional('api-url') ?? HOSTED_API_URL).href.replace(/\/+$/, ''),
    apiKey,
    depth: oneOf('depth', DEPTHS, 'STANDARD', (v) => v.toUpperCase()),
    threshold: {
      failBelow: optionalOneOf('fail-below', GRADES, (v) => v.toUpperCase()),
      failOnSeverity: optionalOneOf('fail-on-severity', SEVERITIES, (v) => v.toLowerCase()),
    },
    comment: bool('comment'),
    checkRun: bool('check-run'),
    uploadReport: bool('upload-report'),
    artifactName: artifactName(),
    sarifFile: optional('sarif-file'),
    waitForUrlSeconds: number('wait-for-url', 0, { min: 0, max: 3600, integer: true, unit: 'seconds' }),
    // Down to 6 s: a QUICK scan of a site the job serves itself ends in seconds. 360 minutes is a job's own limit.
    timeoutMinutes: number('timeout', 10, { min: 0.1, max: 360, integer: false, unit: 'minutes' }),
    githubToken: optional('github-token'),
    matrix: optional('matrix'),
  };
}

function optional(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

function oneOf<T extends string>(name: string, accepted: readonly T[], fallback: T, normalise = (v: string) => v): T {
  return optionalOneOf(name, accepted, normalise) ?? fallback;
}

function optionalOneOf<T extends string>(name: string, accepted: readonly T[], normalise = (v: string) => v): T | undefined {
  const raw = optional(name);
  if (raw === undefined) return undefined;
  const value = normalise(raw);
  if ((accepted as readonly string[]).includes(value)) return value as T;
  throw new InputError(`Invalid ${name} '${raw}': expected one of ${accepted.join(', ')}`);
}

// The YAML 1.2 core schema booleans, as core.getBooleanInput accepts them; read here so that the error names
// the accepted values in one line. action.yml gives every boolean a default.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

function bool(name: string): boolean {
  const raw = core.getInput(name);
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new InputError(`Invalid ${name} '${raw}': expected one of true, false`);
}

function number(name: string, fallback: number, rule: { min: number; max: number; integer: boolean; unit: string }): number {
  const raw = optional(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < rule.min || value > rule.max || (rule.integer && !Number.isInteger(value))) {
    const kind = rule.integer ? 'a whole number' : 'a number';
    throw new InputError(`Invalid ${name} '${raw}': expected ${kind} of ${rule.unit} from ${rule.min} to ${rule.max}`);
  }
  return value;
}

function targetUrl(): string {
  const raw = optional('url');
  if (raw === undefined) throw new InputError('Input url is required: the address of the site to scan, such as https://preview.example.com');
  // The API's own rule (SPEC §3): absolute http(s) with a host, at most 2048 characters, no userinfo.
  // Sent as given, so the API sees the same URL on every run (the comment marker and the previous scan use it).
  const url = raw.trim();
  const parsed = httpUrl('url', url);
  if (url.length > 2048) throw new InputError(`Invalid url '${url.slice(0, 60)}…': expected at most 2048 characters`);
  if (parsed.username || parsed.password) throw new InputError(`Invalid url '${url}': expected no user name or password in the URL`);
  return url;
}

function httpUrl(name: string, raw: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    throw new InputError(`Invalid ${name} '${raw}': expected an absolute http(s) URL such as https://preview.example.com`);
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    throw new InputError(`Invalid ${name} '${raw}': expected an absolute http(s) URL such as https://preview.example.com`);
  }
  return parsed;
}

// The characters @actions/artifact refuses in a name (upload/path-and-artifact-name-validation.js).
const ARTIFACT_NAME_FORBIDDEN = ['"', ':', '<', '>', '|', '*', '?', '\\', '/', '\r', '\n'];

function artifactName(): string | undefined {
  const raw = optional('artifact-name');
  if (raw === undefined) return undefined;
  const bad = ARTIFACT_NAME_FORBIDDEN.filter((c) => raw.includes(c));
  if (bad.length > 0) {
    const shown = bad.map((c) => JSON.stringify(c)).join(' ');
    throw new InputError(`Invalid artifact-name '${raw}': expected a name without ${shown}`);
  }
  return raw;
}
