// The municipality's console in Chromium against the real server: an invite from the CLI
// registers a passkey (Chromium's virtual authenticator through the DevTools protocol),
// the coordinator signs out and in again, a report filed on a phone appears, is triaged,
// the GDPR decision is recorded, the IMY dossier prints, and the status reaches the phone.
// Every console page passes axe.
import { test, expect, scan } from "./fixtures.mjs";
import { consoleBrowser, invite, register } from "./pages/console.mjs";
import { ReportFlow, MyReports, LOST_PHONE } from "./pages/report.mjs";

test("an invite registers a passkey, and the passkey signs in again", async ({ server }) => {
  const c = await consoleBrowser(server);
  try {
    const link = invite(server);
    expect(link).toMatch(/^http:\/\/localhost:\d+\/admin\/invite#token=/);
    await register(c, link);
    await expect(c.page.getByRole("heading", { level: 1 })).toHaveText("Hej Sam Samordnare!");
    await scan(c.page, "console start");

    await c.page.getByRole("link", { name: "Mitt konto" }).click();
    await expect(c.page.getByRole("cell", { name: "Testdatorn" }).or(c.page.getByRole("rowheader", { name: "Testdatorn" }))).toBeVisible();
    await scan(c.page, "account");

    await c.page.getByRole("button", { name: "Logga ut", exact: true }).click();
    await expect(c.page.getByText("Du är utloggad.")).toBeVisible();
    await scan(c.page, "sign in");

    // A page that needs signing in returns there after signing in.
    await c.page.goto(`${c.origin}/admin/audit`);
    await expect(c.page).toHaveURL(/\/admin\/sign-in\?next=\/admin\/audit/);
    await c.page.getByRole("button", { name: "Logga in med nyckel" }).click();
    await expect(c.page.getByRole("heading", { level: 1 })).toHaveText("Logg");
    await expect(c.page.getByRole("cell", { name: "passkey.register" })).toBeVisible();
    await scan(c.page, "audit");

    // The same invite cannot be used twice.
    await c.page.getByRole("button", { name: "Logga ut", exact: true }).click();
    await c.page.goto(link);
    await c.page.getByRole("button", { name: "Skapa nyckel och logga in" }).click();
    await expect(c.page.getByText("Inbjudan gäller inte längre.", { exact: false })).toBeVisible();
    await scan(c.page, "invite used");
    expect(c.errors).toEqual([]);
  } finally {
    await c.browser.close();
  }
});

test("a report from a phone is triaged in the console and its status reaches the phone", async ({ enrolled: page, server, phone }) => {
  // The employee reports a lost phone.
  const report = new ReportFlow(page);
  await report.open();
  await report.choose(LOST_PHONE);
  await report.send();
  const mine = new MyReports(page);
  await mine.open();
  await expect(mine.received).toHaveCount(1, { timeout: 15_000 });
  const caseNumber = `${new Date().getFullYear()}-0001`;

  const c = await consoleBrowser(server);
  try {
    await register(c, invite(server));
    await c.page.getByRole("link", { name: "Ärenden" }).first().click();
    await expect(c.page.getByRole("heading", { level: 1 })).toHaveText("Ärenden");
    await expect(c.page.getByRole("link", { name: caseNumber }).first()).toBeVisible();
    await scan(c.page, "register");

    await c.page.getByRole("link", { name: caseNumber }).first().click();
    await expect(c.page.getByRole("heading", { level: 1 })).toHaveText(`Ärende ${caseNumber}`);
    await expect(c.page.getByText("Förlorad eller stulen enhet").first()).toBeVisible();
    await scan(c.page, "case");

    // Taken up.
    await c.page.locator("#status-select").selectOption("in_progress");
    await c.page.getByRole("button", { name: "Spara status" }).click();
    await expect(c.page.locator(".status-line")).toContainText("Under utredning");

    // The GDPR decision, first with a mistake that is shown at its field.
    const breach = c.page.locator("#breach");
    await breach.getByRole("radio", { name: "Ja" }).first().check();
    await breach.getByLabel("Risk för de registrerade").selectOption("risk");
    await breach.locator("#breach-notify_imy").getByRole("radio", { name: "Nej" }).check();
    await breach.getByLabel("Motivering").fill("Telefonen saknade skärmlås");
    await breach.getByRole("button", { name: "Spara bedömningen" }).click();
    await expect(c.page.locator("#breach .error-summary")).toContainText("ska anmälas");
    await expect(c.page.locator("#breach-reason")).toHaveValue("Telefonen saknade skärmlås");
    await scan(c.page, "case with errors");
    await c.page.locator("#breach-notify_imy").getByRole("radio", { name: "Ja" }).check();
    await breach.getByRole("button", { name: "Spara bedömningen" }).click();
    await expect(c.page.locator("#breach .error-summary")).toHaveCount(0);
    await expect(c.page.locator("#breach-reason")).toHaveValue("Telefonen saknade skärmlås");

    // A message for the employee.
    await c.page.getByLabel("Meddelande", { exact: true }).fill("Tack! Vi har spärrat telefonen.");
    await c.page.getByRole("button", { name: "Skicka meddelandet" }).click();
    await expect(c.page.locator(".sent-message")).toContainText("Tack! Vi har spärrat telefonen.");

    // The dossier: ordered like IMY's form, without the employee's name, printable.
    await c.page.getByRole("link", { name: "Underlag för anmälan till IMY" }).click();
    await expect(c.page.getByRole("heading", { level: 1 })).toContainText("Underlag för anmälan till IMY");
    await expect(c.page.getByText("Anna Andersson")).toHaveCount(0);
    await scan(c.page, "dossier");
    await c.page.emulateMedia({ media: "print" });
    await expect(c.page.locator("header.top")).toBeHidden();
    await expect(c.page.getByRole("heading", { name: /Vad har hänt/ })).toBeVisible();
    await c.page.emulateMedia({ media: "screen" });

    await c.page.goto(`${c.origin}/admin/breaches`);
    await expect(c.page.getByRole("link", { name: caseNumber }).first()).toBeVisible();
    await scan(c.page, "breach register");
    await c.page.goto(`${c.origin}/admin/admins`);
    await scan(c.page, "admins");
    expect(c.errors).toEqual([]);
  } finally {
    await c.browser.close();
  }

  // The phone hears the new status at its next contact, and keeps it offline.
  await page.reload();
  await mine.open();
  await expect(mine.caseStatus).toHaveText("Under handläggning", { timeout: 15_000 });
  await expect(page.getByTestId("has-message")).toHaveText(/Meddelande från kommunen/);
  await mine.openReport("telefon");
  await expect(page.getByTestId("message")).toContainText("Tack! Vi har spärrat telefonen.");
  await scan(page, "a report with the municipality's message");
  await phone.setOffline(true);
  await page.reload();
  await expect(mine.caseStatus).toHaveText("Under handläggning");
  await expect(page.getByTestId("message")).toContainText("Tack! Vi har spärrat telefonen.");
});

test("the console on a 360 px phone, in English", async ({ server }) => {
  const c = await consoleBrowser(server, { width: 360, height: 740 });
  try {
    await register(c, invite(server, { email: "dora@vingaker.se", role: "dpo", name: "Dora" }));
    await c.page.getByRole("button", { name: "English" }).click();
    await expect(c.page.getByRole("heading", { level: 1 })).toHaveText("Hello Dora!");
    await expect(c.page.locator("html")).toHaveAttribute("lang", "en");
    await scan(c.page, "start, English, 360 px");
    await c.page.getByRole("link", { name: "Cases" }).first().click();
    await scan(c.page, "register, English, 360 px");
    const overflow = await c.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // A DPO does not manage accounts.
    const res = await c.page.goto(`${c.origin}/admin/admins`);
    expect(res.status()).toBe(403);
  } finally {
    await c.browser.close();
  }
});

test("the content pages pass axe and keep what was typed", async ({ server }) => {
  const c = await consoleBrowser(server);
  try {
    await register(c, invite(server));
    await c.page.getByRole("link", { name: "Innehåll", exact: true }).first().click();
    await expect(c.page.getByRole("heading", { level: 1 })).toHaveText("Innehåll");
    await scan(c.page, "content");
    await c.page.getByRole("link", { name: "Redigera kommunens fil" }).click();
    const file = c.page.getByLabel("Kommunens fil (TOML)");
    await expect(file).toHaveValue(/kommunkod = "0428"/);
    await scan(c.page, "content edit");
    const original = await file.inputValue();
    await file.fill(original.replace("[[policy.sections]]", "[[policy.sections]]\nnonsense = 1"));
    await c.page.getByRole("button", { name: "Kontrollera" }).click();
    await expect(c.page.locator(".error-summary")).toContainText(/Rad \d+: /);
    await expect(file).toHaveValue(/nonsense = 1/);
    await scan(c.page, "content with errors");
    await file.fill(original);
    await c.page.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(c.page.locator(".error-summary")).toHaveCount(0);
    await scan(c.page, "content preview");
  } finally {
    await c.browser.close();
  }
});

// The municipality hears of a new report at once, by mail through a real SMTP server
// (tools/smtp-sink.py), with a link and without personal data.
const mailTest = test.extend({
  smtp: [async ({}, use) => {
    const { spawn } = await import("node:child_process");
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "vaksam-mail-"));
    const proc = spawn("/usr/bin/python3", [join(import.meta.dirname, "../../tools/smtp-sink.py"), "--dir", dir], { stdio: ["pipe", "pipe", "inherit"] });
    const port = await new Promise((ok, fail) => {
      proc.stdout.once("data", (d) => ok(Number(String(d).trim().split(" ")[1])));
      proc.once("exit", () => fail(new Error("the SMTP sink did not start")));
    });
    await use({ port, dir });
    proc.kill();
    rmSync(dir, { recursive: true, force: true });
  }, { scope: "worker" }],
  serverArgs: async ({ smtp }, use) => use(["--smtp-url", `smtp://127.0.0.1:${smtp.port}`, "--mail-from", "Vaksam <vaksam@vingaker.example>"]),
});

mailTest("a new report is mailed to the coordinator with a link and no personal data", async ({ enrolled: page, server, smtp }) => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  invite(server);
  const report = new ReportFlow(page);
  await report.open();
  await report.choose(LOST_PHONE);
  await report.send();
  const caseNumber = `${new Date().getFullYear()}-0001`;
  let mail = "";
  await expect.poll(() => {
    const files = readdirSync(smtp.dir).filter((f) => f.endsWith(".eml"));
    mail = files.map((f) => readFileSync(join(smtp.dir, f), "utf8")).join("\n");
    return files.length;
  }, { timeout: 20_000 }).toBe(1);
  const body = mail.replace(/=\r?\n/g, "");
  expect(body).toContain("X-Envelope-To: sam@vingaker.se");
  expect(body).toContain(caseNumber);
  expect(body).toContain(`/admin/incidents/${caseNumber}`);
  expect(body).not.toContain("Anna Andersson");
});
