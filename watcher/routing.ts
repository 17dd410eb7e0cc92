// Which channels a notice goes to: per-rule routing by integration and kind of change, mutes, and
// quiet hours (held, then sent when they end). Pure: the clock is an argument.
import { msToWallTime } from '../src/lib/format/time-zones.ts';
import { changeKindOf } from './changes.ts';
import type { RuleEntry, WatcherConfig } from './config.ts';
import type { Notice } from './notice.ts';

export type Mute = { integration: string; until: number };

/** The wall-clock time of day in the zone, in minutes since midnight. */
function minutesOfDay(ms: number, timeZone: string): number {
  const wall = new Date(msToWallTime(ms, timeZone));
  return wall.getUTCHours() * 60 + wall.getUTCMinutes();
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Inside the rule's quiet hours at `now` (a span may cross midnight: 22:00–07:00). */
export function inQuietHours(rule: RuleEntry, now: number): boolean {
  const quiet = rule.quietHours;
  if (!quiet) return false;
  const t = minutesOfDay(now, quiet.timeZone);
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  return start <= end ? t >= start && t < end : t >= start || t < end;
}

function ruleMatches(rule: RuleEntry, notice: Notice): boolean {
  if (notice.kind === 'test') return true;
  const kind = changeKindOf(notice.kind);
  const integrations =
    notice.kind === 'digest' ? notice.items.map((i) => i.integration) : [notice.integration];
  if (rule.integrations && !integrations.some((i) => i !== null && rule.integrations!.includes(i)))
    return false;
  if (notice.kind === 'digest') return true;
  return !rule.kinds || (kind !== null && rule.kinds.includes(kind));
}

export function isMuted(notice: Notice, mutes: readonly Mute[], now: number): boolean {
  return mutes.some((m) => m.integration === notice.integration && m.until > now);
}

/** The channels of the rules that match the notice and pass `include` (without rules: all). */
function channelsOf(
  notice: Notice,
  config: Pick<WatcherConfig, 'rules' | 'channels'>,
  include: (rule: RuleEntry) => boolean,
): string[] {
  if (config.rules.length === 0) return config.channels.map((c) => c.name);
  const names = new Set<string>();
  for (const rule of config.rules)
    if (ruleMatches(rule, notice) && include(rule)) rule.channels.forEach((c) => names.add(c));
  return [...names];
}

/** The channels a notice should reach, whatever the hour. */
export function routesOf(notice: Notice, config: Pick<WatcherConfig, 'rules' | 'channels'>) {
  return channelsOf(notice, config, () => true);
}

/** The channels that may send it now: routed, and not inside that rule's quiet hours. */
export function sendableNow(
  notice: Notice,
  config: Pick<WatcherConfig, 'rules' | 'channels'>,
  now: number,
): string[] {
  return channelsOf(notice, config, (rule) => !inQuietHours(rule, now));
}
