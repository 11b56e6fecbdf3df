import { readFileSync, writeFileSync } from "node:fs";
import { OPERATION_NAMES } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { supportMatrix } from "../src/support-matrix.js";

const FILE = new URL("../../../docs/support-matrix.md", import.meta.url);

describe("docs/support-matrix.md", () => {
  it("is generated from the declarations and is not stale (pnpm support-matrix)", () => {
    const fresh = supportMatrix();
    if (process.env.UPDATE_SUPPORT_MATRIX) writeFileSync(FILE, fresh);
    expect(readFileSync(FILE, "utf8")).toBe(fresh);
  });

  it("has a row for every declared operation", () => {
    const text = supportMatrix();
    for (const name of OPERATION_NAMES) expect(text).toContain(`| \`${name}\` (`);
  });
});
