// The policy screen and signing the undertaking, offline and online, in real Chromium
// against a real server; and a new pack version making the app ask again.
import { test, expect } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Browser, Server, ROOT, cachedPack, enroll, idbValue, scan } from "./fixtures.mjs";

let server;
let browser;
test.beforeEach(async () => {
  server = await Server.start();
  browser = await Browser.launch();
});
test.afterEach(async () => {
  await browser.dispose();
  await server.stop();
});

/** Enrolls and waits until the municipality's pack is on the phone. */
async function enrollWithPack(page) {
  await enroll(page, server);
  await expect(page.getByTestId("sign-status")).toContainText("inte skrivit under", { timeout: 15_000 });
  expect((await cachedPack(page)).municipality.kommunkod).toBe("0428");
}

function signatureStatus() {
  return server.cli("signatures", "status", "--kommunkod", "0428").split("\n").slice(1).map((l) => l.split(","));
}

async function confirmAll(page) {
  for (const box of await page.getByRole("checkbox").all()) await box.check();
}

test("the policy screen works offline and shows its sources", async () => {
  const page = await browser.page();
  await enrollWithPack(page);
  await browser.setOffline(true);
  await page.goto(server.url + "/policy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Informationssäkerhetspolicy för Vingåkers kommun");
  await expect(page.locator("#section-undertaking")).toContainText("Källa i policyn: §7");
  // The document gives no phone numbers; the app says so rather than inventing one.
  await expect(page.getByText("Kommunen har inte lagt in något nummer än.").first()).toBeVisible();
  // Vaksam's advice is said once for the screen, not "standardvärde" on every line.
  await expect(page.getByTestId("advice-note")).toHaveCount(1);
  await expect(page.getByTestId("advice-mark").first()).toHaveText("Vaksams råd");
  await expect(page.getByText("standardvärde")).toHaveCount(0);
  await scan(page, "policy");
  await page.getByRole("link", { name: "Inställningar" }).click();
  await page.getByLabel("English").check();
  await page.goto(server.url + "/policy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Information security policy of Vingåker municipality");
  await scan(page, "policy (en)");
  expect(browser.errors).toEqual([]);
});

test("signing offline survives a reload and is delivered once when online", async () => {
  const page = await browser.page();
  await enrollWithPack(page);
  await browser.setOffline(true);
  // Vingåker's confirmation is not its signed ansvarsförbindelse, and says so.
  await page.getByRole("link", { name: /Bekräftelse/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bekräftelse");
  await expect(page.getByText("Det du bekräftar här är inte den ansvarsförbindelsen")).toBeVisible();
  await expect(page.getByLabel("Namn")).toHaveValue("Anna Andersson");
  await scan(page, "sign");

  // Missing answers: each is named, and what was typed stays.
  await page.getByRole("checkbox").first().check();
  await page.getByLabel("Anställningsnummer eller e-post").fill("anna@");
  await page.getByRole("button", { name: "Skriv under" }).click();
  await expect(page.getByText("Bekräfta den här punkten.").first()).toBeVisible();
  await expect(page.getByText("Det ser inte ut som en e-postadress.", { exact: false })).toBeVisible();
  await expect(page.getByText("Fyll i det här fältet.")).toBeVisible();
  await scan(page, "sign with errors");
  await page.reload();
  await expect(page.getByLabel("Anställningsnummer eller e-post")).toHaveValue("anna@");
  await expect(page.getByRole("checkbox").first()).toBeChecked();

  await page.getByLabel("Anställningsnummer eller e-post").fill("anna.andersson@vingaker.se");
  await page.getByLabel("Arbetsplats").fill("Hemtjänst Norr");
  await confirmAll(page);
  await page.getByRole("button", { name: "Skriv under" }).click();
  await expect(page.getByRole("heading", { name: "Underskriven" })).toBeVisible();
  await expect(page.getByTestId("signature-waiting")).toBeVisible();
  await scan(page, "signed, waiting");

  await page.reload();
  await expect(page.getByTestId("signature-waiting")).toBeVisible();
  const waiting = await idbValue(page, "meta", "signature");
  expect(waiting.record.workplace).toBe("Hemtjänst Norr");
  expect(signatureStatus()[0][2]).toBe("not_signed");

  // Back online: the app sends by itself (the "online" event), no tap needed.
  await browser.setOffline(false);
  await expect(page.getByTestId("signature-received")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("log-entry")).toHaveText("1");
  await page.reload();
  await expect(page.getByTestId("log-entry")).toHaveText("1");
  const rows = signatureStatus();
  expect(rows.length).toBe(1);
  expect(rows[0].slice(1, 3)).toEqual(["Anna Andersson", "signed"]);
  expect(server.cli("signatures", "verify", "--kommunkod", "0428")).toContain("1 signatures, chain intact");
  await page.goto(server.url + "/");
  await expect(page.getByTestId("sign-status")).toContainText("gällande versionen");
  expect(browser.errors).toEqual([]);
});

test("a new version makes the app ask again and say what changed", async () => {
  const page = await browser.page();
  await enrollWithPack(page);
  await page.getByRole("link", { name: /Bekräftelse/ }).click();
  await page.getByLabel("Anställningsnummer eller e-post").fill("A123");
  await page.getByLabel("Arbetsplats").fill("Skolan i Baggetorp");
  await confirmAll(page);
  await page.getByRole("button", { name: "Skriv under" }).click();
  await expect(page.getByTestId("signature-received")).toBeVisible({ timeout: 15_000 });

  const edited = readFileSync(join(ROOT, "packs/vingaker.toml"), "utf8")
    .replace('version = "2026.12.1"', 'version = "2026.12.2"')
    .replace("på det sätt som kommunens riktlinjer anger.", "samma dag, på det sätt som kommunens riktlinjer anger.")
    .replace("Incidenter rapporteras och hanteras enligt kommunens riktlinjer", "Incidenter rapporteras samma dag och hanteras enligt kommunens riktlinjer");
  expect(edited).toContain("samma dag, på det sätt");
  expect(edited).toContain("Incidenter rapporteras samma dag");
  const file = join(server.dir, "vingaker-new.toml");
  writeFileSync(file, edited);
  expect(server.cli("pack", "publish", file)).toContain("published 0428");

  // The running server serves it at once; the app picks it up on its next sync.
  await page.goto(server.url + "/");
  await expect(page.getByTestId("sign-status")).toContainText("ny version", { timeout: 15_000 });
  await page.getByTestId("sign-status").getByRole("link").click();
  const changed = page.getByTestId("what-changed");
  await expect(changed).toContainText("Texten du skriver under har ändrats.");
  await expect(changed).toContainText("Ändrat: Incidenter");
  await expect(changed).not.toContainText("Klassning");
  await scan(page, "sign again");

  // The details typed last time are filled in again.
  await expect(page.getByLabel("Arbetsplats")).toHaveValue("Skolan i Baggetorp");
  await confirmAll(page);
  await page.getByRole("button", { name: "Skriv under" }).click();
  await expect(page.getByTestId("log-entry")).toHaveText("2", { timeout: 15_000 });
  expect(signatureStatus()[0][2]).toBe("signed");
  expect(browser.errors).toEqual([]);
});
