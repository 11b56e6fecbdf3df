import {
  type ImAdapter,
  type ItemResult,
  type JsonObject,
  type ProgressReporter,
  type UserInput,
  withProgress,
} from "@imgraph/core";

/** Users handed to the adapter at once (it splits them into the vendor's calls). */
const USERS_PER_STEP = 1000;

export interface ImportSummary {
  imported: number;
  failed: number;
  /** Lines that were not a user (bad JSON, no id); they are not sent. */
  invalidLines: number;
  /** The first problems, for the operator: a line number or a user id, with why. */
  problems: Array<{ line?: number; userId?: string; code: string; message: string }>;
}

const MAX_PROBLEMS = 20;

/**
 * Imports users from JSON lines (`{"id": "...", "name": "...", "avatarUrl": "...", "extra": {...}}`)
 * through the app's adapter: a bad line is reported with its number and skipped, every other
 * user is registered (per user results), and `progress` is told after each vendor call.
 */
export async function importUsers(
  adapter: ImAdapter,
  text: string,
  progress: ProgressReporter,
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: 0, failed: 0, invalidLines: 0, problems: [] };
  const note = (problem: ImportSummary["problems"][number]) => {
    if (summary.problems.length < MAX_PROBLEMS) summary.problems.push(problem);
  };
  const users: UserInput[] = [];
  text.split("\n").forEach((raw, index) => {
    if (raw.trim() === "") return;
    const user = parseUser(raw);
    if (typeof user === "string") {
      summary.invalidLines++;
      note({ line: index + 1, code: "BAD_LINE", message: user });
    } else users.push(user);
  });
  const total = users.length;
  let before = 0;
  for (let start = 0; start < total; start += USERS_PER_STEP) {
    const step = users.slice(start, start + USERS_PER_STEP);
    // Progress over the whole file: this step's calls report within it.
    const offset = before;
    const results: ItemResult<unknown>[] = await withProgress(
      (done) => progress(offset + done, total),
      () => adapter.registerUsers(step),
    );
    for (const r of results) {
      if (r.ok) summary.imported++;
      else {
        summary.failed++;
        note({ userId: r.key, code: r.error.code, message: r.error.message });
      }
    }
    before += step.length;
    progress(before, total);
  }
  return summary;
}

/** A user from one line, or why the line is not one. */
function parseUser(raw: string): UserInput | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return "not JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "not a JSON object";
  const v = value as Record<string, unknown>;
  if (typeof v.id !== "string" || v.id === "") return "no string id";
  const user: UserInput = { id: v.id };
  for (const field of ["name", "avatarUrl"] as const) {
    if (v[field] === undefined) continue;
    if (typeof v[field] !== "string") return `${field} must be a string`;
    user[field] = v[field] as string;
  }
  if (v.extra !== undefined) {
    if (typeof v.extra !== "object" || v.extra === null || Array.isArray(v.extra))
      return "extra must be a JSON object";
    user.extra = v.extra as JsonObject;
  }
  return user;
}
