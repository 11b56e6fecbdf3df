// Test helper: runs the official Tencent Node SDK (tls-sig-api-v2) with its clock pinned,
// since it reads Date.now() itself and takes no time argument.
import { vi } from "vitest";

export function official<T>(nowMs: number, run: () => T): T {
  const spy = vi.spyOn(Date, "now").mockReturnValue(nowMs);
  try {
    return run();
  } finally {
    spy.mockRestore();
  }
}
