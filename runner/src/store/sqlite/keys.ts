// API keys: only a SHA-256 hash and a short display prefix are stored.
import type { ApiKeyWithAccount, KeyStore } from '../store.js';
import type { AccountRow } from './accounts.js';
import { toAccount } from './accounts.js';
import type { SqlDriver } from './driver.js';

interface KeyRow {
  id: string;
  account_id: string;
  prefix: string;
  key_hash: Uint8Array;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  account_name: string;
  account_plan: AccountRow['plan'];
  account_created_at: number;
}

const SELECT = `
  SELECT k.id, k.account_id, k.prefix, k.key_hash, k.created_at, k.expires_at, k.revoked_at,
         a.name AS account_name, a.plan AS account_plan, a.created_at AS account_created_at
  FROM api_keys k JOIN accounts a ON a.id = k.account_id`;

const toKey = (row: KeyRow): ApiKeyWithAccount => ({
  id: row.id,
  accountId: row.account_id,
  prefix: row.prefix,
  hash: Buffer.from(row.key_hash),
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  account: toAccount({ id: row.account_id, name: row.account_name, plan: row.account_plan, created_at: row.account_created_at }),
});

/** `LIKE` with the user's text matched literally. */
const likePrefix = (text: string): string => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function keyStore(db: SqlDriver): KeyStore {
  return {
    async insertApiKey(key) {
      db.run('INSERT INTO api_keys (id, account_id, prefix, key_hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)', [
        key.id,
        key.accountId,
        key.prefix,
        key.hash,
        key.createdAt,
        key.expiresAt,
      ]);
    },
    async findApiKeysByPrefix(prefix) {
      return db.all<KeyRow>(`${SELECT} WHERE k.prefix = ?`, [prefix]).map(toKey);
    },
    async listApiKeys(prefixStart) {
      const rows =
        prefixStart === undefined
          ? db.all<KeyRow>(`${SELECT} ORDER BY k.created_at DESC, k.rowid DESC`)
          : db.all<KeyRow>(`${SELECT} WHERE k.prefix LIKE ? ESCAPE '\\' ORDER BY k.created_at DESC, k.rowid DESC`, [likePrefix(prefixStart)]);
      return rows.map(toKey);
    },
    async revokeApiKey(id, now) {
      return db.run('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now, id]).changes === 1;
    },
    async countUsableApiKeys(now) {
      return db.get<{ n: number }>('SELECT COUNT(*) AS n FROM api_keys WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)', [now])?.n ?? 0;
    },
  };
}
