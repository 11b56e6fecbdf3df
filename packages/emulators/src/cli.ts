#!/usr/bin/env node
/** `imgraph-emulators`: start every registered emulator and print URLs + demo credentials. */
import { parseArgs, USAGE } from "./cli-args.js";
import { createCliCertificate } from "./cli-certificate.js";
import type { RunningEmulator } from "./framework/index.js";
import { emulatorRegistry } from "./registry.js";

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`imgraph-emulators: ${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const selected = emulatorRegistry.filter(
    (r) => args.only.length === 0 || args.only.includes(r.vendor),
  );
  const unknown = args.only.filter((v) => !emulatorRegistry.some((r) => r.vendor === v));
  if (unknown.length > 0) {
    console.error(`imgraph-emulators: unknown vendor(s): ${unknown.join(", ")}`);
    process.exit(2);
  }
  const running: RunningEmulator[] = [];
  const stop = async () => {
    await Promise.allSettled(running.map((e) => e.close()));
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  console.log(
    "imgraph emulators — DEMO credentials below are public, for local development only\n",
  );
  const certificate = args.tls ? await createCliCertificate(args.host) : undefined;
  if (certificate) {
    process.once("exit", () => certificate.remove()); // also when a start below fails
    console.log(`  HTTPS with a self-signed certificate: ${certificate.path}`);
    console.log(`    trust it with a client's ca, or NODE_EXTRA_CA_CERTS=${certificate.path}\n`);
  }
  if (args.latencyMs > 0) console.log(`  ${args.latencyMs} ms added before every answer\n`);
  for (const [i, reg] of selected.entries()) {
    const emu = await reg.start({
      port: args.port === 0 ? 0 : args.port + i,
      host: args.host,
      latencyMs: args.latencyMs,
      ...(certificate ? { tls: certificate.tls } : {}),
    });
    running.push(emu);
    console.log(`  ${reg.vendor.padEnd(10)} ${emu.url}   (${reg.title})`);
    for (const [k, v] of Object.entries(reg.demo)) console.log(`    ${k.padEnd(10)} ${v}`);
    console.log(`    control    ${emu.url}/__emulator/health\n`);
  }
  console.log("Press Ctrl+C to stop.");
}

main().catch((err: unknown) => {
  console.error(`imgraph-emulators: ${(err as Error).message}`);
  process.exit(1);
});
