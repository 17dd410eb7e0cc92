// A tiny store that remembers "the API needs the user to sign in again", set from the query cache.
import { useSyncExternalStore } from 'react';
import { isApiError } from '@/lib/api/api-error';

let required = false;
const listeners = new Set<() => void>();

function emit() {
  listeners.forEach((listener) => listener());
}

export function isSignInRequiredError(error: unknown): boolean {
  return isApiError(error) && (error.kind === 'sign-in-required' || error.status === 401);
}

export function reportAuthError(error: unknown): void {
  if (isSignInRequiredError(error) && !required) {
    required = true;
    emit();
  }
}

export function clearSignInRequired(): void {
  if (required) {
    required = false;
    emit();
  }
}

export function useSignInRequired(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => required,
  );
}
