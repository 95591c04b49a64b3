// Unguessable ids (SPEC §3: at least 120 bits of randomness). 24 characters from 36 give 24·log2(36) ≈ 124 bits.
import { randomBytes } from 'node:crypto';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * `length` characters drawn uniformly from `alphabet`. Bytes at or above the largest multiple of the
 * alphabet's size are thrown away (rejection sampling), so `byte % size` favours no character.
 */
export function randomString(length: number, alphabet: string): string {
  const size = alphabet.length;
  const limit = 256 - (256 % size);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= limit) continue;
      out += alphabet[byte % size];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A scan id: "c" + 24 lowercase alphanumerics, the shape of the hosted service's ids. */
export const newScanId = (): string => `c${randomString(24, LOWER_ALNUM)}`;
/** A report id: "rpt_" + 24 lowercase alphanumerics. */
export const newReportId = (): string => `rpt_${randomString(24, LOWER_ALNUM)}`;
/** Internal row ids for accounts and keys (never secret, but unguessable all the same). */
export const newRowId = (prefix: string): string => `${prefix}_${randomString(24, LOWER_ALNUM)}`;
/** The secret part of an API key: 40 base62 characters ≈ 238 bits. */
export const newKeySecret = (): string => randomString(40, BASE62);
