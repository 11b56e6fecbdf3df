import type { FileContent, ImageContent } from "./model/message.js";

// Media messages read back from a vendor's store into neutral content. What the vendor did
// not give is left out of the content (never a field set to undefined).

/** The optional details of an image, each possibly not given. */
export interface ImageDetails {
  width?: number | undefined;
  height?: number | undefined;
  sizeBytes?: number | undefined;
  thumbnailUrl?: string | undefined;
}

/** An image read back, with the details the vendor gave. */
export function imageContent(url: string, details: ImageDetails): ImageContent {
  return { type: "IMAGE", url, ...given(details) };
}

/** A file read back; a file the vendor names no name for is named "". */
export function fileContent(
  url: string,
  name: string | undefined,
  sizeBytes: number | undefined,
): FileContent {
  return { type: "FILE", url, name: name ?? "", ...given({ sizeBytes }) };
}

/** A width, height or byte size read back: vendors write 0 (or nothing) when they do not know it. */
export function knownSize(value: unknown): number | undefined {
  return typeof value === "number" && value > 0 ? value : undefined;
}

function given<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
