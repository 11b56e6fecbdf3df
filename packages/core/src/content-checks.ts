import { BadUserInputError } from "./errors.js";
import { checkText, utf8Bytes } from "./validation.js";

// The checks every adapter makes on a message's content and push text, with its vendor's
// limits, before building what it sends.

/** The push text of a send, checked against the vendor's limit; undefined when there is none. */
export function checkPushText(pushText: string | undefined, maxBytes: number): string | undefined {
  return pushText === undefined ? undefined : checkText("pushText", pushText, { maxBytes });
}

/** The error for content of a type the neutral model does not have. */
export function unknownContentType(field: string): BadUserInputError {
  return new BadUserInputError(`${field}.type`, `${field}.type is not a known content type.`);
}

/**
 * Refuses content larger than the vendor takes once encoded (`encoded`: what is sent);
 * `vendor`, when given, is named in the message ("… once encoded for ZEGO.").
 */
export function checkEncodedSize(
  field: string,
  encoded: string,
  maxBytes: number,
  vendor?: string,
): void {
  if (utf8Bytes(encoded) > maxBytes) {
    const suffix = vendor === undefined ? "" : ` for ${vendor}`;
    throw new BadUserInputError(
      field,
      `${field} must be at most ${maxBytes} bytes once encoded${suffix}.`,
    );
  }
}
