// The one sentence that tells a person what this browser will not remember for this page.
import type { StorageKind } from '@/lib/storage/browser-storage';

function list(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Null when nothing a person would miss is lost. `keepsRuns`: this page would keep runs. */
export function lostStorageMessage(
  lost: readonly StorageKind[],
  keepsRuns: boolean,
): string | null {
  const prefs = lost.includes('localStorage');
  const runs = keepsRuns && (lost.includes('indexedDB') || lost.includes('cookies'));
  if (prefs) {
    const items = ['saved views', 'the remembered time zone', ...(runs ? ['kept runs'] : [])];
    return `This browser keeps nothing for this page: ${list(items)} last only until you leave.`;
  }
  if (runs)
    return 'This browser does not let this page keep runs between visits: each visit loads them again.';
  return null;
}
