// A format-2 pack on the phone, in real Chromium against the real server: where each thing
// comes from (a citation, Vaksam's advice, confirmed advice), texts without a translation,
// call buttons in the guidance, the quiz's sources and the employee's sector. The packs are
// the small invented ones of the server's tests (a base and Vingåker's overlay on it), so
// what is cited, advised and confirmed is known exactly.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, ROOT, cachedPack, enroll, idbValue, scan } from "./fixtures.mjs";
import { ReportFlow } from "./pages/report.mjs";

const PACKS = join(ROOT, "crates/server/tests/fixtures/packs");
const BASE = join(PACKS, "base-a.toml");

test.use({ serverArgs: ["--base", BASE] });

// The tests and the helpers below share this test's server and phone (fixtures.mjs).
let server;
let browser;
test.beforeEach(async ({ server: testServer, phone }) => {
  server = testServer;
  browser = phone;
  // The overlay as the server's tests have it, but keeping the base's school question, so
  // that the bank has a question only one sector is asked.
  const overlay = join(server.dir, "kommun.toml");
  writeFileSync(overlay, readFileSync(join(PACKS, "kommun.toml"), "utf8").replace('[omit]\nquestions = ["instagram"]', "")
    .replace('title = "Informationssäkerhetspolicy"\n', 'title = "Informationssäkerhetspolicy"\nurl = "https://www.example.se/policy.pdf"\nadopted = "2019-05-27"\ndiarienummer = "KS 2019/123"\n'));
  expect(server.cli("pack", "publish", overlay, "--base", BASE)).toContain("published 0428");
});

async function enrollWithPack(page) {
  await enroll(page, server);
  await expect.poll(async () => (await cachedPack(page))?.version, { timeout: 15_000 }).toBe("3+2026.12.1");
}

