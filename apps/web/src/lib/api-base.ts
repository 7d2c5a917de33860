/** Where the API answers: the page's own origin unless the web was built for another (VITE_API_BASE_URL). */
export const apiBase = (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/$/, '');
