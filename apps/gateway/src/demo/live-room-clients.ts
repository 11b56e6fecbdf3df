import type { RunningEmulator } from "@imgraph/emulators";

/**
 * Emulated clients enter a live room: each vendor's emulator plays its client SDK through
 * its control API (live rooms are entered from clients, never by the server API).
 */
export async function enterLiveRoom(
  emulator: RunningEmulator,
  roomId: string,
  userIds: string[],
): Promise<void> {
  for (const userId of userIds) emulator.login({ liveRoom: roomId, userId });
}
