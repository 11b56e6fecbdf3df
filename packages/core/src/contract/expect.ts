import { expect } from "vitest";
import { BadUserInputError, type ImError } from "../errors.js";
import type { Message } from "../model/message.js";
import type { Page } from "../model/page.js";
import type { ItemResult } from "../results.js";

// Assertions the contract cases share.

export function value<T>(result: ItemResult<T> | undefined): T {
  if (!result) throw new Error("missing result");
  if (!result.ok) throw result.error;
  return result.value;
}

/** The code of a refused item (fails when the item succeeded). */
export function errorCode(result: ItemResult<unknown> | undefined): string {
  if (!result) throw new Error("missing result");
  if (result.ok) throw new Error(`${result.key} succeeded`);
  return result.error.code;
}

export function expectAllOk(results: ItemResult<unknown>[]): void {
  const failed = results
    .filter((r) => !r.ok)
    .map((r) => `${r.key}: ${(r as { error: ImError }).error.message}`);
  expect(failed).toEqual([]);
}

export function text(message: Message): string {
  return message.content.type === "TEXT" ? message.content.text : `<${message.content.type}>`;
}

export async function collect<T>(page: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const result: Page<T> = await page(cursor);
    all.push(...result.items);
    if (!result.nextCursor) return all;
    cursor = result.nextCursor;
  }
  throw new Error("paging did not end within 100 pages");
}

/** A matcher for `toThrow`: a BAD_USER_INPUT refusal that blames `field`. */
export const badInput = (field: string) =>
  expect.objectContaining({ code: "BAD_USER_INPUT", field });

/** The field a synchronous input check blames (fails unless it throws BAD_USER_INPUT). */
export function refusedField(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).field;
  }
  throw new Error("expected a refusal");
}
