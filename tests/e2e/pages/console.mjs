// The console in a desktop Chromium: a browser with a virtual passkey authenticator, an
// invite made with the CLI, and registering a passkey from it (which signs in).
import { chromium } from "@playwright/test";
import { expect, CHROMIUM_ARGS } from "../fixtures.mjs";

/** A desktop browser for the console, with a virtual platform authenticator that holds
 *  passkeys and verifies the user (as a fingerprint reader would). */
export async function consoleBrowser(server, viewport = { width: 1280, height: 900 }) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport, locale: "sv-SE" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", transport: "internal", hasResidentKey: true,
      hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  // WebAuthn needs a secure context and a domain as the relying party: localhost, not 127.0.0.1.
  const origin = `http://localhost:${server.port}`;
  return { browser, context, page, cdp, authenticatorId, origin, errors };
}

export function invite(server, { email = "sam@vingaker.se", role = "coordinator", name = "Sam Samordnare", kommunkod = "0428" } = {}) {
  return server.cli("admin", "invite", "--kommunkod", kommunkod, "--email", email, "--role", role,
    "--name", name, "--public-url", `http://localhost:${server.port}`);
}

export async function register(c, link) {
  await c.page.goto(link);
  await expect(c.page.getByRole("heading", { name: "Välkommen till Vaksam" })).toBeVisible();
  await c.page.getByLabel("Namn på nyckeln (frivilligt)").fill("Testdatorn");
  await c.page.getByRole("button", { name: "Skapa nyckel och logga in" }).click();
  await expect(c.page.getByRole("heading", { level: 1 })).toHaveText(/^Hej /);
  // The used token is gone from the address bar.
  await expect(c.page).toHaveURL(`${c.origin}/admin`);
}

