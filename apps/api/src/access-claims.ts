/** Who a verified access token speaks for (request/access-token.ts signs and verifies it). */
export interface AccessClaims {
  userId: string;
  /** The tenant the token acts on (switchable); null for a user without membership. */
  tenantId: string | null;
  /** When the login behind this token happened (its refresh family's start); absent on older tokens. */
  sessionStartedAt?: Date;
}
