import { createHash, createPublicKey, timingSafeEqual } from "node:crypto";
import { UnauthenticatedError } from "@imgraph/core";
import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { AuthConfig } from "../config/types.js";
import { ANONYMOUS, type Viewer } from "./viewer.js";

export interface Credentials {
  /** The Authorization header (or graphql-ws connection param). */
  authorization?: string | undefined;
  /** The X-API-Key header. */
  apiKey?: string | undefined;
}

/**
 * Turns a request's credentials into a Viewer. No credentials is anonymous; wrong, expired
 * or ambiguous (two at once) credentials are an error, never silently anonymous or admin.
 */
export class Authenticator {
  readonly #apiKeys: Array<{ name: string; digest: Buffer }>;
  readonly #jwt: AuthConfig["jwt"];
  readonly #key: Uint8Array | ReturnType<typeof createPublicKey> | JWTVerifyGetKey | undefined;
  readonly #algorithms: string[];

  constructor(config: AuthConfig) {
    this.#apiKeys = config.apiKeys.map((k) => ({
      name: k.name,
      digest: Buffer.from(k.sha256, "hex"),
    }));
    this.#jwt = config.jwt;
    if (config.jwt?.secret) {
      this.#key = new TextEncoder().encode(config.jwt.secret);
      this.#algorithms = ["HS256"];
    } else if (config.jwt?.publicKey) {
      this.#key = createPublicKey(config.jwt.publicKey);
      this.#algorithms = ["RS256", "ES256"];
    } else if (config.jwt?.jwksUrl) {
      this.#key = createRemoteJWKSet(new URL(config.jwt.jwksUrl));
      this.#algorithms = ["RS256", "ES256"];
    } else {
      this.#key = undefined;
      this.#algorithms = [];
    }
  }

  async authenticate(credentials: Credentials): Promise<Viewer> {
    const auth = credentials.authorization?.trim();
    const hasKey = credentials.apiKey !== undefined && credentials.apiKey !== "";
    // Two credentials could name two callers; serving either would let a bad one ride on a
    // good one (a valid key with a forged token was once served as admin).
    if (hasKey && auth)
      throw new UnauthenticatedError(
        "Send one credential per request: an X-API-Key or a bearer token, not both.",
      );
    if (hasKey) return this.#byApiKey(credentials.apiKey as string);
    if (!auth) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match) throw new UnauthenticatedError("The Authorization header must be `Bearer <JWT>`.");
    return this.#byJwt(match[1] as string);
  }

  #byApiKey(key: string): Viewer {
    const digest = createHash("sha256").update(key).digest();
    // Compare against every key so timing does not tell which matched.
    let found: string | undefined;
    for (const k of this.#apiKeys) {
      if (timingSafeEqual(k.digest, digest) && !found) found = k.name;
    }
    if (!found) throw new UnauthenticatedError("The API key is not valid.");
    return { role: "ADMIN", name: found, userId: null, expiresAt: null };
  }

  async #byJwt(token: string): Promise<Viewer> {
    const jwt = this.#jwt;
    if (!jwt || !this.#key)
      throw new UnauthenticatedError("This gateway accepts no bearer tokens.");
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: this.#algorithms,
        ...(jwt.issuer ? { issuer: jwt.issuer } : {}),
        ...(jwt.audience ? { audience: jwt.audience } : {}),
        requiredClaims: ["sub", "exp"],
      };
      const key = this.#key;
      payload = (
        typeof key === "function"
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key as Uint8Array, options)
      ).payload;
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new UnauthenticatedError(
        code === "ERR_JWT_EXPIRED"
          ? "The bearer token has expired."
          : "The bearer token is not valid.",
      );
    }
    const sub = payload.sub as string;
    const role = payload[jwt.roleClaim];
    const roles = Array.isArray(role) ? role : [role];
    const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : null;
    if (roles.some((r) => typeof r === "string" && jwt.adminRoles.includes(r))) {
      return { role: "ADMIN", name: sub, userId: sub, expiresAt };
    }
    const app = payload.app;
    return { role: "USER", userId: sub, appId: typeof app === "string" ? app : null, expiresAt };
  }
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
