import { generateUserSig } from "@imgraph/signing";

export interface AdminSigOptions {
  sdkAppId: number;
  key: string;
  adminUserId: string;
  now: () => number;
  /** Validity of each admin UserSig (default 1 day). */
  lifetimeSeconds?: number;
  /** Renew when less than this is left (default 1 hour). */
  renewBeforeSeconds?: number;
}

/**
 * The admin UserSig every REST call carries. It is HMAC + zlib and valid for hours, so we
 * keep one and renew it before it expires instead of signing per request (Tencent's
 * intended use); the per-request `random` is what changes on every attempt.
 */
export class AdminSig {
  readonly #options: Required<AdminSigOptions>;
  #sig: string | undefined;
  #expiresAtMs = 0;

  constructor(options: AdminSigOptions) {
    this.#options = { lifetimeSeconds: 86_400, renewBeforeSeconds: 3_600, ...options };
  }

  /** The current admin UserSig, renewed first when it is close to expiry. */
  current(): string {
    const now = this.#options.now();
    if (
      this.#sig === undefined ||
      now >= this.#expiresAtMs - this.#options.renewBeforeSeconds * 1000
    ) {
      const issuedAt = Math.floor(now / 1000);
      this.#sig = generateUserSig({
        sdkAppId: this.#options.sdkAppId,
        key: this.#options.key,
        userId: this.#options.adminUserId,
        expireSeconds: this.#options.lifetimeSeconds,
        now,
      });
      this.#expiresAtMs = (issuedAt + this.#options.lifetimeSeconds) * 1000;
    }
    return this.#sig;
  }

  /** Forgets the cached UserSig (Tencent said it expired: our clock may be behind). */
  invalidate(): void {
    this.#sig = undefined;
  }
}
