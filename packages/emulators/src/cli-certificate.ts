/**
 * The CLI's HTTPS mode: one certificate for every emulator it starts, its PEM written to a
 * file so any client (or NODE_EXTRA_CA_CERTS) can trust it. The key never leaves memory.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCertificate, type TlsMaterial } from "./framework/index.js";

export interface CliCertificate {
  tls: TlsMaterial;
  /** Where the certificate PEM (public) was written. */
  path: string;
  remove(): void;
}

export async function createCliCertificate(host: string): Promise<CliCertificate> {
  const tls = await generateCertificate(host);
  const dir = mkdtempSync(join(tmpdir(), "imgraph-emulators-"));
  const path = join(dir, "emulators-ca.pem");
  writeFileSync(path, tls.cert);
  return { tls, path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
