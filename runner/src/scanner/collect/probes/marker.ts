// Unique, harmless markers for probes: lower-case letters and digits only, so they survive any encoding
// and cannot be mistaken for anything a site would write by itself.
import { randomBytes } from 'node:crypto';

export function marker(bytes = 6): string {
  return randomBytes(bytes).toString('hex');
}
