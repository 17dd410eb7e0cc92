// The window preset and time zone this browser chose last: the defaults of a link that names
// neither. Pinned (custom) windows are never remembered. Stored: `sync-runs.view-defaults`.
import {
  FALLBACK_DEFAULTS,
  RANGE_PRESETS,
  type RangePreset,
  type TimeZoneMode,
  type ViewDefaults,
} from '@/domain/sync-runs/view/view-params';
import { readTimeZone } from '@/lib/format/time-zones';
import { storedValue, useStoredValue } from '@/lib/storage/stored-value';

export const VIEW_DEFAULTS_KEY = 'sync-runs.view-defaults';

function parseDefaults(raw: unknown): ViewDefaults {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const preset =
    typeof value.preset === 'string' && Object.hasOwn(RANGE_PRESETS, value.preset)
      ? (value.preset as RangePreset)
      : FALLBACK_DEFAULTS.preset;
  const tz = (typeof value.tz === 'string' && readTimeZone(value.tz)) || FALLBACK_DEFAULTS.tz;
  return { preset, tz };
}

export const viewDefaultsStore = storedValue(VIEW_DEFAULTS_KEY, parseDefaults);

export function readViewDefaults(): ViewDefaults {
  return viewDefaultsStore.read();
}

export function useViewDefaults(): ViewDefaults {
  return useStoredValue(viewDefaultsStore);
}

export function rememberPreset(preset: RangePreset): void {
  viewDefaultsStore.write({ ...viewDefaultsStore.read(), preset });
}

export function rememberTimeZone(tz: TimeZoneMode): void {
  viewDefaultsStore.write({ ...viewDefaultsStore.read(), tz });
}
