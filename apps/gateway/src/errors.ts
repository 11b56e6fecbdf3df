import { unwrapResolverError } from "@apollo/server/errors";
import { ImError, InternalError } from "@imgraph/core";
import { GraphQLError, type GraphQLFormattedError } from "graphql";

/** The error a resolver threw, under Apollo's and graphql-js's wrappers. */
function original(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  return unwrapped instanceof GraphQLError && unwrapped.originalError
    ? unwrapped.originalError
    : unwrapped;
}

/**
 * GraphQL errors as clients see them: an ImError keeps its code and safe details; GraphQL's
 * own errors (parse, validation, bad variables, limits) keep theirs; anything else is masked
 * as INTERNAL_SERVER_ERROR (the request id is added later, and the original logged).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const cause = original(error);
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (cause instanceof ImError) {
    return { message: cause.message, ...where, extensions: errorExtensions(cause) };
  }
  if (isExpected(formatted)) return formatted;
  // Apollo's own request errors (a persisted query's hash that does not match its text, an
  // unknown version) carry a 4xx status but no code: the client's mistake, shown as such.
  if (isClientRequestError(error)) {
    return { message: formatted.message, ...where, extensions: { code: "BAD_REQUEST" } };
  }
  if (isArgumentCoercionError(error)) {
    return { message: formatted.message, ...where, extensions: { code: "BAD_USER_INPUT" } };
  }
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
  const cause = original(error);
  if (cause instanceof ImError) return true;
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return (
    (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") ||
    isClientRequestError(error) ||
    isArgumentCoercionError(error)
  );
}

/**
 * graphql-js's refusal of an argument whose literal holds variables (so it is checked as the
 * field runs, not in validation): the client's input, e.g. a JSON literal nested too deep.
 */
function isArgumentCoercionError(error: unknown): boolean {
  let raw = error;
  while (raw instanceof GraphQLError && raw.originalError) raw = raw.originalError;
  return (
    raw instanceof GraphQLError &&
    raw.extensions?.code === undefined &&
    /^Argument "[^"]+" has invalid value /.test(raw.message)
  );
}

/** A GraphQLError Apollo raised about the request itself, with a 4xx status. */
function isClientRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError) return false;
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/**
 * The one mapping of an ImError to what a client sees: its code and its safe details
 * (vendor, vendor code, retry-after, field, the vendor rule behind a refusal). Field errors, per-item errors and refused
 * credentials all go through it.
 */
export function errorExtensions(error: ImError): Record<string, unknown> & { code: string } {
  const extensions: Record<string, unknown> & { code: string } = { code: error.code };
  if (error.vendor) extensions.vendor = error.vendor;
  if (error.vendorCode) extensions.vendorCode = error.vendorCode;
  if (error.retryAfter !== undefined) extensions.retryAfter = error.retryAfter;
  if (error.field) extensions.field = error.field;
  if (error.rule) extensions.rule = error.rule;
  return extensions;
}

/** Anything thrown, as the ImError a client may see (the unexpected become INTERNAL). */
export function asImError(error: unknown): ImError {
  return error instanceof ImError ? error : new InternalError("Internal server error.");
}

/** An ImError raised before execution (credentials), with the HTTP status it answers. */
export function requestError(error: ImError, status: number): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { ...errorExtensions(error), http: { status } },
  });
}
