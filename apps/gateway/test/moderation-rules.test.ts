import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { MemoryRateStore, type PreSendCheck } from "@imgraph/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HookConfig } from "../src/moderation/hook.js";
import { type ModerationRules, Moderator } from "../src/moderation/rules.js";

const check = (text: string, senderId = "alice"): PreSendCheck => ({
  senderId,
  conversation: { type: "USER", id: "bob" },
  content: { type: "TEXT", text },
  vendorMessageKey: "k1",
});

const rules = (extra: Partial<ModerationRules> = {}): ModerationRules => ({
  blockedWords: ["scam"],
  maskedWords: ["darn"],
  patterns: ["\\b\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}\\b"],
  maxTextLength: 50,
  senderRate: null,
  blockReason: "Not sent.",
  hook: null,
  ...extra,
});

const moderator = (r: ModerationRules) =>
  new Moderator("chat", r, { store: new MemoryRateStore(), keyPrefix: "t:" });

describe("local rules", () => {
  const m = moderator(rules());

  it("allows a clean message", async () => {
    expect(await m.decide(check("hello there"))).toEqual({
      decision: { action: "ALLOW" },
      rule: "none",
    });
  });

  it("blocks a blocked word, disguised or not, with the configured reason", async () => {
    for (const text of ["a scam", "a S C A M", "a 5cam", "a ѕсаm"]) {
      expect(await m.decide(check(text)), text).toEqual({
        decision: { action: "BLOCK", reason: "Not sent." },
        rule: "blocked_word",
      });
    }
  });

  it("blocks a pattern match and an over-long text", async () => {
    expect((await m.decide(check("card 4111 1111 1111 1111"))).rule).toBe("pattern");
    expect((await m.decide(check("x".repeat(51)))).rule).toBe("size");
  });

  it("rewrites a masked word", async () => {
    expect(await m.decide(check("oh darn"))).toEqual({
      decision: { action: "REWRITE", text: "oh ***" },
      rule: "masked_word",
    });
  });

  it("reads a custom message's data, and leaves images to the size and hook rules", async () => {
    const custom: PreSendCheck = {
      ...check(""),
      content: { type: "CUSTOM", customType: "note", data: { note: "big scam" } },
    };
    expect((await m.decide(custom)).rule).toBe("blocked_word");
    const image: PreSendCheck = {
      ...check(""),
      content: { type: "IMAGE", url: "https://x/scam.png" },
    };
    expect((await m.decide(image)).rule).toBe("none");
  });

  it("limits each sender's rate, and a vendor's repeat does not count", async () => {
    const limited = moderator(rules({ senderRate: { limit: 2, windowSeconds: 60 } }));
    expect((await limited.decide(check("1"))).rule).toBe("none");
    expect((await limited.decide(check("2"))).rule).toBe("none");
    expect((await limited.decide(check("2 again"), false)).rule).toBe("none");
    expect((await limited.decide(check("3"))).rule).toBe("sender_rate");
    // Another sender has a rate of their own.
    expect((await limited.decide(check("1", "carol"))).rule).toBe("none");
  });
});

describe("the app's hook", () => {
  let server: Server;
  let base: string;
  const seen: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        seen.push({ headers: req.headers, body });
        const send = (status: number, text: string) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(text);
        };
        switch (req.url) {
          case "/allow":
            return send(200, '{"action":"ALLOW"}');
          case "/block":
            return send(200, '{"action":"BLOCK","reason":"Off topic."}');
          case "/rewrite":
            return send(200, '{"action":"REWRITE","text":"[removed]"}');
          case "/garbage":
            return send(200, "<html>");
          case "/error":
            return send(500, "{}");
          case "/slow":
            return setTimeout(() => send(200, '{"action":"ALLOW"}'), 500);
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const hooked = (path: string, extra: Partial<HookConfig> = {}) =>
    moderator(
      rules({
        hook: {
          url: `${base}${path}`,
          timeoutMs: 200,
          failMode: "open",
          allowNetworks: ["127.0.0.0/8"],
          ...extra,
        },
      }),
    );

  it("asks the hook after the local rules allow, and takes its decision", async () => {
    expect(await hooked("/allow").decide(check("hi"))).toEqual({
      decision: { action: "ALLOW" },
      rule: "none",
    });
    expect(await hooked("/block").decide(check("hi"))).toEqual({
      decision: { action: "BLOCK", reason: "Off topic." },
      rule: "hook",
    });
    expect(await hooked("/rewrite").decide(check("hi"))).toEqual({
      decision: { action: "REWRITE", text: "[removed]" },
      rule: "hook",
    });
    // A locally blocked message never reaches the hook.
    const before = seen.length;
    await hooked("/allow").decide(check("scam"));
    expect(seen.length).toBe(before);
  });

  it("sends the check, signed with the hook's own secret, and no vendor secret", async () => {
    seen.length = 0;
    await hooked("/allow", { secret: "hook-secret-0123456789" }).decide(check("oh darn"));
    const [request] = seen;
    const body = JSON.parse(request?.body ?? "{}");
    // The hook sees the text after the local masking.
    expect(body).toEqual({
      app: "chat",
      senderId: "alice",
      conversation: { type: "USER", id: "bob" },
      content: { type: "TEXT", text: "oh ***" },
      vendorMessageKey: "k1",
    });
    const ts = request?.headers["x-imgraph-timestamp"] as string;
    const mac = createHmac("sha256", "hook-secret-0123456789").update(`${ts}.${request?.body}`);
    expect(request?.headers["x-imgraph-signature"]).toBe(`sha256=${mac.digest("hex")}`);
    expect(JSON.stringify(request)).not.toContain("hook-secret");
  });

  for (const failMode of ["open", "closed"] as const) {
    it(`fails ${failMode} on a slow, failing or nonsensical hook`, async () => {
      for (const [path, why] of [
        ["/slow", "timed out"],
        ["/error", "HTTP 500"],
        ["/garbage", "answer is not JSON"],
      ] as const) {
        const verdict = await hooked(path, { failMode }).decide(check("hi"));
        expect(verdict.rule, path).toBe("hook_failed");
        expect(verdict.hookFailure).toBe(why);
        expect(verdict.decision.action).toBe(failMode === "open" ? "ALLOW" : "BLOCK");
      }
    });
  }

  it("keeps a timed-out hook within its budget", async () => {
    const started = performance.now();
    await hooked("/slow").decide(check("hi"));
    expect(performance.now() - started).toBeLessThan(450);
  });

  it("refuses loopback and private addresses the config does not name (no SSRF)", async () => {
    const port = new URL(base).port;
    for (const url of [`${base}/block`, `http://localhost:${port}/block`]) {
      const verdict = await moderator(
        rules({ hook: { url, timeoutMs: 200, failMode: "open", allowNetworks: [] } }),
      ).decide(check("hi"));
      expect(verdict, url).toMatchObject({
        decision: { action: "ALLOW" },
        rule: "hook_failed",
        hookFailure: "hook address outside the allowed networks",
      });
    }
    for (const url of ["http://10.0.0.1/x", "http://169.254.169.254/latest", "http://[::1]/x"]) {
      const verdict = await moderator(
        rules({ hook: { url, timeoutMs: 200, failMode: "closed", allowNetworks: [] } }),
      ).decide(check("hi"));
      expect(verdict.hookFailure, url).toBe("hook address outside the allowed networks");
    }
  });
});
