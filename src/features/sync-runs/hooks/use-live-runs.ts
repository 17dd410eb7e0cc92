// The live refresh of an integration's window (see syncRunsQueries.live).
import { useQuery } from '@tanstack/react-query';
import { syncRunsQueries } from '@/features/sync-runs/api/sync-runs-queries';
import { useApiSession } from '@/lib/query/api-session-context';

export function useLiveRuns(
  name: string,
  since: number | null,
  fastPoll: boolean,
  freshAsOf: number | null = null,
) {
  const session = useApiSession();
  return useQuery(syncRunsQueries.live(session, name, since, fastPoll, freshAsOf));
}
