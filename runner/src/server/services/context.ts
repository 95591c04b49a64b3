import type { Account, Store } from '../../store/store.js';

/** What a service function needs: the store, the clock and the caller's account. */
export interface ServiceContext {
  store: Store;
  now: () => number;
  account: Account;
  /** Told about every new scan (the worker is woken by it). */
  onScanCreated?: (scanId: string) => void;
}
