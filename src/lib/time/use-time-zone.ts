// The display time zone for this view: the browser's, or UTC when the user switches to it.
import { createContext, useContext } from 'react';

export const TimeZoneContext = createContext<string | undefined>(undefined);

/** undefined means the browser's own zone. */
export function useTimeZone(): string | undefined {
  return useContext(TimeZoneContext);
}
