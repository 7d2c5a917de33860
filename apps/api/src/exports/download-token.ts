import { randomUUID } from 'node:crypto';
import { ExportRequest } from '@stockscan/contracts';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../errors';
import type { AccessClaims } from '../request/access-token';

export const DOWNLOAD_TOKEN_TTL_SECONDS = 5 * 60;

// Its own audience: a download link is never accepted as an access token, nor the reverse.
const AUDIENCE = 'stockscan-export-download';
const ISSUER = 'stockscan';

const key = (secret: string) => new TextEncoder().encode(secret);

export interface DownloadClaims extends AccessClaims {
  tenantId: string;
  request: ExportRequest;
  jti: string;
}

/** Signs what the link may download, for whom, for 5 minutes (HS256 with APP_SECRET). */
export async function signDownloadToken(
  claims: { userId: string; tenantId: string; request: ExportRequest },
  secret: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + DOWNLOAD_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ tid: claims.tenantId, p: claims.request })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .sign(key(secret));
  return { token, expiresAt: new Date(exp * 1000) };
}

const expired = {
  fr: 'Lien de téléchargement expiré ou invalide : relancez l’export.',
  en: 'Download link expired or invalid: start the export again.',
};

/** 401 TOKEN_INVALID for a bad signature, another audience, an expired link or malformed parameters. */
export async function verifyDownloadToken(token: string, secret: string, now: Date): Promise<DownloadClaims> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
    });
    const request = ExportRequest.safeParse(payload.p);
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || !request.success)
      throw new AppError('TOKEN_INVALID', expired);
    return { userId: payload.sub, tenantId: payload.tid, request: request.data, jti: payload.jti ?? '' };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) throw new AppError('TOKEN_INVALID', expired);
    throw error;
  }
}