test("the policy tells its sources once, in one quiet toggle, and that some of it is Vaksam's advice", async () => {
  const page = await browser.page();
  await enrollWithPack(page);
  await page.goto(server.url + "/policy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Informationssäkerhetspolicy");
  // No source line, mark or "standardvärde" on the rows: one "Källor" toggle for the screen,
  // naming the sections the screen cites (§4 for "Varför" and the manager, §8 for the IT
  // chief) and saying once that the rest is Vaksam's advice.
  await expect(page.getByText("standardvärde")).toHaveCount(0);
  await expect(page.getByTestId("advice-mark")).toHaveCount(0);
  const sources = page.getByTestId("page-sources");
  await expect(sources).toHaveCount(1);
  await expect(page.locator("main").getByText(/Källa i policyn/)).toBeHidden();
  await sources.locator("summary").click();
  await expect(sources).toContainText("Källa i policyn: §4, §8");
  await expect(sources.getByTestId("advice-note")).toHaveText("En del av det här är allmänna råd från Vaksam. Kommunen har inte bekräftat dem än.");
  for (const id of ["contact-manager", "contact-it", "contact-it_chief"]) {
    await expect(page.getByTestId(id)).not.toContainText("Källa");
  }
  // A contact with a number has a call button; one without is named, with no excuse.
  const manager = page.getByTestId("contact-manager");
  await expect(manager.getByTestId("call")).toHaveAttribute("href", "tel:015119100");
  await expect(manager.getByTestId("call")).toContainText("0151-19 100");
  await expect(page.getByTestId("contact-it").getByTestId("call")).toHaveCount(0);
  await expect(page.getByText(/inte lagt in/)).toHaveCount(0);
  await expect(page.getByTestId("in-swedish")).toHaveCount(0);
  // The whole document, its adoption date and diarienummer, folded away at the end.
  await page.getByTestId("policy-about").locator("summary").click();
  await expect(page.getByRole("link", { name: "Läs hela policyn" })).toHaveAttribute("href", "https://www.example.se/policy.pdf");
  await expect(page.getByTestId("adopted")).toHaveText("2019-05-27");
  await expect(page.getByTestId("diarienummer")).toHaveText("KS 2019/123");
  await scan(page, "policy (format 2)");

  // In English, a block without a translation says once that it is shown in Swedish.
  await page.goto(server.url + "/settings");
  await page.getByLabel("English", { exact: true }).check();
  // The choice is saved once the catalog has loaded; the page says so by its lang.
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto(server.url + "/policy");
  await expect(page.getByTestId("advice-note")).toContainText("general advice from Vaksam");
  // "Varför" has no English title, its text has: one note for the section.
  const why = page.locator("#section-why");
  await why.locator("summary").click();
  await expect(why).toContainText("Information matters.");
  await expect(why.getByTestId("in-swedish")).toHaveCount(1);
  await expect(why.getByTestId("in-swedish")).toHaveText("(in Swedish)");
  await expect(page.getByTestId("contact-it_chief").getByTestId("in-swedish")).toHaveCount(1);
  await expect(manager).toContainText("When something happened.");
  await scan(page, "policy (format 2, en)");

  // What is signed is named by the pack: "Bekräftelse", not "ansvarsförbindelse".
  await page.goto(server.url + "/settings");
  await page.getByLabel("Svenska", { exact: true }).check();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await page.goto(server.url + "/");
  await page.getByRole("link", { name: /Bekräftelse/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bekräftelse");
  await expect(page.getByTestId("advice-note")).toHaveCount(1);
  await expect(page.getByText(/nsvarsförbindelse/)).toHaveCount(0);
  expect(browser.errors).toEqual([]);
});

test("guidance gives a call button where the contact has a number, and plainly whom to ask where not", async () => {
  const page = await browser.page();
  await enrollWithPack(page);
  await new ReportFlow(page).fileQuickly("Något annat", { description: "Ett konstigt mejl." });
  const steps = page.getByTestId("guidance");
  await expect(steps).toContainText("Berätta för din chef.");
  await expect(steps.getByTestId("call")).toHaveText("Ring Din chef 0151-19 100");
  await expect(steps.getByTestId("call")).toHaveAttribute("href", "tel:015119100");
  await expect(page.getByTestId("advice-note")).toHaveCount(1);
  await scan(page, "guidance with a number");

  await page.goto(server.url + "/");
  await new ReportFlow(page).fileQuickly("Borttappad eller stulen telefon, surfplatta eller dator");
  await expect(page.getByTestId("guidance")).toContainText("Ring IT.");
  // IT support has no number: no button, the step says whom to ask.
  await expect(page.getByTestId("guidance").getByTestId("call")).toHaveCount(0);
  await expect(page.getByTestId("guidance").getByTestId("ask")).toHaveText("Fråga IT-support.");
  expect(browser.errors).toEqual([]);
});

test("the sector is asked once, decides the course, and can be changed in settings", async () => {
  const page = await browser.page();
  await enrollWithPack(page);
  await page.getByRole("link", { name: /Utbildning/ }).click();
  await expect(page.getByRole("group", { name: "Var arbetar du?" })).toBeVisible();
  await scan(page, "quiz: sector");
  await page.getByRole("button", { name: "Hemtjänst eller omsorg" }).click();
  // Home care is not asked the school question: the two for everyone.
  await page.getByRole("button", { name: "Starta" }).click();
  await expect(page.getByText("Fråga 1 av 2")).toBeVisible();
  expect((await idbValue(page, "meta", "quiz-progress")).sector).toBe("home_care");

  // A confirmed default: shown as the municipality's own, no mark and no source line.
  const feedback = page.getByTestId("feedback");
  await page.getByLabel("Ring IT", { exact: true }).check();
  await page.getByRole("button", { name: "Svara" }).click();
  await expect(feedback).toContainText("Rätt!");
  await expect(feedback).not.toContainText("Källa");
  await expect(page.getByTestId("advice-mark")).toHaveCount(0);
  await expect(page.getByTestId("advice-note")).toHaveCount(0);
  await page.getByRole("button", { name: "Nästa fråga" }).click();
  // A cited question: its source, and a link to the policy section it teaches.
  await page.getByLabel("Verksamheten", { exact: true }).check();
  await page.getByRole("button", { name: "Svara" }).click();
  await expect(feedback).not.toContainText("Källa");
  await page.getByTestId("page-sources").locator("summary").click();
  await expect(page.getByTestId("page-sources")).toContainText("Källa i policyn: §8");
  await scan(page, "quiz: cited feedback");
  await feedback.getByRole("link", { name: "Läs mer i policyn: Varför" }).click();
  await expect(page).toHaveURL(/\/policy#section-why$/);
  await expect(page.locator("#section-why")).toBeInViewport();

  // Asked once: the quiz does not ask again; settings show the answer and change it.
  await page.goto(server.url + "/quiz");
  await page.getByRole("button", { name: "Fortsätt" }).click();
  await expect(page.getByTestId("feedback")).toBeVisible();
  await expect(page.getByText("Var arbetar du?")).toHaveCount(0);
  await page.goto(server.url + "/settings");
  await expect(page.getByRole("button", { name: "Hemtjänst eller omsorg" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Skola" }).click();
  await expect(page.getByRole("button", { name: "Skola" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Hemtjänst eller omsorg" })).toHaveAttribute("aria-pressed", "false");
  await expect.poll(async () => (await idbValue(page, "meta", "quiz-progress")).sector).toBe("school");
  await page.reload();
  await expect(page.getByRole("button", { name: "Skola" })).toHaveAttribute("aria-pressed", "true");
  await scan(page, "settings with sector");
  expect(browser.errors).toEqual([]);
});
