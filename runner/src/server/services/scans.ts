// Creating, listing and reading scans.
import { createHash } from 'node:crypto';
import type { CreateScanInput, ListScansParams, ScanCreatedBody, ScanDetailBody, ScanListBody } from '../../../../src/contract/api.js';
import { SCAN_ID_PATTERN } from '../../../../src/contract/api.js';
import { newScanId } from '../../ids.js';
import { PLAN_LIMITS, nextPeriodStart, usagePeriod } from '../../plans.js';
import { badRequest, notFound, tooManyRequests } from '../errors.js';
import { iso, pagination, scanCreated, scanDetail, scanSummary } from '../present.js';
import type { ServiceContext } from './context.js';

/** Stripe keeps idempotency keys for 24 hours; so do we. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The host name of a URL, without the brackets of an IPv6 literal. */
export const domainOf = (url: string): string => new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');

export async function createScan(ctx: ServiceContext, input: CreateScanInput, idempotencyKey: string | undefined): Promise<{ body: ScanCreatedBody; replayed: boolean }> {
  const now = ctx.now();
  const { plan } = ctx.account;
  const limits = PLAN_LIMITS[plan];
  const period = usagePeriod(new Date(now));
  const outcome = await ctx.store.createScan(
    { id: newScanId(), accountId: ctx.account.id, url: input.url, domain: domainOf(input.url), depth: input.depth, createdAt: now },
    {
      monthlyLimit: limits.scansPerMonth,
      period,
      idempotency:
        idempotencyKey === undefined
          ? undefined
          : { key: idempotencyKey, fingerprint: createHash('sha256').update(JSON.stringify([input.url, input.depth])).digest('hex'), notBefore: now - IDEMPOTENCY_WINDOW_MS },
    },
  );
  switch (outcome.kind) {
    case 'created':
      ctx.onScanCreated?.(outcome.scan.id);
      return { body: scanCreated(outcome.scan), replayed: false };
    case 'replayed':
      return { body: scanCreated(outcome.scan), replayed: true };
    case 'idempotency-conflict':
      throw badRequest('This Idempotency-Key was already used for a different request: send a new key for a new scan.');
    case 'quota-exceeded': {
      const resets = nextPeriodStart(new Date(now));
      throw tooManyRequests(
        `Monthly scan quota reached: the ${plan} plan allows ${limits.scansPerMonth ?? 0} scans per calendar month (UTC) and ${outcome.used} were created in ${period}; the quota resets on ${iso(resets.getTime())}.`,
        Math.max(1, Math.ceil((resets.getTime() - now) / 1000)),
      );
    }
  }
}

export async function listScans(ctx: ServiceContext, query: ListScansParams): Promise<ScanListBody> {
  const load = async (): Promise<ScanListBody> => {
    const { rows, total } = await ctx.store.listScans(ctx.account.id, { status: query.status, domain: query.domain }, { offset: (query.page - 1) * query.limit, limit: query.limit });
    return { data: rows.map(scanSummary), pagination: pagination(query.page, query.limit, total) };
  };
  if (ctx.scanLists === undefined) return load();
  const key = JSON.stringify([ctx.account.id, query.status, query.domain, query.page, query.limit]);
  return ctx.scanLists.read(key, ctx.store.changeMark?.(), load);
}

export async function getScan(ctx: ServiceContext, id: string): Promise<ScanDetailBody> {
  // Another account's scan answers exactly like a scan that does not exist.
  const scan = SCAN_ID_PATTERN.test(id) ? await ctx.store.getScan(ctx.account.id, id) : undefined;
  if (scan === undefined) throw notFound(`No scan ${JSON.stringify(id.slice(0, 64))} in this account.`);
  return scanDetail(scan);
}
