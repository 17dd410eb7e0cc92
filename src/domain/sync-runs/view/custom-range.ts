// Validates a custom range typed into the window picker (datetime-local values, in the shown zone).
import { msToWallTime, wallTimeToMs, type DateTimeParts } from '@/lib/format/time-zones';
import { MAX_WINDOW_MS } from '@/domain/sync-runs/model/window';
import type { RunWindow } from '@/domain/sync-runs/model/window';

export type RangeCheck = ({ ok: true } & RunWindow) | { ok: false; message: string };

/**
 * `datetime-local` gives "YYYY-MM-DDTHH:mm" without a zone: read it in the shown zone (an IANA
 * name or "UTC"; undefined is the browser's own).
 */
export function readLocalInput(value: string, timeZone: string | undefined): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi, sec] = match.slice(1).map((part) => Number(part ?? 0)) as DateTimeParts;
  const ms =
    timeZone === undefined
      ? new Date(y, mo - 1, d, h, mi, sec).getTime()
      : wallTimeToMs(Date.UTC(y, mo - 1, d, h, mi, sec), timeZone);
  return Number.isNaN(ms) ? null : ms;
}

export function toLocalInput(iso: string, timeZone: string | undefined): string {
  const ms = Date.parse(iso);
  const date = timeZone === undefined ? new Date(ms) : new Date(msToWallTime(ms, timeZone));
  const pad = (n: number) => String(n).padStart(2, '0');
  const parts =
    timeZone === undefined
      ? [
          date.getFullYear(),
          date.getMonth() + 1,
          date.getDate(),
          date.getHours(),
          date.getMinutes(),
        ]
      : [
          date.getUTCFullYear(),
          date.getUTCMonth() + 1,
          date.getUTCDate(),
          date.getUTCHours(),
          date.getUTCMinutes(),
        ];
  const [y, m, d, h, min] = parts as [number, number, number, number, number];
  return `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(min)}`;
}

export function checkCustomRange(
  sinceInput: string,
  untilInput: string,
  timeZone: string | undefined,
): RangeCheck {
  const since = readLocalInput(sinceInput, timeZone);
  const until = readLocalInput(untilInput, timeZone);
  if (since === null || until === null)
    return { ok: false, message: 'Enter both a start and an end.' };
  if (since >= until) return { ok: false, message: 'The start must be before the end.' };
  if (until - since > MAX_WINDOW_MS)
    return {
      ok: false,
      message: 'Neo keeps at most 30 days per request: choose a range of 30 days or less.',
    };
  return { ok: true, since: new Date(since).toISOString(), until: new Date(until).toISOString() };
}
