import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { Authenticator, sha256Hex } from "../src/auth/authenticate.js";

async function token(
  key: Parameters<SignJWT["sign"]>[0],
  alg: string,
  claims: Record<string, unknown> = {},
  opts: { kid?: string; exp?: string; iss?: string; aud?: string } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, ...(opts.kid ? { kid: opts.kid } : {}) })
    .setSubject("alice")
    .setIssuer(opts.iss ?? "issuer")
    .setAudience(opts.aud ?? "imgraph")
    .setExpirationTime(opts.exp ?? "5m")
    .sign(key);
}

const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

describe("Authenticator", () => {
  it("verifies RS256 and ES256 tokens with a public key, checking issuer and audience", async () => {
    for (const alg of ["RS256", "ES256"]) {
      const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
      const auth = new Authenticator({
        apiKeys: [],
        jwt: {
          publicKey: await exportSPKI(publicKey),
          issuer: "issuer",
          audience: "imgraph",
          roleClaim: "role",
          adminRoles: ["admin"],
        },
      });
      expect(
        await auth.authenticate({ authorization: `Bearer ${await token(privateKey, alg)}` }),
      ).toMatchObject({ role: "USER", userId: "alice" });
      await expect(
        auth.authenticate({
          authorization: `Bearer ${await token(privateKey, alg, {}, { iss: "evil" })}`,
        }),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(
        auth.authenticate({
          authorization: `Bearer ${await token(privateKey, alg, {}, { aud: "other" })}`,
        }),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      const other = await generateKeyPair(alg);
      await expect(
        auth.authenticate({ authorization: `Bearer ${await token(other.privateKey, alg)}` }),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
  });

  it("verifies tokens against a JWKS URL", async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const auth = new Authenticator({
      apiKeys: [],
      jwt: {
        jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
        roleClaim: "role",
        adminRoles: ["admin"],
      },
    });
    const admin = await token(privateKey, "ES256", { role: "admin" }, { kid: "k1" });
    expect(await auth.authenticate({ authorization: `Bearer ${admin}` })).toMatchObject({
      role: "ADMIN",
      userId: "alice",
    });
  });

  it("refuses a token without expiry, an HS256 token when keys are asymmetric, and alg none", async () => {
    const secret = new TextEncoder().encode("x".repeat(40));
    const auth = new Authenticator({
      apiKeys: [],
      jwt: { secret: "x".repeat(40), roleClaim: "role", adminRoles: ["admin"] },
    });
    const noExp = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("alice")
      .sign(secret);
    await expect(auth.authenticate({ authorization: `Bearer ${noExp}` })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"alice","exp":9999999999}').toString("base64url")}.`;
    await expect(auth.authenticate({ authorization: `Bearer ${unsigned}` })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const { publicKey } = await generateKeyPair("RS256", { extractable: true });
    const rsa = new Authenticator({
      apiKeys: [],
      jwt: { publicKey: await exportSPKI(publicKey), roleClaim: "role", adminRoles: [] },
    });
    const hs = await token(secret, "HS256");
    await expect(rsa.authenticate({ authorization: `Bearer ${hs}` })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("accepts API keys by their SHA-256 only", async () => {
    const auth = new Authenticator({
      apiKeys: [{ name: "backend", sha256: sha256Hex("the-key") }],
    });
    expect(await auth.authenticate({ apiKey: "the-key" })).toMatchObject({
      role: "ADMIN",
      name: "backend",
    });
    await expect(auth.authenticate({ apiKey: sha256Hex("the-key") })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await auth.authenticate({})).toEqual({ role: "ANONYMOUS" });
  });
});
