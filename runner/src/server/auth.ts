// Authentication (401 for a missing or malformed header, 403 for a key that is unknown, revoked or
// expired, as the hosted service documents) and the per-minute rate limit of the key's plan.
import type { RequestHandler, Response } from 'express';
import { verifyApiKey } from '../auth/api-keys.js';
import type { Account, ApiKeyWithAccount, Store } from '../store/store.js';
import { forbidden, tooManyRequests, unauthorized } from './errors.js';
import { iso } from './present.js';
import type { RequestRateLimiter } from './rate-limit.js';
import { ReadCache } from './read-cache.js';

/** RFC 6750's b64token: the characters a bearer token may hold. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export function authenticate(store: Store, limiter: RequestRateLimiter, now: () => number): RequestHandler {
  // Key records are read again only when something was written (a revocation by `keys revoke` included);
  // the hash comparison and the expiry check run on every request.
  const keyRecords = new ReadCache<ApiKeyWithAccount[]>(1_000);
  const keys = { findApiKeysByPrefix: (prefix: string) => keyRecords.read(prefix, store.changeMark?.(), () => store.findApiKeysByPrefix(prefix)) };
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined || header.trim() === '') throw unauthorized('Missing API key: send it as "Authorization: Bearer YOUR_API_KEY".');
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) throw unauthorized('Malformed Authorization header: expected "Authorization: Bearer YOUR_API_KEY".');

    const check = await verifyApiKey(keys, token, now());
    if (!check.ok) {
      if (check.reason === 'revoked') throw forbidden('This API key was revoked: use another key or create one with `issafesite-runner keys create`.');
      if (check.reason === 'expired') throw forbidden(`This API key expired on ${iso(check.key.expiresAt ?? 0)}: create a new one with \`issafesite-runner keys create\`.`);
      throw forbidden('Invalid API key: check the key you send in the Authorization header.');
    }

    const decision = await limiter.consume(check.account);
    res.set({ 'RateLimit-Limit': String(decision.limit), 'RateLimit-Remaining': String(decision.remaining), 'RateLimit-Reset': String(decision.resetSeconds) });
    if (!decision.allowed) {
      throw tooManyRequests(
        `Rate limit exceeded: the ${check.account.plan} plan allows ${decision.limit} API requests per minute; retry in ${decision.resetSeconds} seconds.`,
        decision.resetSeconds,
      );
    }
    res.locals.account = check.account;
    next();
  };
}

/** The account authenticate() found for this request. */
export function accountOf(res: Response): Account {
  const account = res.locals.account as Account | undefined;
  if (account === undefined) throw new Error('accountOf() called on a route without authenticate()');
  return account;
}
