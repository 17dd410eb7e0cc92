// Retry and refetch policy, decided once: transient failures only, honouring Retry-After.
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { reportAuthError } from '../auth/sign-in-required';

const MAX_RETRIES = 4;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.isTransient && failureCount < MAX_RETRIES;
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterSeconds !== null) {
    return Math.min(error.retryAfterSeconds, 120) * 1000;
  }
  const exponential = 1000 * 2 ** failureCount;
  return Math.min(exponential, 30_000) * (0.75 + Math.random() * 0.5);
}

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
