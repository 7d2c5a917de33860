import { makeQueryClient, makeTrpcClient } from './trpc';

// One of each per page load: the cache outlives a visit to the landing (which renders without them). The API
// providers hand them to the pages; the login page calls through them directly (features/auth/sign-in.ts).
export const queryClient = makeQueryClient();
export const trpcClient = makeTrpcClient();
