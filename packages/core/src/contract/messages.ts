import type { ImAdapter } from "../adapter.js";
import type { MessageTarget } from "../model/message.js";
import { value } from "./expect.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `count` texts ("m1", "m2", ...) a few milliseconds apart, so that vendors that order
 * by time keep their order; answers the message ids (for a group, one per text).
 */
export async function sendTexts(
  adapter: ImAdapter,
  from: string,
  to: MessageTarget,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const [sent] = await adapter.sendMessage({
      from,
      to,
      content: { type: "TEXT", text: `m${i + 1}` },
    });
    ids.push(value(sent).messageId);
    await pause(5);
  }
  return ids;
}
