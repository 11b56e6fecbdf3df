import type { RunningEmulator } from "@imgraph/emulators";

// What the demo's emulators play besides the vendors' servers: client SDKs entering live
// rooms (never done by a server API), and the service user some vendor calls act as.

/** The user ZIM reads room attributes as (the ZEGO app's `operatorUserId`). */
export const DEMO_OPERATOR = "imgraph-operator";

/** The Tencent demo app's push attribute names (named in the vendor's console in real life). */
export const DEMO_PUSH_ATTRIBUTES = ["city", "tier"];

/** Registers the vendor-side things the demo apps' options name. */
export function prepareDemoEmulator(emulator: RunningEmulator): void {
  if (emulator.vendor === "zego") emulator.seed({ users: [{ userId: DEMO_OPERATOR }] });
  if (emulator.vendor === "tencent") emulator.seed({ pushAttributeNames: DEMO_PUSH_ATTRIBUTES });
}

/** Emulated clients enter a live room, as each vendor's client SDK would. */
export async function enterLiveRoom(
  emulator: RunningEmulator,
  roomId: string,
  userIds: string[],
): Promise<void> {
  for (const userId of userIds) emulator.login(liveRoomLogin(emulator.vendor, roomId, userId));
}

/** How each emulator's control API takes a client into a live room. */
function liveRoomLogin(vendor: string, roomId: string, userId: string): Record<string, unknown> {
  switch (vendor) {
    case "rongcloud":
      return { userId, chatroomId: roomId };
    case "tencent":
      return { userId, groupId: roomId };
    default:
      return { userId, roomId };
  }
}
