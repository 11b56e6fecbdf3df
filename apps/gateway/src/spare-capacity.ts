import { performance } from "node:perf_hooks";
import type { RateShaper } from "@imgraph/core";

// Whether a merged read may go out beside the ones already on their way instead of waiting
// for one to end: worth it when a vendor is far (a read would wait a whole round trip) and
// costs nothing that is short — neither the vendor's budget nor this process's CPU. Under a
// tight budget, bigger batches serve more readers per call; on a busy CPU, more calls
// mean more work per read.

/** Event-loop utilization over the last sample under which the process has CPU to spare. */
const SPARE_UTILIZATION = 0.5;
/** An app whose calls waited for rate tokens this recently has no budget to spare. */
const WAITED_MS = 2_000;
const SAMPLE_MS = 250;

/** This process's event-loop utilization, sampled in the background (the timer is unref'd). */
class LoopLoad {
  #last = performance.eventLoopUtilization();
  #utilization = 0;
  #timer: NodeJS.Timeout | undefined;

  /** The share of the last sample the event loop was busy (0 until sampled). */
  get utilization(): number {
    if (this.#timer === undefined) {
      this.#timer = setInterval(() => {
        const now = performance.eventLoopUtilization();
        this.#utilization = performance.eventLoopUtilization(now, this.#last).utilization;
        this.#last = now;
      }, SAMPLE_MS).unref();
    }
    return this.#utilization;
  }
}

const load = new LoopLoad();

/**
 * The rule for one app: CPU to spare, and no call of the app waited for rate tokens in the
 * last seconds (no shaper: the budget is not ours to keep).
 */
export function spareCapacity(
  shaper: RateShaper | undefined,
  now: () => number = Date.now,
): () => boolean {
  return () =>
    load.utilization < SPARE_UTILIZATION &&
    (shaper === undefined || now() - shaper.lastWaitAt > WAITED_MS);
}
