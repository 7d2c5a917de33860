import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { Config } from '../config';

/**
 * The Content-Security-Policy of the API and of the web it serves. Tokens live in localStorage, so an
 * injected script would be an account takeover: scripts come from our origin only (no inline script, no
 * eval of JS; WebAssembly from our own .wasm files may compile), nothing may frame the app, and the page talks to our origin (plus the API origin the web was built
 * for) only. Styles: our stylesheet; React's `style` props go through the CSSOM, which CSP allows.
 */
export function cspDirectives(
  config: Pick<Config, 'apiPublicOrigin'>,
  styleHashes: string[] = [],
): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    // WebAssembly compiled from our own files (the barcode reader's ZXing .wasm); still no eval of JS text.
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'script-src-attr': ["'none'"],
    // Plus the <style> blocks of the prerendered pages, by their hash (apps/web/prerender-pages.ts).
    'style-src': ["'self'", ...styleHashes.map((hash) => `'${hash}'`)],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(config.apiPublicOrigin ? [config.apiPublicOrigin] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * Security headers of the web's pages and files: the CSP above, HSTS in production only (dev and tests
 * speak plain http), nosniff, no Referer (links carry tokens in their query), no framing — and helmet's other
 * defaults. They depend on the configuration only, so helmet writes them once here, onto a recording response;
 * each request then copies the same set (building helmet's middleware per request, as @fastify/helmet does, was
 * the largest fixed cost of a request: `pnpm bench:layers`).
 */
export function securityHeaders(
  config: Pick<Config, 'nodeEnv' | 'apiPublicOrigin'>,
  styleHashes: string[] = [],
): Record<string, string> {
  const production = config.nodeEnv === 'production';
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...cspDirectives(config, styleHashes),
        ...(production ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
    xFrameOptions: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-site' },
  })({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * Security headers of the API's answers (JSON, files to download): nothing in them is a page, so nothing may load,
 * run or frame anything (`default-src 'none'`, stricter than a page's), the browser must not guess their type,
 * and they go without Referer, over HTTPS only in production, to same-site readers only — OWASP's set for REST
 * answers. The page headers' other entries (COOP, Origin-Agent-Cluster, DNS prefetch, IE's download and XSS
 * switches, Flash's cross-domain policy) only concern a document: on a 43-byte /health answer they were 600 of
 * its 1,000 bytes, each header checked by Node and parsed by the client per request.
 */
export function apiSecurityHeaders(config: Pick<Config, 'nodeEnv'>): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-site',
    ...(config.nodeEnv === 'production'
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
}
