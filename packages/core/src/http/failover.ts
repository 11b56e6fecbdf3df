/**
 * Primary → backup origin choice. An origin that failed at the transport level (or
 * answered 5xx) is avoided for a cool-down; when every origin is cooling down, the one
 * that recovers first is tried anyway rather than failing without a call.
 */
export class OriginRotation {
  readonly #origins: readonly string[];
  readonly #cooldownMs: number;
  readonly #downUntil = new Map<string, number>();
  readonly #now: () => number;

  constructor(origins: readonly string[], cooldownMs: number, now: () => number = Date.now) {
    if (origins.length === 0) throw new TypeError("at least one vendor origin is required");
    this.#origins = origins;
    this.#cooldownMs = cooldownMs;
    this.#now = now;
  }

  get origins(): readonly string[] {
    return this.#origins;
  }

  /** The first healthy origin in preference order, skipping any in `avoid` if possible. */
  pick(avoid?: string): string {
    const now = this.#now();
    const healthy = this.#origins.filter((o) => (this.#downUntil.get(o) ?? 0) <= now);
    const preferred = healthy.find((o) => o !== avoid) ?? healthy[0];
    if (preferred) return preferred;
    let best = this.#origins[0] as string;
    for (const o of this.#origins) {
      if ((this.#downUntil.get(o) ?? 0) < (this.#downUntil.get(best) ?? 0)) best = o;
    }
    return best;
  }

  markDown(origin: string): void {
    if (this.#origins.length > 1) this.#downUntil.set(origin, this.#now() + this.#cooldownMs);
  }

  markUp(origin: string): void {
    this.#downUntil.delete(origin);
  }
}
