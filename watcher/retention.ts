// Notices (and their deliveries) are kept `noticeRetentionDays` (90 by default), as runs are kept
// 30 days: pruned when the watcher starts and every hour while it runs.
import type { Logger } from '../server-kit/log.ts';
import type { NoticesStore } from './store/store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const EVERY_MS = 60 * 60 * 1000;

/** Deletes the notices recorded more than `days` before `now`; returns how many. */
export function pruneNotices(notices: Pick<NoticesStore, 'prune'>, days: number, now: number) {
  return notices.prune(now - days * DAY_MS);
}

/** Prunes now, then every hour until stopped. */
export function startNoticeRetention(options: {
  notices: Pick<NoticesStore, 'prune'>;
  days: number;
  now: () => number;
  logger: Pick<Logger, 'info' | 'error'>;
}): { stop(): void } {
  const { notices, days, now, logger } = options;
  const prune = () => {
    try {
      const deleted = pruneNotices(notices, days, now());
      if (deleted > 0) logger.info('old notices deleted', { deleted, retentionDays: days });
    } catch (error) {
      logger.error('deleting old notices failed', { error });
    }
  };
  prune();
  const timer = setInterval(prune, EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
