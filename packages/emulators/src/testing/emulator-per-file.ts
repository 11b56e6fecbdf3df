/** The life of a vendor's test emulator: one per test file, reset before every test. */
import { afterAll, beforeAll, beforeEach } from "vitest";

interface Resettable {
  reset(): void;
  close(): Promise<void>;
}

/**
 * Fills the returned fixture from `start` before the file's tests, resets its emulator
 * before each test (so a file's own beforeEach, registered later, seeds after the reset) and
 * closes it after the file.
 */
export function useEmulatorPerFile<F extends { emu: Resettable }>(start: () => Promise<F>): F {
  const fx = {} as F;
  beforeAll(async () => {
    Object.assign(fx, await start());
  });
  beforeEach(() => {
    fx.emu.reset();
  });
  afterAll(async () => {
    await fx.emu?.close();
  });
  return fx;
}
