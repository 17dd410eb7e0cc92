// Validates a custom range typed into the window picker (datetime-local values, in the shown zone).
import { MAX_WINDOW_MS } from './window';
import type { RunWindow } from './window';

export type RangeCheck = ({ ok: true } & RunWindow) | { ok: false; message: string };

/** `datetime-local` gives "YYYY-MM-DDTHH:mm" without a zone: read it in local time or UTC. */
export function readLocalInput(value: string, utc: boolean): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const ms = utc ? Date.parse(`${value}Z`) : new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

export function toLocalInput(iso: string, utc: boolean): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const parts = utc
    ? [
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        date.getUTCHours(),
        date.getUTCMinutes(),
      ]
    : [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes()];
  const [y, m, d, h, min] = parts as [number, number, number, number, number];
  return `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(min)}`;
}

export function checkCustomRange(sinceInput: string, untilInput: string, utc: boolean): RangeCheck {
  const since = readLocalInput(sinceInput, utc);
  const until = readLocalInput(untilInput, utc);
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
