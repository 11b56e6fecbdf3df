import type { RunningEmulator } from "@imgraph/emulators";

// What the demo's emulators play besides the vendors' servers: client SDKs entering live
// rooms (never done by a server API), and the service user some vendor calls act as.

/** The user ZIM reads room attributes as (the ZEGO app's `operatorUserId`). */
export const DEMO_OPERATOR = "imgraph-operator";

/** Registers the vendor-side users the demo apps' options name. */
export function prepareDemoEmulator(emulator: RunningEmulator): void {
  if (emulator.vendor === "zego") emulator.seed({ users: [{ userId: DEMO_OPERATOR }] });
}

/** Emulated clients enter a live room, as each vendor's client SDK would. */
export async function enterLiveRoom(
  emulator: RunningEmulator,
  roomId: string,
  userIds: string[],
): Promise<void> {
  for (const userId of userIds) emulator.login({ roomId, userId });
}
