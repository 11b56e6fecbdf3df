/** Test helper: one call to an emulator's control API (/__emulator/…), JSON both ways. */

// biome-ignore lint/suspicious/noExplicitAny: control answers are free-form JSON in tests
export type ControlBody = Record<string, any>;

export async function controlRequest(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: ControlBody }> {
  const res = await fetch(`${baseUrl}/__emulator/${path}`, {
    method,
    ...(body !== undefined
      ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } }
      : {}),
  });
  return { status: res.status, body: (await res.json()) as ControlBody };
}
