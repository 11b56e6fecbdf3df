import type { BucketLevel, BucketSpend, RateStore, Reservation } from "./store.js";
import { CUT_EVERY_MS, KEEP_MS, MIN_FACTOR, RECOVERY_MS } from "./store.js";

/** The one Redis command the store needs (ioredis's `eval` has this shape). */
export interface RedisEval {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

// The same arithmetic as MemoryRateStore, run atomically inside Redis on Redis's clock, so
// that instances with skewed clocks still share one schedule. A bucket is a hash:
// t = theoretical arrival time (ms), f = rate factor, fa = when f was set; a fixed-window
// quota is a hash too: w = the window index it counts, c = its count.
// ARGV: mode, maxWaitMs | pauseMs, then intervalMs, burst, cost, windowMs (0: a bucket),
// offsetMs for each key.
const SCRIPT = `
-- Redis 5 and 6 replicate scripts verbatim unless told otherwise (TIME is not deterministic).
if redis.replicate_commands then redis.replicate_commands() end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + tonumber(clock[2]) / 1000
local recovery, minFactor, keep, cutEvery = ${RECOVERY_MS}, ${MIN_FACTOR}, ${KEEP_MS}, ${CUT_EVERY_MS}
local mode, limit = ARGV[1], tonumber(ARGV[2])
local function arg(i, j) return tonumber(ARGV[2 + 5 * (i - 1) + j]) end
local function load(i)
  local s = redis.call('HMGET', KEYS[i], 't', 'f', 'fa')
  local t, f, fa = tonumber(s[1]) or now, tonumber(s[2]) or 1, tonumber(s[3]) or now
  return t, math.min(1, f + (now - fa) / recovery), f, fa
end
local function save(i, t, f, fa)
  redis.call('HSET', KEYS[i], 't', string.format('%.3f', t), 'f', tostring(f), 'fa', string.format('%.3f', fa))
  redis.call('PEXPIRE', KEYS[i], math.ceil(math.max(0, t - now) + keep))
end
local function window(i)
  local size, offset = arg(i, 4), arg(i, 5)
  local index = math.floor((now + offset) / size)
  return index, (index + 1) * size - offset, size
end
local function count(i, index, c, untilMs)
  redis.call('HSET', KEYS[i], 'w', tostring(index), 'c', tostring(c))
  redis.call('PEXPIREAT', KEYS[i], math.ceil(untilMs))
end
if mode == 'penalize' then
  for i = 1, #KEYS do
    if arg(i, 4) > 0 then
      local index, ends = window(i)
      count(i, index, arg(i, 2), ends)
    else
      local t, eff, f0, fa0 = load(i)
      local interval, burst = arg(i, 1), arg(i, 2)
      -- One overload shows as several refusals at once: cut once a second at most.
      if eff >= 1 or now - fa0 >= cutEvery then
        local f = math.max(minFactor, eff / 2)
        save(i, math.max(t, now + limit + (burst - 1) * interval / f), f, now)
      else
        save(i, math.max(t, now + limit + (burst - 1) * interval / eff), f0, fa0)
      end
    end
  end
  return {1}
end
local plans, wait = {}, 0
for i = 1, #KEYS do
  local burst, cost = arg(i, 2), arg(i, 3)
  if arg(i, 4) > 0 then
    local index, ends, size = window(i)
    local s = redis.call('HMGET', KEYS[i], 'w', 'c')
    local w, c = tonumber(s[1]), tonumber(s[2]) or 0
    local inThis = (w == index) and c or 0
    local inNext = (w == index + 1) and c or 0
    local here = inNext == 0 and inThis + cost <= burst
    local total = (here and inThis or inNext) + cost
    local untilMs = here and ends or ends + size
    local w8 = 0
    if not here then w8 = (total <= burst) and (ends - now) or (untilMs - now) end
    wait = math.max(wait, w8)
    plans[i] = {'w', here and index or index + 1, total, untilMs, burst}
  else
    local t, eff, f, fa = load(i)
    local interval = arg(i, 1) / eff
    local tat = math.max(t, now) + cost * interval
    local span = burst * interval
    wait = math.max(wait, tat - span - now)
    plans[i] = {'b', tat, span, f, fa}
  end
end
if wait > limit then return {0, math.ceil(wait)} end
local out = {1, math.ceil(wait)}
for i = 1, #KEYS do
  local p = plans[i]
  if p[1] == 'w' then
    count(i, p[2], p[3], p[4])
    out[#out + 1] = math.floor(math.max(0, 1 - p[3] / p[5]) * 1000)
    out[#out + 1] = math.ceil(math.max(0, p[4] - now))
  else
    save(i, p[2], p[4], p[5])
    out[#out + 1] = math.floor(math.max(0, math.min(1, 1 - (p[2] - now) / p[3])) * 1000)
    out[#out + 1] = math.ceil(math.max(0, p[2] - now))
  end
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
    for (const s of spends)
      args.push(s.intervalMs, s.burst, s.cost, s.windowMs ?? 0, s.offsetMs ?? 0);
    return this.#redis.eval(SCRIPT, spends.length, ...spends.map((s) => s.key), ...args);
  }
}
