import { describe, expect, it } from 'vitest';
import { allTimeZones } from '@/lib/format/time-zones';
import { searchZones, ZONE_RESULTS_SHOWN } from './zone-search';

const zones = allTimeZones();

describe('searchZones', () => {
  it('offers the browser zone and UTC first, then zones, a page at a time', () => {
    const { options, more } = searchZones(zones, '', 'Europe/London');
    expect(options.slice(0, 2)).toEqual([
      { value: 'local', label: "Your browser's zone (Europe/London)" },
      { value: 'utc', label: 'UTC' },
    ]);
    expect(options).toHaveLength(2 + ZONE_RESULTS_SHOWN);
    expect(more).toBe(zones.filter((z) => z !== 'UTC').length - ZONE_RESULTS_SHOWN);
  });

  it('finds a zone by its city, in any case, with spaces for underscores', () => {
    expect(searchZones(zones, 'berlin', 'UTC').options.map((o) => o.value)).toEqual([
      'Europe/Berlin',
    ]);
    expect(searchZones(zones, 'New York', 'UTC').options.map((o) => o.value)).toContain(
      'America/New_York',
    );
  });

  it('finds a renamed zone by either name', () => {
    expect(searchZones(zones, 'kolkata', 'UTC').options.map((o) => o.value)).toEqual([
      'Asia/Kolkata',
    ]);
    expect(searchZones(zones, 'calcutta', 'UTC').options.map((o) => o.value)).toEqual([
      'Asia/Kolkata',
    ]);
  });

  it('ranks zones whose city starts with the text first', () => {
    const values = searchZones(zones, 'san', 'UTC').options.map((o) => o.value as string);
    const firstOther = values.findIndex((zone) => !/\/san/i.test(zone.replace(/.*\//, '/')));
    const lastCity = values.findLastIndex((zone) => /\/san/i.test(zone.replace(/.*\//, '/')));
    expect(lastCity).toBeLessThan(firstOther === -1 ? Infinity : firstOther);
  });

  it('finds nothing for text no zone has', () => {
    expect(searchZones(zones, 'atlantis', 'UTC')).toEqual({ options: [], more: 0 });
  });
});
