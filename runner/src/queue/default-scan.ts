// The worker's default scan function: the engine (runner/src/scanner/engine.ts) is plugged in here and
// only here. Once the engine is part of the build this file is the single line
//   export { scan as defaultRunScan } from '../scanner/engine.js';
// until then every scan fails with a sentence saying so.
import { ScanError } from '../scanner/errors.js';
import type { RunScan } from './types.js';

export const defaultRunScan: RunScan = async () => {
  throw new ScanError('NETWORK', 'This runner was built without the scan engine.');
};
