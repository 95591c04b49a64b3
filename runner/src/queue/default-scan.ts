// The worker's default scan function. The engine (runner/src/scanner/engine.ts) is plugged in here and
// only here; until it is part of the build every scan fails with a sentence saying so.
import { ScanError } from '../scanner/errors.js';
import type { RunScan } from './types.js';

export const defaultRunScan: RunScan = async () => {
  throw new ScanError('NETWORK', 'This runner was built without the scan engine.');
};
