// API keys: random, shown once, stored as a SHA-256 hash with a short display prefix, compared in
// constant time. A key is found by its prefix (not secret) and then proven by its hash.
import { createHash, timingSafeEqual } from 'node:crypto';
import { newKeySecret, newRowId } from '../ids.js';
import type { Plan } from '../plans.js';
import type { Account, ApiKeyWithAccount, Store } from '../store/store.js';

/** "iss_" and 40 base62 characters (≈ 238 bits). */
export const KEY_TAG = 'iss_';
/** Characters of a key kept in clear: the tag and 8 random characters, enough to tell keys apart in a list. */
export const PREFIX_LENGTH = 12;

export const keyPrefix = (key: string): string => key.slice(0, PREFIX_LENGTH);
export const hashKey = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

export function generateApiKey(): string {
  return `${KEY_TAG}${newKeySecret()}`;
}

export type KeyCheck =
  | { ok: true; account: Account; key: ApiKeyWithAccount }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'revoked' | 'expired'; key: ApiKeyWithAccount };

export async function verifyApiKey(store: Pick<Store, 'findApiKeysByPrefix'>, presented: string, now: number): Promise<KeyCheck> {
  const hash = hashKey(presented);
  const candidates = await store.findApiKeysByPrefix(keyPrefix(presented));
  // Every candidate is compared, so the time taken does not depend on which one matched.
  let match: ApiKeyWithAccount | undefined;
  for (const candidate of candidates) {
    if (candidate.hash.length === hash.length && timingSafeEqual(candidate.hash, hash)) match = candidate;
  }
  if (match === undefined) return { ok: false, reason: 'unknown' };
  if (match.revokedAt !== null) return { ok: false, reason: 'revoked', key: match };
  if (match.expiresAt !== null && match.expiresAt <= now) return { ok: false, reason: 'expired', key: match };
  return { ok: true, account: match.account, key: match };
}

export interface IssuedKey {
  /** The key itself: shown once, never stored. */
  key: string;
  prefix: string;
  account: Account;
  expiresAt: number | null;
}

/** Creates a key for an account (created when new; its plan set when `plan` is given). */
export async function issueApiKey(store: Store, options: { accountName: string; plan?: Plan; expiresAt?: number | null; now: number; key?: string }): Promise<IssuedKey> {
  const { account } = await store.ensureAccount(options.accountName, options.plan, options.now);
  const key = options.key ?? generateApiKey();
  const expiresAt = options.expiresAt ?? null;
  await store.insertApiKey({ id: newRowId('key'), accountId: account.id, prefix: keyPrefix(key), hash: hashKey(key), createdAt: options.now, expiresAt });
  return { key, prefix: keyPrefix(key), account, expiresAt };
}

/** The account RUNNER_BOOTSTRAP_KEY belongs to. */
export const BOOTSTRAP_ACCOUNT = 'bootstrap';

/**
 * Seeds RUNNER_BOOTSTRAP_KEY as an ENTERPRISE key (for Docker and CI). Idempotent: a key already stored
 * is left alone (and stays revoked if it was revoked). A new value replaces the previous one: the other
 * keys of the bootstrap account are revoked, so rotating the variable really retires the old key.
 */
export async function seedBootstrapKey(store: Store, key: string, now: number): Promise<'created' | 'present'> {
  const check = await verifyApiKey(store, key, now);
  if (check.ok || check.reason !== 'unknown') return 'present';
  const issued = await issueApiKey(store, { accountName: BOOTSTRAP_ACCOUNT, plan: 'ENTERPRISE', now, key });
  for (const old of await store.listApiKeys()) {
    if (old.account.id === issued.account.id && old.prefix !== issued.prefix && old.revokedAt === null) await store.revokeApiKey(old.id, now);
  }
  return 'created';
}
