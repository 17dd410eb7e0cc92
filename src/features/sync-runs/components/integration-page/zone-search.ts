// Finding a time zone by what people type: "berlin", "new york", "America/Sao". Pure.
import { formerName, type TimeZoneChoice } from '@/lib/format/time-zones';

export type ZoneOption = { value: TimeZoneChoice; label: string };

export const ZONE_RESULTS_SHOWN = 50;

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();

/**
 * The browser's zone and UTC first, then the zones whose name contains the typed text (a city
 * name's start ranks first), at most `ZONE_RESULTS_SHOWN`; `more` counts the rest.
 */
export function searchZones(
  zones: readonly string[],
  query: string,
  browserZone: string,
): { options: ZoneOption[]; more: number } {
  const q = normalize(query);
  const fixed: ZoneOption[] = [
    { value: 'local', label: `Your browser's zone (${browserZone})` },
    { value: 'utc', label: 'UTC' },
  ].filter((option) => q === '' || normalize(option.label).includes(q));
  const searchText = (zone: string) => normalize(`${zone} ${formerName(zone) ?? ''}`);
  const matches = zones.filter((zone) => zone !== 'UTC' && searchText(zone).includes(q));
  const city = (zone: string) => normalize(zone.slice(zone.lastIndexOf('/') + 1));
  const ranked =
    q === ''
      ? matches
      : [
          ...matches.filter((zone) => city(zone).startsWith(q)),
          ...matches.filter((zone) => !city(zone).startsWith(q)),
        ];
  const shown = ranked.slice(0, ZONE_RESULTS_SHOWN);
  return {
    options: [...fixed, ...shown.map((zone) => ({ value: zone, label: zone }))],
    more: ranked.length - shown.length,
  };
}
