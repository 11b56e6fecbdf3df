// Test support: what the emulator delivered into a live group (its state dump), as the
// contract's liveRoomMessages hook reads it. Not part of the build.
import type { LiveRoomMessagePriority } from "@imgraph/core";
import type { LiveRoomDelivery } from "@imgraph/core/contract";
import type { RunningEmulator } from "@imgraph/emulators";

const PRIORITY: Record<string, LiveRoomMessagePriority> = {
  High: "HIGH",
  Normal: "NORMAL",
  Low: "LOW",
};

interface DumpedRoom {
  groupId: string;
  messages: Array<{ from: string; text: string | null; priority: string }>;
}

export function liveRoomMessages(
  emulator: RunningEmulator,
  sdkAppId: number,
  roomId: string,
): LiveRoomDelivery[] {
  const state = emulator.state(String(sdkAppId)) as { liveRooms?: DumpedRoom[] };
  const room = state.liveRooms?.find((r) => r.groupId === roomId);
  return (room?.messages ?? []).map((m) => ({
    from: m.from,
    text: m.text,
    priority: PRIORITY[m.priority] ?? null,
  }));
}
