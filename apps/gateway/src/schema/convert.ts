import type * as core from "@imgraph/core";
import type { ItemResult } from "@imgraph/core";
import { asImError } from "../errors.js";
import type { Attribute } from "./attribute-fields.js";
import type { Conversation } from "./message-types.js";
import type { ConversationType, ItemError, ItemOutcome, PerUser } from "./types.js";

/** Neutral values → schema objects. */

export function itemError(error: unknown): ItemError {
  const e = asImError(error);
  return {
    code: e.code,
    message: e.message,
    vendorCode: e.vendorCode ?? null,
    rule: e.rule ?? null,
    retryAfter: e.retryAfter ?? null,
  };
}

export function outcomes(results: ItemResult<unknown>[]): ItemOutcome[] {
  return results.map((r) => ({ key: r.key, ok: r.ok, error: r.ok ? null : itemError(r.error) }));
}

/** Per-user results → one schema object each, in the order asked; `convert` maps a value. */
export function perUser<V, F extends string, T>(
  results: ItemResult<V>[],
  field: F,
  convert: (value: V) => T,
): PerUser<F, T>[] {
  return results.map(
    (r) =>
      ({
        userId: r.key,
        [field]: r.ok ? convert(r.value) : null,
        error: r.ok ? null : itemError(r.error),
      }) as PerUser<F, T>,
  );
}

/** A neutral key → value map as the schema's list of attributes, in the map's order. */
export function attributeList(map: Record<string, string>): Attribute[] {
  return Object.entries(map).map(([key, value]) => ({ key, value }));
}

/** A neutral conversation as the schema shows it. */
export function shownConversation(c: core.Conversation): Conversation {
  return { type: c.type as ConversationType, id: c.id };
}

export function content(
  value: core.MessageContent,
): { __typename: string } & Record<string, unknown> {
  switch (value.type) {
    case "TEXT":
      return { __typename: "TextContent", text: value.text };
    case "CUSTOM":
      return { __typename: "CustomContent", customType: value.customType, data: value.data };
    case "IMAGE": {
      const { type: _type, ...rest } = value;
      return { __typename: "ImageContent", ...rest };
    }
    case "FILE": {
      const { type: _type, ...rest } = value;
      return { __typename: "FileContent", ...rest };
    }
    default:
      return { __typename: "UnknownContent", vendorType: value.vendorType, raw: value.raw };
  }
}
