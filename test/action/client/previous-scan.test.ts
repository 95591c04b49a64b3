// The scan to compare with: the latest COMPLETED scan of the same URL before this one.
import { afterEach, expect, test } from 'vitest';
import { createApiClient } from '../../../src/client/api-client.js';
import { previousScan, PREVIOUS_SCAN_PAGES } from '../../../src/client/previous-scan.js';
import { completedView } from '../../../src/scan-view.js';
import type { ScanView } from '../../../src/scan-view.js';
import { startFakeApi } from './support/fake-api.js';
import type { FakeApi } from './support/fake-api.js';
import { fakeClock } from './support/fake-clock.js';
import { detail, page, summary, URL_SCANNED } from './support/bodies.js';
import type { ScanSummaryBody } from '../../../src/contract/api.js';

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const current: ScanView = completedView(detail({ id: 'ccurrent0000000000000000', createdAt: '2026-11-20T10:00:00.000Z' }))!;
const at = (minutesBefore: number) => new Date(Date.parse('2026-11-20T10:00:00.000Z') - minutesBefore * 60_000).toISOString();

async function previousFrom(pages: ScanSummaryBody[][]) {
  const clock = fakeClock();
  api = await startFakeApi((req) => {
    const p = Number(req.query.get('page'));
    return { status: 200, json: page(pages[p - 1] ?? [], p, pages.length) };
  }, clock);
  const client = createApiClient({ apiUrl: api.apiUrl, apiKey: 'iss_k', userAgent: 'test', clock });
  return { previous: await previousScan(client, current), api };
}

test('skips this scan, newer scans and other URLs of the domain, and returns the latest one before', async () => {
  const { previous, api } = await previousFrom([
    [
      summary({ id: 'cnewer00000000000000000000', createdAt: at(-1), grade: 'A', overallScore: 95 }),
      summary({ id: current.id, createdAt: current.createdAt }),
      summary({ id: 'cother00000000000000000000', targetUrl: 'https://preview.example.com/pricing', createdAt: at(5), grade: 'A' }),
      summary({ id: 'cbefore0000000000000000000', createdAt: at(10), grade: 'D', overallScore: 61, securityScore: 50, seoScore: 70, trafficScore: 72 }),
      summary({ id: 'colder00000000000000000000', createdAt: at(20), grade: 'F' }),
    ],
  ]);
  expect(previous).toEqual({ grade: 'D', overallScore: 61, securityScore: 50, seoScore: 70, trafficScore: 72 });
  expect(api.requests).toHaveLength(1);
  expect(Object.fromEntries(api.requests[0]!.query)).toEqual({ domain: 'preview.example.com', status: 'COMPLETED', page: '1', limit: '50' });
});

test('reads further pages, but not the whole history', async () => {
  const others = (n: number) => Array.from({ length: 50 }, (_, i) => summary({ id: `c${String(n * 100 + i).padStart(24, '0')}`, targetUrl: `${URL_SCANNED}other`, createdAt: at(n * 60 + i + 1) }));
  const found = await previousFrom([others(0), [...others(1).slice(0, 10), summary({ id: 'cfound00000000000000000000', createdAt: at(200), grade: 'B' })]]);
  expect(found.previous?.grade).toBe('B');
  expect(found.api.requests.map((r) => r.query.get('page'))).toEqual(['1', '2']);
  await api?.close();

  const none = await previousFrom(Array.from({ length: 10 }, (_, n) => others(n)));
  expect(none.previous).toBeUndefined();
  expect(none.api.requests).toHaveLength(PREVIOUS_SCAN_PAGES);
});

test('a first scan has no previous one', async () => {
  expect((await previousFrom([[summary({ id: current.id, createdAt: current.createdAt })]])).previous).toBeUndefined();
});
