import type { ScanListBody } from '../../../../src/contract/api.js';
import type { Account, Store } from '../../store/store.js';
import type { ReadCache } from '../read-cache.js';

/** What a service function needs: the store, the clock and the caller's account. */
export interface ServiceContext {
  store: Store;
  now: () => number;
  account: Account;
  /** Told about every new scan (the worker is woken by it). */
  onScanCreated?: (scanId: string) => void;
  /** Scan lists kept while nothing changes; shared by the app's requests. */
  scanLists?: ReadCache<ScanListBody>;
}
