import { ApiError, CloudClient, NetworkError } from '@reprise/sdk';
import { QueryClient } from '@tanstack/react-query';

/** The dashboard's client of the cloud service: same origin, cookie session, CSRF from the cookie. */
export const cloud = new CloudClient();

/** Whether a failed query is worth trying again (not for answers the server gave on purpose). */
function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError) return (error.status >= 500 || error.status === 429) && failures < 2;
  return error instanceof NetworkError && failures < 2;
}

/** The query cache of the app. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** The message to show for an error: the server's own words when it gave some. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof NetworkError) return 'The dashboard cannot reach the server. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return String(error);
}

/** True for a 404 (missing, or private and not ours: the server does not say which). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
