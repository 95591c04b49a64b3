// issafesite-runner keys create|list|revoke: the runner has no dashboard, so accounts and keys are
// managed here. A new key is printed alone on stdout (so `KEY=$(… keys create …)` works) and never again.
import { issueApiKey } from '../auth/api-keys.js';
import { loadConfig } from '../config.js';
import type { Plan } from '../plans.js';
import { PLANS } from '../plans.js';
import { iso } from '../server/present.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { ApiKeyWithAccount, Store } from '../store/store.js';
import { UsageError, parse, reportFailure } from './usage.js';

export const USAGE = `Usage:
  issafesite-runner keys create --account NAME [--plan FREE|PRO|ENTERPRISE] [--expires 90d] [--db PATH]
  issafesite-runner keys list [--db PATH]
  issafesite-runner keys revoke PREFIX [--db PATH]

create makes the account when it is new (FREE unless --plan says otherwise) and sets its plan when
--plan is given. --expires takes days or hours (90d, 12h) or a date (2026-12-31). The key is shown once.`;

const OPTIONS = {
  db: { type: 'string' },
  account: { type: 'string' },
  plan: { type: 'string' },
  expires: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const DAY_MS = 86_400_000;

export function parseExpiry(text: string, now: number): number {
  const duration = /^(\d{1,5})([dh])$/.exec(text);
  if (duration !== null) {
    const n = Number(duration[1]);
    if (n > 0) return now + n * (duration[2] === 'd' ? DAY_MS : 3_600_000);
  } else if (/^\d{4}-\d\d-\d\d(T[\d:.]+Z)?$/.test(text) && !Number.isNaN(Date.parse(text)) && Date.parse(text) > now) {
    return Date.parse(text);
  }
  throw new UsageError(`--expires must be a number of days or hours such as 90d or 12h, or a future date such as 2026-12-31 (got "${text}").`);
}

function parsePlan(text: string | undefined): Plan | undefined {
  if (text === undefined) return undefined;
  const plan = text.toUpperCase();
  if (!(PLANS as readonly string[]).includes(plan)) throw new UsageError(`--plan must be FREE, PRO or ENTERPRISE (got "${text}").`);
  return plan as Plan;
}

function parseAccount(text: string | undefined): string {
  if (text === undefined) throw new UsageError('keys create needs --account NAME.');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(text)) throw new UsageError(`--account must be 1 to 64 letters, digits, dots, dashes or underscores (got "${text}").`);
  return text;
}

const status = (key: ApiKeyWithAccount, now: number): string =>
  key.revokedAt !== null ? `revoked ${iso(key.revokedAt)}` : key.expiresAt !== null && key.expiresAt <= now ? 'expired' : 'active';

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

async function create(store: Store, values: { account?: string; plan?: string; expires?: string }, now: number): Promise<number> {
  const accountName = parseAccount(values.account);
  const plan = parsePlan(values.plan);
  const expiresAt = values.expires === undefined ? null : parseExpiry(values.expires, now);
  const issued = await issueApiKey(store, { accountName, plan, expiresAt, now });
  process.stderr.write(
    `Created key ${issued.prefix}… for account "${issued.account.name}" (${plan ?? issued.account.plan} plan)${expiresAt === null ? '' : `, expiring ${iso(expiresAt)}`}. It is shown only this once:\n`,
  );
  process.stdout.write(`${issued.key}\n`);
  return 0;
}

async function list(store: Store, now: number): Promise<number> {
  const keys = await store.listApiKeys();
  if (keys.length === 0) {
    process.stderr.write('No API keys yet: create one with `issafesite-runner keys create --account NAME`.\n');
    return 0;
  }
  const rows = [['PREFIX', 'ACCOUNT', 'PLAN', 'CREATED', 'EXPIRES', 'STATUS']];
  for (const k of keys) rows.push([k.prefix, k.account.name, k.account.plan, iso(k.createdAt), k.expiresAt === null ? 'never' : iso(k.expiresAt), status(k, now)]);
  process.stdout.write(`${table(rows)}\n`);
  return 0;
}

async function revoke(store: Store, prefix: string | undefined, now: number): Promise<number> {
  if (prefix === undefined || prefix.length < 4) throw new UsageError('keys revoke needs the prefix of the key (at least 4 characters, as `keys list` shows it).');
  const matches = await store.listApiKeys(prefix);
  const exact = matches.filter((k) => k.prefix === prefix);
  const candidates = exact.length > 0 ? exact : matches;
  if (candidates.length === 0) {
    process.stderr.write(`No key starts with "${prefix}": see \`issafesite-runner keys list\`.\n`);
    return 1;
  }
  if (candidates.length > 1) {
    process.stderr.write(`${candidates.length} keys start with "${prefix}" (${candidates.map((k) => k.prefix).join(', ')}): give more characters.\n`);
    return 1;
  }
  const [key] = candidates as [ApiKeyWithAccount];
  if (!(await store.revokeApiKey(key.id, now))) {
    process.stderr.write(`Key ${key.prefix}… of account "${key.account.name}" was already revoked on ${iso(key.revokedAt ?? now)}.\n`);
    return 0;
  }
  process.stderr.write(`Revoked key ${key.prefix}… of account "${key.account.name}": it is refused from now on.\n`);
  return 0;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const { values, positionals } = parse(argv, OPTIONS, true);
    const [action, ...rest] = positionals;
    if (values.help === true) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (action === undefined || !['create', 'list', 'revoke'].includes(action)) {
      throw new UsageError(action === undefined ? 'keys needs an action: create, list or revoke.' : `Unknown keys action "${action}".`);
    }
    if (rest.length > (action === 'revoke' ? 1 : 0)) throw new UsageError(`Unexpected argument "${rest.at(-1) ?? ''}".`);
    const config = loadConfig(env, { db: values.db });
    const now = Date.now();
    // Usage mistakes are found before the database is opened (and perhaps created).
    if (action === 'create') {
      parseAccount(values.account);
      parsePlan(values.plan);
      if (values.expires !== undefined) parseExpiry(values.expires, now);
    }
    const store = await openSqliteStore(config.db, config.sqliteDriver);
    try {
      if (action === 'create') return await create(store, values, now);
      if (action === 'list') return await list(store, now);
      return await revoke(store, rest[0], now);
    } finally {
      await store.close();
    }
  } catch (error) {
    return reportFailure(error, USAGE);
  }
}
