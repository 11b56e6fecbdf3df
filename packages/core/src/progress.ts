import { AsyncLocalStorage } from "node:async_hooks";

/** Told how far a long operation is: items done of the total, after each vendor call. */
export type ProgressReporter = (done: number, total: number) => void;

// The reporter of the operation running in this async context. Carried by context rather
// than by argument so that every adapter's batched calls report without threading it
// through each operation's code.
const current = new AsyncLocalStorage<ProgressReporter>();

/** Runs `work` with `report` told the progress of the batches it runs. */
export function withProgress<T>(report: ProgressReporter, work: () => Promise<T>): Promise<T> {
  return current.run(report, work);
}

/** The reporter of the running operation, if its caller asked for progress. */
export function progressReporter(): ProgressReporter | undefined {
  return current.getStore();
}
