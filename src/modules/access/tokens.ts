import { SignJWT, errors, jwtVerify } from "jose";

const ISSUER = "basketql";
const ALGORITHM = "HS256";
/** Clock difference tolerated between the machines that issue and check tokens, in seconds. */
const CLOCK_TOLERANCE = 30;

/**
 * Signs a bearer token naming the user, valid for `hours`. `iat` keeps milliseconds (a JWT NumericDate
 * may be fractional) so that revoking a user's tokens (tokensValidAfter) tells apart a token issued
 * just before the revocation from one issued just after it.
 */
export async function issueToken(secret: Uint8Array, userId: number, hours: number, now = Date.now()): Promise<string> {
  const issuedAt = now / 1000;
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(String(userId))
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(Math.floor(issuedAt) + hours * 3600)
    .sign(secret);
}

export interface TokenClaims {
  userId: number;
  /** When it was issued, in milliseconds since the epoch. */
  issuedAt: number;
}

/**
 * The user and issue time of a valid token, or a reason why it is not valid. Correctly signed is not
 * enough: the token must carry `iat` and `exp`, and live no longer than `maxHours` (the configured
 * token lifetime), so that a token signed with a longer or no expiry — by an older version, or with a
 * leaked key's help — is refused.
 */
export async function readToken(secret: Uint8Array, token: string, maxHours: number): Promise<TokenClaims | { problem: string }> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      issuer: ISSUER,
      algorithms: [ALGORITHM],
      requiredClaims: ["exp", "iat", "sub"],
      clockTolerance: CLOCK_TOLERANCE,
    });
    const { exp, iat } = payload as { exp: number; iat: number };
    if (exp - iat > maxHours * 3600) return { problem: `the token is valid for longer than ${maxHours} hours` };
    if (iat > Date.now() / 1000 + CLOCK_TOLERANCE) return { problem: "the token is issued in the future" };
    const userId = Number(payload.sub);
    return Number.isInteger(userId) ? { userId, issuedAt: iat * 1000 } : { problem: "the token names no user" };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { problem: "the token has expired" };
    if (error instanceof errors.JWTClaimValidationFailed && error.reason === "missing") return { problem: `the token has no "${error.claim}" claim` };
    return { problem: "the token is not valid" };
  }
}
