import { BadUserInputError } from "./errors.js";
import type { IdCodec, IdFields } from "./ids.js";
import type { Vendor } from "./model/app.js";
import type { Conversation } from "./model/message.js";

/** Who sent a message and where: what authorization needs from a message id. */
export interface MessageOrigin {
  senderId: string;
  conversation: Conversation;
}

/** What encoding and decoding a message id needs from an adapter's context. */
export interface MessageIdContext {
  ids: IdCodec;
  appId: string;
}

/**
 * How one vendor packs what it needs to act on a message later (its reference `R`) into
 * the opaque message id (kind "msg"), and who sent it where.
 */
export interface MessageIdScheme<R> {
  vendor: Vendor;
  /** The reference as the id's fields. */
  fields(ref: R): IdFields;
  /** The reference from an id's fields; undefined when they are not of this vendor's shape. */
  ref(fields: IdFields): R | undefined;
  origin(ref: R): MessageOrigin;
}

export interface MessageIds<R> {
  encode(ctx: MessageIdContext, ref: R): string;
  /** The reference in an id of this vendor and app, or BAD_USER_INPUT naming `field`. */
  decode(ctx: MessageIdContext, id: unknown, field?: string): R;
  /** Sender and conversation of an id of this app, without a vendor call; null if not one. */
  describe(ctx: MessageIdContext, id: string): MessageOrigin | null;
}

/** A vendor's message ids: encode, decode and describe, from its scheme. */
export function messageIds<R>(scheme: MessageIdScheme<R>): MessageIds<R> {
  const decode = (ctx: MessageIdContext, id: unknown, field = "messageId"): R => {
    const fields = ctx.ids.decode(id, {
      kind: "msg",
      vendor: scheme.vendor,
      appId: ctx.appId,
      field,
    });
    const ref = scheme.ref(fields);
    if (ref === undefined) {
      throw new BadUserInputError(field, `${field} is not a valid id: malformed.`);
    }
    return ref;
  };
  return {
    encode: (ctx, ref) => ctx.ids.encode("msg", scheme.vendor, ctx.appId, scheme.fields(ref)),
    decode,
    describe: (ctx, id) => {
      let ref: R;
      try {
        ref = decode(ctx, id);
      } catch {
        return null;
      }
      return scheme.origin(ref);
    },
  };
}
