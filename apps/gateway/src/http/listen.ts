import type { Server } from "node:net";

/** Listens and answers "host:port" as a URL authority (IPv6 in brackets). */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("not listening on a port");
  const name = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `${name}:${address.port}`;
}
