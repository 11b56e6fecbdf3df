import type { Redis } from "ioredis";
import type { Connections, PresenceStore } from "./presence.js";

/**
 * Writes the record only if it is still the one read ("" = none): a compare-and-set, so two
 * instances folding callbacks of one user never lose each other's change.
 */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if (current == false and ARGV[1] == '') or current == ARGV[1] then
  if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
  return 1
end
return 0`;

/** Tries before giving up (the webhook then answers 503 and the vendor retries). */
const ATTEMPTS = 8;

/** The presence records shared by every instance: one JSON value per user, expiring. */
export class RedisPresenceStore implements PresenceStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  /** Updates of one user queue here, so that only other instances can race this one's. */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(redis: Redis, prefix = "imgraph:presence:") {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  update(
    key: string,
    change: (stored: Connections) => { next: Connections; publish: boolean },
    ttlMs: number,
  ): Promise<boolean> {
    const before = this.#queues.get(key) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(() => this.#write(key, change, ttlMs));
    this.#queues.set(key, run);
    const forget = () => {
      if (this.#queues.get(key) === run) this.#queues.delete(key);
    };
    run.then(forget, forget);
    return run;
  }

  async #write(
    key: string,
    change: (stored: Connections) => { next: Connections; publish: boolean },
    ttlMs: number,
  ): Promise<boolean> {
    const k = this.#prefix + key;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      // Lost a race with another instance: wait a little, growing, so both do not retry together.
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 5 * 2 ** attempt));
      const current = (await this.#redis.get(k)) ?? "";
      const { next, publish } = change(readRecord(current));
      const written = Object.keys(next).length > 0 ? JSON.stringify(next) : "";
      if (written === current) return publish;
      const set = await this.#redis.eval(COMPARE_AND_SET, 1, k, current, written, String(ttlMs));
      if (set === 1) return publish;
    }
    throw new Error("presence record kept changing; try again");
  }
}

/** A stored record; anything unreadable (another version's, a hand edit) counts as none. */
function readRecord(text: string): Connections {
  if (text === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    const out: Connections = {};
    for (const [key, c] of Object.entries(value)) {
      if (Array.isArray(c) && (c[0] === 0 || c[0] === 1) && typeof c[1] === "number") {
        out[key] = [c[0], c[1]];
      }
    }
    return out;
  } catch {
    return {};
  }
}
