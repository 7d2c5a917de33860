// Types the web client imports (type-only: nothing of the server reaches the browser bundle).
export type { AppRouter } from './router';
