import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';
import { reportError } from '../platform/feedback';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError | Error;
    /** `meta: { silent: true }`: the component shows the failure itself (or it is not worth a toast). */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

/** One cache for the whole SPA. Every failed query or mutation shows its Chinese message unless marked silent. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err, query) => {
      if (!query.meta?.silent) reportError(err);
    },
  }),
  mutationCache: new MutationCache({
    onError: (err, _vars, _ctx, mutation) => {
      if (!mutation.meta?.silent) reportError(err);
    },
  }),
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change on retry; a network blip or 5xx might.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});
