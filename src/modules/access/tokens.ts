import { SignJWT, errors, jwtVerify } from "jose";

const ISSUER = "basketql";
const ALGORITHM = "HS256";

/** Signs a bearer token naming the user; valid for `hours`. */
export async function issueToken(secret: Uint8Array, userId: number, hours: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(String(userId))
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${hours}h`)
    .sign(secret);
}

/** The user id of a valid token, or a reason why it is not valid. */
export async function readToken(secret: Uint8Array, token: string): Promise<{ userId: number } | { problem: string }> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: [ALGORITHM] });
    const userId = Number(payload.sub);
    return Number.isInteger(userId) ? { userId } : { problem: "the token names no user" };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { problem: "the token has expired" };
    return { problem: "the token is not valid" };
  }
}
