// Test support: what the ZEGO emulator delivered into a ZIM room, read from its state dump
// (the vendor side, never through the adapter). Not part of the build.
import type { LiveRoomMessagePriority } from "@imgraph/core";
import type { LiveRoomDelivery } from "@imgraph/core/contract";
import type { RunningEmulator } from "@imgraph/emulators";
import { z } from "zod";

const stateSchema = z.object({
  zimRooms: z.array(
    z.object({
      roomId: z.string(),
      messages: z.array(
        z.object({ from: z.string(), msgType: z.number(), body: z.string(), priority: z.number() }),
      ),
    }),
  ),
});

/** SendRoomMessage Priority: 1 low, 2 medium, 3 high. */
const PRIORITY: Record<number, LiveRoomMessagePriority> = { 1: "LOW", 2: "NORMAL", 3: "HIGH" };

/** The messages delivered into a room, oldest first ([] when the room does not exist). */
export function liveRoomMessages(
  emulator: RunningEmulator,
  appId: number,
  roomId: string,
): LiveRoomDelivery[] {
  const state = stateSchema.parse(emulator.state(String(appId)));
  const room = state.zimRooms.find((r) => r.roomId === roomId);
  return (room?.messages ?? []).map((m) => ({
    from: m.from,
    text: m.msgType === 1 ? m.body : null,
    priority: PRIORITY[m.priority] ?? null,
  }));
}
