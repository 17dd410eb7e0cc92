// The query client: React Query runs the HTTP layer's retry policy (lib/api/retry.ts), and refetches
// only when asked.
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { retryDelay, shouldRetry } from '@/lib/api/retry';
import { reportAuthError } from '@/lib/auth/sign-in-required';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reportAuthError }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
    },
  });
}
