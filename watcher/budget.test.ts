import { describe, expect, it } from 'vitest';
import { createBudget } from './budget.ts';

describe('the rate budget', () => {
  it("keeps to its share of the tenant's limit in any minute, learning the limit from the API", async () => {
    let now = 0;
    const waits: number[] = [];
    const budget = createBudget(0.1, {
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    expect(budget.allowed()).toBe(120);
    budget.setLimit(100);
    expect(budget.allowed()).toBe(10);
    for (let i = 0; i < 10; i += 1) {
      await budget.take();
      now += 1000;
    }
    expect(waits).toEqual([]);
    expect(budget.used()).toBe(10);
    await budget.take(); // the 11th waits until the first leaves the minute
    expect(waits).toEqual([50_000]);
    expect(now).toBe(60_000);
    budget.setLimit(null);
    expect(budget.allowed()).toBe(10);
  });

  it('is not lifted by an absurd X-RateLimit-Limit: a minute still holds only its share of 1,200', async () => {
    let now = 0;
    const budget = createBudget(0.1, {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    for (const absurd of [1e9, 12_001, 0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      budget.setLimit(absurd);
      expect(budget.allowed(), String(absurd)).toBe(120);
    }
    // Requests as fast as it lets them: 120 in the first minute, none more.
    const sentAt: number[] = [];
    while (now < 60_000) {
      await budget.take();
      sentAt.push(now);
    }
    expect(sentAt.filter((t) => t < 60_000)).toHaveLength(120);
  });
});
