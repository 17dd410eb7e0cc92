// The integrations a config names, with the names people know them by (the app's own catalog).
import { describeIntegration as describe } from '../src/lib/integrations/catalog.ts';
import type { WatcherConfig } from './config.ts';

export function describeIntegration(entry: WatcherConfig['integrations'][number]) {
  const { name, displayName } = describe(typeof entry === 'string' ? { name: entry } : entry);
  return { name, displayName };
}
