// The deployment's Temporal Web UI base (config.json `temporalUiUrl`), for links from runs.
import { createContext, useContext } from 'react';

/** `temporalUiUrl` from config.json (for example https://temporal.example/namespaces/neo), or null. */
export const TemporalUiContext = createContext<string | null>(null);

export function useTemporalUiUrl(): string | null {
  return useContext(TemporalUiContext);
}
