// Test support: the offline pushes the ZEGO emulator accepted, read from its state dump
// (the vendor side, never through the adapter). Not part of the build.
import type { PushDelivery } from "@imgraph/core/contract";
import type { RunningEmulator } from "@imgraph/emulators";
import { z } from "zod";

const stateSchema = z.object({
  pushes: z.array(
    z.object({
      taskId: z.string().nullable(),
      title: z.string().nullable(),
      content: z.string().nullable(),
      recipients: z.array(z.string()),
    }),
  ),
});

/** The pushes ZIM accepted, oldest first: its OfflinePush Content is the body. */
export function pushes(emulator: RunningEmulator, appId: number): PushDelivery[] {
  const state = stateSchema.parse(emulator.state(String(appId)));
  return state.pushes.map((p) => ({
    taskId: p.taskId,
    title: p.title,
    body: p.content ?? "",
    recipients: p.recipients,
  }));
}
