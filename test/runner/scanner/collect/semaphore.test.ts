import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../../../runner/src/scanner/collect/semaphore.js';

describe('Semaphore', () => {
  it('grants up to the limit at once and the next waiter when a holder releases, in order', async () => {
    const s = new Semaphore(2);
    const a = await s.acquire();
    await s.acquire();
    const order: string[] = [];
    const third = s.acquire().then((release) => (order.push('third'), release));
    const fourth = s.acquire().then((release) => (order.push('fourth'), release));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    a();
    a(); // releasing twice frees one slot only
    (await third)();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
    expect(s.active).toBe(1);
  });

  it('rejects a waiter whose signal aborts and gives its turn to the next', async () => {
    const s = new Semaphore(1);
    const held = await s.acquire();
    const controller = new AbortController();
    const cancelled = s.acquire(controller.signal);
    const next = s.acquire();
    controller.abort(new Error('stop'));
    await expect(cancelled).rejects.toThrow('stop');
    held();
    (await next)();
    expect(s.active).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
