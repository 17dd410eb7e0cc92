// Notices are kept noticeRetentionDays (90 by default), then deleted with their deliveries.
import { describe, expect, it } from 'vitest';
import { startNoticeRetention } from './retention.ts';
import { clock, DAY, notice, T0, testStore } from './store/test-support.ts';

describe('notice retention', () => {
  it('deletes notices older than the retention when the watcher starts, and keeps the rest', () => {
    const time = clock(T0 - 91 * DAY);
    const store = testStore(undefined, time.now);
    store.notices.record(notice('old'));
    store.notices.recordDelivery('old', 'hooks', { ok: true, attempts: 1, at: time.now() });
    time.set(T0 - 89 * DAY);
    store.notices.record(notice('recent'));
    time.set(T0);
    const lines: string[] = [];
    const logger = {
      info: (message: string, fields?: object) =>
        lines.push(`${message} ${JSON.stringify(fields)}`),
      error: (message: string) => lines.push(message),
    };
    const retention = startNoticeRetention({
      notices: store.notices,
      days: 90,
      now: time.now,
      logger,
    });
    retention.stop();
    expect(store.notices.recent(10).map((h) => h.notice.key)).toEqual(['recent']);
    expect(lines).toEqual(['old notices deleted {"deleted":1,"retentionDays":90}']);
  });
});
