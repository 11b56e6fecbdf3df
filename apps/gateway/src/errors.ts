import { unwrapResolverError } from "@apollo/server/errors";
import { ImError } from "@imgraph/core";
import type { GraphQLFormattedError } from "graphql";

/**
 * GraphQL errors as clients see them: an ImError keeps its code and safe details; GraphQL's
 * own errors (parse, validation, bad variables, limits) keep theirs; anything else is masked
 * as INTERNAL_SERVER_ERROR (the request id is added later, and the original logged).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (original instanceof ImError) {
    const extensions: Record<string, unknown> = { code: original.code };
    if (original.vendor) extensions.vendor = original.vendor;
    if (original.vendorCode) extensions.vendorCode = original.vendorCode;
    if (original.retryAfter !== undefined) extensions.retryAfter = original.retryAfter;
    if (original.field) extensions.field = original.field;
    return { message: original.message, ...where, extensions };
  }
  if (isExpected(formatted)) return formatted;
  return {
    message: "Internal server error.",
    ...where,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/** Errors GraphQL itself raised on purpose (and our limits): shown as they are. */
export function isExpected(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.code;
  return typeof code === "string" && code !== "INTERNAL_SERVER_ERROR";
}

/** Whether a raw error is one we raised on purpose (so not worth a stack trace in the log). */
export function isDeliberate(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof ImError) return true;
  const code = (original as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === "string" && code !== "INTERNAL_SERVER_ERROR";
}
