// Reading SetConvMark's answer (zego.md #16 §1.6), apart from the operation so it can be
// tested alone.

/**
 * The failure a Code 0 answer reports for our one user and one conversation: the
 * conversation's Code, else the user's SubCode. Entries are not matched by id: the call
 * names one of each, and the docs' example spells a UserId differently from its request.
 */
export function failureOf(
  answer: Record<string, unknown>,
): { code: number; message: unknown } | null {
  const users = Array.isArray(answer.FailList) ? answer.FailList : [];
  for (const user of users) {
    if (typeof user !== "object" || user === null) continue;
    const u = user as { SubCode?: unknown; SubMessage?: unknown; FailList?: unknown };
    const convs = Array.isArray(u.FailList) ? u.FailList : [];
    for (const conv of convs) {
      const c = (conv ?? {}) as { Code?: unknown; Message?: unknown };
      const code = Number(c.Code);
      if (Number.isFinite(code) && code !== 0) return { code, message: c.Message };
    }
    const code = Number(u.SubCode);
    if (Number.isFinite(code) && code !== 0) return { code, message: u.SubMessage };
  }
  return null;
}
