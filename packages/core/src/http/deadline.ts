/**
 * One call's abort signal: fires when the deadline passes or the caller's signal aborts,
 * whichever comes first. `release()` stops the timer and unhooks from the caller's signal
 * once the call is over.
 *
 * A controller and a timer rather than `AbortSignal.any([signal, AbortSignal.timeout()])`:
 * on Node 20 those two cost several times more per call (weakly held dependent signals, a
 * finalization registry), and every vendor call pays it (bench/, BENCHMARKS.md).
 */
export function callDeadline(
  deadlineMs: number,
  caller?: AbortSignal,
): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  if (caller?.aborted) {
    controller.abort(caller.reason);
    return { signal: controller.signal, release: () => {} };
  }
  const timer = setTimeout(
    () => controller.abort(new DOMException("The deadline passed.", "TimeoutError")),
    deadlineMs,
  );
  timer.unref();
  const onAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    },
  };
}

const DEADLINES = new WeakMap<AbortSignal, number>();

/**
 * Records when a caller's signal will abort (epoch ms), so that vendor calls made under it
 * plan within that time: the rate shaper waits no longer, retries stop before it.
 */
export function markDeadline(signal: AbortSignal, deadline: number): AbortSignal {
  DEADLINES.set(signal, deadline);
  return signal;
}

/** The deadline recorded for a caller's signal, if any. */
export function deadlineOf(signal: AbortSignal | undefined): number | undefined {
  return signal ? DEADLINES.get(signal) : undefined;
}
