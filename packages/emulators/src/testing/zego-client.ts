/** Test support: what ZEGO's client SDK does through the emulator. */

/** A simulated client-SDK send through the emulator (its `POST /zim-client/send`). */
export async function clientSend(
  emulatorUrl: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulatorUrl}/zim-client/send`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}
