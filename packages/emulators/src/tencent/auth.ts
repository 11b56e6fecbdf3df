/**
 * REST authentication in the gateway's order (tencent.md §5 rows 3–12): sdkappid, UserSig
 * (decode, key, identifier, sdkappid, expiry, kick), then the admin check.
 */
import { decodeUserSig, type UserSigClaims, verifyUserSig } from "@imgraph/signing";
import { TimError } from "./errors.js";
import type { AppState } from "./state.js";

export interface Caller {
  app: AppState;
  admin: string;
}

export function authenticate(
  query: URLSearchParams,
  apps: Map<number, AppState>,
  nowMs: number,
): Caller {
  const sdkappid = query.get("sdkappid");
  if (!sdkappid) throw new TimError(60012, "sdkappid is missing from the URL");
  // An unknown SDKAppID: the gateway says 60006, the auth layer may say 70020 (§5 row 4).
  const app = /^\d{1,10}$/.test(sdkappid) ? apps.get(Number(sdkappid)) : undefined;
  if (!app) throw new TimError(60006, `SDKAppID ${sdkappid} is invalid`);
  const usersig = query.get("usersig");
  if (!usersig) throw new TimError(70002, "usersig is empty");
  // Missing identifier: 60004 "account or signature wrong in URL" (exact code unverified).
  const identifier = query.get("identifier");
  if (!identifier) throw new TimError(60004, "identifier is missing from the URL");

  checkUserSig(app, usersig, identifier, nowMs);
  if (!app.config.admins.includes(identifier)) {
    throw new TimError(60010, `${identifier} is not an App admin`);
  }
  return { app, admin: identifier };
}

/**
 * A UserSig as Tencent checks it at login (REST or client): signed with the app's key (70009),
 * for this identifier (70013) and SDKAppID (70014), not expired (70001), not issued before
 * the account's last kick (70052).
 */
export function checkUserSig(
  app: AppState,
  usersig: string,
  identifier: string,
  nowMs: number,
): void {
  const claims = signedClaims(app, usersig);
  if (claims.userId !== identifier) {
    throw new TimError(70013, "Err_TLS_Third_Sig_Check_Sig_Identifier_Unmatch");
  }
  if (claims.sdkAppId !== app.config.sdkAppId)
    throw new TimError(70014, "usersig sdkappid does not match");
  // Expired when now > TLS.time + TLS.expire, whole seconds (§1.4).
  if (Math.floor(nowMs / 1000) > claims.expiresAt) throw new TimError(70001, "usersig expired");
  // kick invalidates UserSigs issued before it (§1.4 70052; REST applicability unverified).
  const before = app.accounts.get(identifier)?.sigInvalidBefore;
  if (before !== undefined && claims.issuedAt < before)
    throw new TimError(70052, "usersig was invalidated");
}

/** UserSigs whose HMAC already verified, per app state (a reset forgets them). */
const verified = new WeakMap<AppState, Map<string, UserSigClaims>>();
const CACHE_SIZE = 1_000;

/** Decodes the UserSig (70003) and checks its HMAC with the app key (70009), cached. */
function signedClaims(app: AppState, usersig: string): UserSigClaims {
  let cache = verified.get(app);
  const hit = cache?.get(usersig);
  if (hit) return hit;
  const decoded = decodeUserSig(usersig);
  if (!decoded.ok) throw new TimError(70003, `usersig cannot be decoded: ${decoded.message}`);
  const claims = decoded.value;
  // Checked at the token's own issue time, so expiry cannot mask a forged token; the
  // identifier, sdkappid and expiry checks follow in the §5 order.
  const signed = verifyUserSig(usersig, { key: app.config.key, now: claims.issuedAt * 1000 });
  if (!signed.ok && signed.reason === "bad_signature") {
    throw new TimError(
      70009,
      `usersig was not signed with the key of SDKAppID ${app.config.sdkAppId}`,
    );
  }
  if (!signed.ok && signed.reason !== "expired") {
    throw new TimError(70003, `usersig check failed: ${signed.message}`);
  }
  if (!cache) {
    cache = new Map();
    verified.set(app, cache);
  }
  if (cache.size >= CACHE_SIZE) cache.clear();
  // A negative TLS.expire fails as "expired" before the HMAC: such tokens are never cached.
  if (signed.ok) cache.set(usersig, claims);
  return claims;
}
