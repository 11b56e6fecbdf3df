import { createHash, randomInt } from "node:crypto";

/** The numbers Tencent deduplicates a send by (C2C: MsgSeq + MsgRandom; group: Random). */
export interface SendMarks {
  msgSeq: number;
  msgRandom: number;
}

const UINT32 = 0x1_0000_0000;
let lastSeq = 0;

/**
 * Marks for one logical send, computed once and put in every attempt's body. Tencent drops
 * a C2C message whose sender, MsgSeq, MsgRandom and content CRC32 repeat within 120 s, and
 * a group message whose Random and content repeat within 5 minutes (tencent.md §3.7, §5):
 * so a retry of a send whose answer was lost is harmless, and the VendorClient may repeat it.
 *
 * With an idempotency key the marks derive from it and from what is sent (`scope`, only
 * made then: it holds the serialized body): a
 * caller's resend is dropped too, and a key reused for other content is another message,
 * with its own id (the id is made of the marks and the time, so the two would share one);
 * without one MsgRandom is random and MsgSeq increases, because Tencent orders one-to-one
 * history by time and then MsgSeq, which keeps sends of the same second in order.
 */
export function sendMarks(scope: () => string, idempotencyKey: string | undefined): SendMarks {
  // `scope`: the app, the kind of send, sender, recipients and the message body.
  if (idempotencyKey !== undefined) {
    const digest = createHash("sha256").update(`${scope()}\n${idempotencyKey}`).digest();
    return { msgSeq: digest.readUInt32BE(0), msgRandom: digest.readUInt32BE(4) };
  }
  const seq = Math.max((lastSeq + 1) % UINT32, Date.now() % UINT32);
  lastSeq = seq;
  return { msgSeq: seq, msgRandom: randomInt(0, UINT32) };
}
