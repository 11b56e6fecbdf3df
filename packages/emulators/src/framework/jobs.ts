/**
 * Deferred server-side work of a vendor (e.g. an asynchronous deactivation that reports
 * through a callback later). Tracked so tests can wait for it, or run it at once.
 */
export class JobQueue {
  private readonly jobs = new Map<NodeJS.Timeout, () => void>();

  /** Run `job` after `delayMs` (real time). Errors are swallowed: a job has no caller. */
  schedule(job: () => void, delayMs = 0): void {
    const timer = setTimeout(() => {
      this.jobs.delete(timer);
      run(job);
    }, delayMs);
    this.jobs.set(timer, job);
  }

  get size(): number {
    return this.jobs.size;
  }

  /** Run every pending job now, in scheduling order. */
  runAllNow(): void {
    for (const [timer, job] of [...this.jobs]) {
      clearTimeout(timer);
      this.jobs.delete(timer);
      run(job);
    }
  }

  /** Resolves once no job is pending (jobs scheduled meanwhile included). */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await new Promise((r) => setTimeout(r, 5));
  }

  cancelAll(): void {
    for (const timer of this.jobs.keys()) clearTimeout(timer);
    this.jobs.clear();
  }
}

function run(job: () => void): void {
  try {
    job();
  } catch {
    // A failing job must not crash the emulator process; its effect is simply missing.
  }
}
