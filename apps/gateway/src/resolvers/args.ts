import type * as core from "@imgraph/core";
import { BadUserInputError, type OutgoingContent } from "@imgraph/core";
import { ArgsType, Field, Int } from "type-graphql";
import type { ConversationRefInput } from "../schema/conversation-types.js";
import type { MessageContentInput } from "../schema/inputs.js";

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/** A connection's `first`, checked and defaulted. */
export function first(value: number | null | undefined, max = MAX_PAGE): number {
  if (value === undefined || value === null) return DEFAULT_PAGE;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new BadUserInputError("first", `first must be between 1 and ${max}.`);
  }
  return value;
}

/** The one-of content input → neutral content (exactly one member must be set). */
export function toContent(input: MessageContentInput, field = "content"): OutgoingContent {
  const set = (["text", "custom", "image", "file"] as const).filter((k) => input?.[k] != null);
  if (set.length !== 1) {
    throw new BadUserInputError(
      field,
      `${field} must set exactly one of text, custom, image or file.`,
    );
  }
  if (input.text) return { type: "TEXT", text: input.text.text };
  if (input.custom) {
    return {
      type: "CUSTOM",
      customType: input.custom.customType,
      data: input.custom.data as never,
    };
  }
  if (input.image) return { type: "IMAGE", ...defined(input.image) } as OutgoingContent;
  const file = input.file as NonNullable<MessageContentInput["file"]>;
  return { type: "FILE", ...defined(file) } as OutgoingContent;
}

/** A conversation argument → the neutral conversation (a plain object, not the input's class). */
export function toConversation(input: ConversationRefInput): core.Conversation {
  return { type: input?.type, id: input?.id };
}

/** The entries that are set: optional arguments left out (null or omitted) are not passed on. */
export function defined<T extends object>(value: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as { [K in keyof T]?: NonNullable<T[K]> };
}

/** Forward paging arguments of every list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "Page size (1-100, default 20)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  after?: string | null;
}

/** A list's paging arguments → the vendor page to ask for: the checked size and the cursor. */
export function pageRequest({ first: size, after }: PageArgs): {
  limit: number;
  cursor: string | null;
} {
  return { limit: first(size), cursor: after ?? null };
}
