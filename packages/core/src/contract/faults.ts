import { createServer } from "node:net";
import type { ImError } from "../errors.js";
import type { ItemResult } from "../results.js";

// What the adapters' fault tests share: an origin that refuses connections, and the error
// a call or an item ends with.

/** A loopback origin nothing listens on: connecting to it is refused. */
export async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** The error a call rejects with; fails the test when it resolves. */
export function rejection(call: Promise<unknown>): Promise<ImError> {
  return call.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error as ImError,
  );
}

/** The error of a failed item; fails the test when the item is missing or succeeded. */
export function failedItem<T>(result: ItemResult<T> | undefined): ImError {
  if (!result || result.ok) throw new Error("expected a failed item");
  return result.error;
}

/** The value of a successful item; throws the item's error otherwise. */
export function itemValue<T>(result: ItemResult<T> | undefined): T {
  if (!result?.ok) throw result?.error ?? new Error("no result");
  return result.value;
}
