/**
 * A throw-away self-signed certificate for an emulator's HTTPS mode. Node's crypto makes
 * keys but cannot sign X.509, so `selfsigned` does the signing.
 */
import { isIP } from "node:net";
import { generate } from "selfsigned";

export interface TlsMaterial {
  /** PEM certificate: public, what a client passes as its `ca` to trust the emulator. */
  cert: string;
  /** PEM private key: stays in the process, never logged. */
  key: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A certificate valid for localhost, 127.0.0.1, ::1 and `host` (when it is another name). */
export async function generateCertificate(host = "127.0.0.1"): Promise<TlsMaterial> {
  const names = new Set(["localhost", "127.0.0.1", "::1", host]);
  names.delete("0.0.0.0"); // wildcard listen addresses are not names a client dials
  names.delete("::");
  const altNames = [...names].map((n) =>
    isIP(n) === 0 ? { type: 2 as const, value: n } : { type: 7 as const, ip: n },
  );
  const now = Date.now();
  const pems = await generate([{ name: "commonName", value: "imgraph emulator" }], {
    keyType: "ec", // P-256: generated in milliseconds, unlike a 2048-bit RSA key
    algorithm: "sha256",
    notBeforeDate: new Date(now - DAY_MS), // tolerate a client clock slightly behind
    notAfterDate: new Date(now + 30 * DAY_MS),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
