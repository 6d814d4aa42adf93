// Signing in to the console with the municipality's account, in Chromium against the real
// server and a real OpenID provider (npm's oidc-provider, tools/oidc-provider.mjs): the
// sign-in page's button, the provider's own login and consent pages, back to the console
// with a session (the callback's page goes on to the console, so the SameSite=Strict
// session cookie is sent), and a refused address shown in Swedish and English; and a phone
// that signs in at /oidc/enroll lands on /enroll#code=… with a code /api/v1/enroll takes.
// Every console page of ours passes axe.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { test, expect, scan, CHROMIUM_ARGS, ROOT } from "./fixtures.mjs";

async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on("error", fail);
  });
}

/** The provider, with our server's redirect URI; resolves to its issuer once it listens. */
async function startProvider(redirectUri) {
  const port = await freePort();
  const proc = spawn("node", [join(ROOT, "tools/oidc-provider.mjs"), "--port", String(port), "--redirect-uri", redirectUri],
    { stdio: ["pipe", "pipe", "ignore"] });
  const issuer = await new Promise((ok, fail) => {
    let out = "";
    proc.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/^ready (\S+)/m);
      if (m) ok(m[1]);
    });
    proc.once("exit", (code) => fail(new Error(`the provider exited (${code}): is oidc-provider installed in tools/? (tools/setup.sh)`)));
  });
  return { issuer, stop: () => proc.kill("SIGKILL") };
}

test("a coordinator signs in with the municipality's account", async ({ server }) => {
  const origin = `http://localhost:${server.port}`;
  const provider = await startProvider(`${origin}/oidc/callback`);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
  try {
    const secret = join(server.dir, "oidc.secret");
    writeFileSync(secret, "vaksam-test-secret\n");
    server.cli("oidc", "set", "--kommun", "0428", "--issuer", provider.issuer, "--client-id", "vaksam-test",
      "--client-secret-file", secret, "--domains", "kommun.test", "--public-url", origin);
    server.cli("admin", "invite", "--kommunkod", "0428", "--email", "anna@kommun.test", "--role", "coordinator",
      "--name", "Anna Andersson", "--public-url", origin);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await page.goto(`${origin}/admin/audit`);
    await expect(page).toHaveURL(/\/admin\/sign-in\?next=\/admin\/audit/);
    await scan(page, "sign-in with the municipality's account");
    await page.getByRole("link", { name: "Logga in med kommunens konto" }).click();
    // The provider's own pages.
    await page.getByRole("button", { name: "anna@kommun.test" }).click();
    await page.getByRole("button", { name: "Allow" }).click();
    // Back in the console, where the sign-in was going.
    await expect(page).toHaveURL(`${origin}/admin/audit`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logg");
    await expect(page.getByRole("cell", { name: "oidc.console.sign_in" })).toBeVisible();
    await scan(page, "audit after signing in");

    // Someone from outside the municipality's domains is told so, in both languages.
    await page.getByRole("button", { name: "Logga ut", exact: true }).click();
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
    const eve = await other.newPage();
    await eve.goto(`${origin}/admin/sign-in`);
    await eve.getByRole("link", { name: "Logga in med kommunens konto" }).click();
    await eve.getByRole("button", { name: "eve@evil.test" }).click();
    await eve.getByRole("button", { name: "Allow" }).click();
    await expect(eve.getByRole("heading", { level: 1 })).toHaveText("Det gick inte att logga in");
    await expect(eve.getByText("Din e-postadress hör inte till kommunen.", { exact: false })).toBeVisible();
    await expect(eve.getByText("Your e-mail address is not the municipality's.", { exact: false })).toBeVisible();
    await scan(eve, "refused");
    await eve.goto(`${origin}/admin`);
    await expect(eve).toHaveURL(/\/admin\/sign-in/);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    provider.stop();
  }
});

test("a phone is enrolled by signing in with the municipality's account", async ({ server }) => {
  const origin = `http://localhost:${server.port}`;
  const provider = await startProvider(`${origin}/oidc/callback`);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
  try {
    const secret = join(server.dir, "oidc.secret");
    writeFileSync(secret, "vaksam-test-secret\n");
    for (const kommun of ["0428", "0138"]) {
      server.cli("oidc", "set", "--kommun", kommun, "--issuer", provider.issuer, "--client-id", "vaksam-test",
        "--client-secret-file", secret, "--domains", "kommun.test", "--claim-employee-id", "employee_number",
        "--claim-workplace", "workplace", "--public-url", origin);
    }
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: "sv-SE" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // The app, not enrolled: the employee taps "Logga in med kommunens konto".
    await page.goto(`${origin}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kom igång");
    await scan(page, "enroll with the account button");
    await page.getByRole("link", { name: "Logga in med kommunens konto" }).click();
    // Two municipalities sign in this way: the phone chooses first.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Koppla telefonen till Vaksam");
    await scan(page, "choose the municipality");
    await page.locator('a[href="/oidc/enroll?kommun=0428"]').click();
    // The provider's own login and consent.
    await page.getByRole("button", { name: "bo@kommun.test" }).click();
    await page.getByRole("button", { name: "Allow" }).click();
    // Back in the app with the code in the fragment: it enrolls by itself, and the code
    // leaves the address.
    await expect(page.getByRole("link", { name: /^Rapportera/ }).first()).toBeVisible({ timeout: 15_000 });
    expect(page.url()).not.toContain("code=");
    await page.goto(`${origin}/settings`);
    await expect(page.getByText("Bo Berg").first()).toBeVisible();
    await expect(page.getByText("Vingåkers kommun").first()).toBeVisible();
    // The phone works offline afterwards as any other: the home screen opens with no network.
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.goto(`${origin}/`);
    await expect(page.getByRole("link", { name: /^Rapportera/ }).first()).toBeVisible({ timeout: 15_000 });
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    provider.stop();
  }
});
