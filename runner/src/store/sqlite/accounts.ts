// Accounts and their usage counters.
import type { Plan } from '../../plans.js';
import { newRowId } from '../../ids.js';
import type { Account, AccountStore } from '../store.js';
import type { SqlDriver } from './driver.js';

export interface AccountRow {
  id: string;
  name: string;
  plan: Plan;
  created_at: number;
}

export const toAccount = (row: AccountRow): Account => ({ id: row.id, name: row.name, plan: row.plan, createdAt: row.created_at });

export function accountStore(db: SqlDriver): AccountStore {
  const byName = (name: string) => db.get<AccountRow>('SELECT id, name, plan, created_at FROM accounts WHERE name = ?', [name]);
  return {
    async ensureAccount(name, plan, now) {
      return db.transaction(() => {
        const existing = byName(name);
        if (existing === undefined) {
          const row: AccountRow = { id: newRowId('acct'), name, plan: plan ?? 'FREE', created_at: now };
          db.run('INSERT INTO accounts (id, name, plan, created_at) VALUES (?, ?, ?, ?)', [row.id, row.name, row.plan, row.created_at]);
          return { account: toAccount(row), created: true, planChanged: false };
        }
        if (plan !== undefined && plan !== existing.plan) {
          db.run('UPDATE accounts SET plan = ? WHERE id = ?', [plan, existing.id]);
          return { account: toAccount({ ...existing, plan }), created: false, planChanged: true };
        }
        return { account: toAccount(existing), created: false, planChanged: false };
      });
    },
    async getAccountByName(name) {
      const row = byName(name);
      return row === undefined ? undefined : toAccount(row);
    },
    async getUsage(accountId, period) {
      return db.get<{ scans: number }>('SELECT scans FROM usage_counters WHERE account_id = ? AND period = ?', [accountId, period])?.scans ?? 0;
    },
  };
}
