import type { BucketLevel, BucketSpend, RateStore, Reservation } from "./store.js";
import { KEEP_MS, MIN_FACTOR, RECOVERY_MS } from "./store.js";

/** The one Redis command the store needs (ioredis's `eval` has this shape). */
export interface RedisEval {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

// The same arithmetic as MemoryRateStore, run atomically inside Redis on Redis's clock, so
// that instances with skewed clocks still share one schedule. A bucket is a hash:
// t = theoretical arrival time (ms), f = rate factor, fa = when f was set.
// ARGV: mode, maxWaitMs | pauseMs, then intervalMs, burst, cost for each key.
const SCRIPT = `
-- Redis 5 and 6 replicate scripts verbatim unless told otherwise (TIME is not deterministic).
if redis.replicate_commands then redis.replicate_commands() end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + tonumber(clock[2]) / 1000
local recovery, minFactor, keep = ${RECOVERY_MS}, ${MIN_FACTOR}, ${KEEP_MS}
local mode, limit = ARGV[1], tonumber(ARGV[2])
local function load(i)
  local s = redis.call('HMGET', KEYS[i], 't', 'f', 'fa')
  local t, f, fa = tonumber(s[1]) or now, tonumber(s[2]) or 1, tonumber(s[3]) or now
  return t, math.min(1, f + (now - fa) / recovery), f, fa
end
local function save(i, t, f, fa)
  redis.call('HSET', KEYS[i], 't', string.format('%.3f', t), 'f', tostring(f), 'fa', string.format('%.3f', fa))
  redis.call('PEXPIRE', KEYS[i], math.ceil(math.max(0, t - now) + keep))
end
if mode == 'penalize' then
  for i = 1, #KEYS do
    local t, eff = load(i)
    local interval, burst = tonumber(ARGV[3 * i]), tonumber(ARGV[3 * i + 1])
    local f = math.max(minFactor, eff / 2)
    save(i, math.max(t, now + limit + (burst - 1) * interval / f), f, now)
  end
  return {1}
end
local plans, wait = {}, 0
for i = 1, #KEYS do
  local t, eff, f, fa = load(i)
  local interval = tonumber(ARGV[3 * i]) / eff
  local burst, cost = tonumber(ARGV[3 * i + 1]), tonumber(ARGV[3 * i + 2])
  local tat = math.max(t, now) + cost * interval
  local window = burst * interval
  wait = math.max(wait, tat - window - now)
  plans[i] = {tat, window, f, fa}
end
if wait > limit then return {0, math.ceil(wait)} end
local out = {1, math.ceil(wait)}
for i = 1, #KEYS do
  local p = plans[i]
  save(i, p[1], p[3], p[4])
  out[#out + 1] = math.floor(math.max(0, math.min(1, 1 - (p[1] - now) / p[2])) * 1000)
  out[#out + 1] = math.ceil(math.max(0, p[1] - now))
end
return out
`;

/**
 * Token buckets in Redis, shared by every gateway instance of a deployment: one script call
 * per reservation, atomic, on Redis's clock.
 */
export class RedisRateStore implements RateStore {
  readonly #redis: RedisEval;

  constructor(redis: RedisEval) {
    this.#redis = redis;
  }

  async reserve(spends: readonly BucketSpend[], maxWaitMs: number): Promise<Reservation> {
    const reply = (await this.#run("reserve", maxWaitMs, spends)) as number[];
    if (reply[0] !== 1) return { ok: false, retryAfterMs: Number(reply[1]) };
    const levels: BucketLevel[] = spends.map((_, i) => ({
      fill: Number(reply[2 + 2 * i]) / 1000,
      refillMs: Number(reply[3 + 2 * i]),
    }));
    return { ok: true, waitMs: Number(reply[1]), levels };
  }

  async penalize(spends: readonly BucketSpend[], pauseMs: number): Promise<void> {
    await this.#run("penalize", pauseMs, spends);
  }

  #run(mode: string, value: number, spends: readonly BucketSpend[]): Promise<unknown> {
    const args: (string | number)[] = [mode, Math.max(0, Math.ceil(value))];
    for (const s of spends) args.push(s.intervalMs, s.burst, s.cost);
    return this.#redis.eval(SCRIPT, spends.length, ...spends.map((s) => s.key), ...args);
  }
}
