import { webcrypto } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { AccessClaims } from '../access-claims';
import { AppError } from '../errors';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export type { AccessClaims };

// One imported CryptoKey per secret: jose (WebCrypto) would otherwise import the HMAC key on every sign/verify,
// which was the largest CPU cost of an authenticated request.
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();
function key(secret: string): Promise<webcrypto.CryptoKey> {
  let cached = keys.get(secret);
  if (!cached) {
    cached = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    keys.set(secret, cached);
  }
  return cached;
}

export async function signAccessToken(claims: AccessClaims, secret: string, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const sst = claims.sessionStartedAt ? Math.floor(claims.sessionStartedAt.getTime() / 1000) : undefined;
  return new SignJWT({ tid: claims.tenantId, ...(sst === undefined ? {} : { sst }) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
    .setIssuer('stockscan')
    .setAudience('stockscan-api')
    .sign(await key(secret));
}

/**
 * Tokens already verified, until their own expiry: a phone sends the same access token with every call for 15
 * minutes, and WebCrypto verification dominated an authenticated request's CPU. Bounded, per secret.
 */
const VERIFIED_CACHE_SIZE = 10_000;
/** By secret, then by token (the token itself is the key: no string built per call). */
const verifiedBySecret = new Map<string, Map<string, { claims: AccessClaims; expiresAtMs: number }>>();

export async function verifyAccessToken(token: string, secret: string, now: Date): Promise<AccessClaims> {
  let verified = verifiedBySecret.get(secret);
  if (!verified) {
    verified = new Map();
    verifiedBySecret.set(secret, verified);
  }
  const hit = verified.get(token);
  if (hit && now.getTime() < hit.expiresAtMs) return hit.claims;
  try {
    const { payload } = await jwtVerify(token, await key(secret), {
      algorithms: ['HS256'],
      issuer: 'stockscan',
      audience: 'stockscan-api',
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number')
      throw new AppError('TOKEN_INVALID');
    const claims: AccessClaims = {
      userId: payload.sub,
      tenantId: typeof payload.tid === 'string' ? payload.tid : null,
      ...(typeof payload.sst === 'number' ? { sessionStartedAt: new Date(payload.sst * 1000) } : {}),
    };
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
    verified.set(token, { claims, expiresAtMs: payload.exp * 1000 });
    return claims;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof joseErrors.JOSEError) throw new AppError('TOKEN_INVALID');
    throw error;
  }
}

/**
 * Benchmarks only (buildServer's `layers.tokenVerification: false`): each token is verified once, then its claims
 * are taken as they are, whatever its expiry — what a request costs without the check.
 */
export function claimsOnceVerified(
  verify: (token: string) => Promise<AccessClaims>,
): (token: string) => Promise<AccessClaims> {
  const known = new Map<string, Promise<AccessClaims>>();
  return (token) => {
    let claims = known.get(token);
    if (!claims) {
      claims = verify(token);
      known.set(token, claims);
    }
    return claims;
  };
}
