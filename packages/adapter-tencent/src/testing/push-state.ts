// Test support: the pushes the Tencent emulator accepted, with the recipients it resolved,
// read from its state dump (GET /__emulator/state) rather than through the adapter. Not built.
import type { PushDelivery } from "@imgraph/core/contract";
import type { RunningEmulator } from "@imgraph/emulators";

type Row = Record<string, unknown>;

/** The harness's `pushes()`: oldest first; the notification's Desc is its body. */
export function pushState(emulator: RunningEmulator, sdkAppId: number) {
  return async (): Promise<PushDelivery[]> => {
    const dump = emulator.state(String(sdkAppId)) as Row;
    const rows = Array.isArray(dump.pushes) ? (dump.pushes as Row[]) : [];
    return rows.map((p) => ({
      taskId: typeof p.taskId === "string" ? p.taskId : null,
      title: typeof p.title === "string" ? p.title : null,
      body: typeof p.desc === "string" ? p.desc : "",
      recipients: Array.isArray(p.recipients)
        ? p.recipients.filter((r): r is string => typeof r === "string")
        : [],
    }));
  };
}
