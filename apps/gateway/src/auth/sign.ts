import { SignJWT } from "jose";
import type { JwtConfig } from "../config/types.js";

/**
 * Signs a gateway bearer JWT (HS256) for an end user with the gateway's own JWT settings:
 * `sub` is the user, issuer and audience as configured, and the claim `app` — when given —
 * binds the token to that one app. Demo mode and `imgraph credential --token` mint with it.
 */
export function signUserToken(
  jwt: Pick<JwtConfig, "issuer" | "audience" | "roleClaim"> & { secret: string },
  userId: string,
  options: { app?: string; role?: string; expiresIn: string },
): Promise<string> {
  const claims: Record<string, string> = {};
  if (options.role !== undefined) claims[jwt.roleClaim] = options.role;
  if (options.app !== undefined) claims.app = options.app;
  const token = new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn);
  if (jwt.issuer) token.setIssuer(jwt.issuer);
  if (jwt.audience) token.setAudience(jwt.audience);
  return token.sign(new TextEncoder().encode(jwt.secret));
}
