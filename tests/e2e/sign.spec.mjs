// The policy screen, signing the undertaking and its receipt, offline and online, in
// Swedish and English, in real Chromium against a real server; a new pack version makes
// the app ask again. Staff screens carry no admin language: no hash, no "standardvärde",
// no "Källa i policyn" on each row.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, ROOT, idbValue, waitForPack } from "./fixtures.mjs";
import { PolicyPage, SignPage, ReceiptPage, dateInWords } from "./pages/sign.mjs";

const VINGAKER = readFileSync(join(ROOT, "packs/vingaker.toml"), "utf8");

/** Publishes Vingåker's pack with `edit` applied, as version `version`. */
function publishEdited(server, version, edit) {
  const edited = edit(VINGAKER.replace('version = "2026.12.1"', `version = "${version}"`));
  const file = join(server.dir, `vingaker-${version}.toml`);
  writeFileSync(file, edited);
  expect(server.cli("pack", "publish", file)).toContain("published 0428");
}

function signatureStatus(server) {
  return server.cli("signatures", "status", "--kommunkod", "0428").split("\n").slice(1).map((l) => l.split(","));
}

/** Admin language that must not reach a staff screen. */
async function expectNoAdminText(page) {
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/standardvärde|SHA-256|Intervall i månader|Kommunen har inte lagt in något nummer/);
  expect(text).not.toMatch(/\b[0-9a-f]{64}\b/);
  // Sources are told once, in the closed "Källor" toggle, not on the rows.
  await expect(page.getByText(/Källa i policyn/).filter({ visible: true })).toHaveCount(0);
}

test("the policy is a short list to open, with call buttons, offline, in Swedish and English", async ({ enrolled: page, server, phone, app }) => {
  // A number for the security officer, as a municipality's own pack would give it.
  publishEdited(server, "2026.12.5", (t) =>
    t.replace('id = "security"\n', 'id = "security"\nphone = "0151-191 00"\n'));
  // The app fetches the new pack on its next sync (a page load starts one).
  await expect.poll(async () => {
    await page.reload();
    return (await waitForPack(page)).version;
  }, { timeout: 30_000, intervals: [1_000, 2_000] }).toMatch(/^2026\.12\.5\b/);
  await phone.setOffline(true);
  const policy = new PolicyPage(page);
  await policy.open();
  await expect(policy.heading).toHaveText("Informationssäkerhetspolicy för Vingåkers kommun");

  // The sections are headings that open, not a seven-screen page.
  const pack = await waitForPack(page);
  const sections = pack.policy.sections;
  await expect(policy.sections).toHaveCount(sections.length);
  for (const d of await policy.sections.all()) await expect(d).not.toHaveAttribute("open", "");
  const first = policy.section(sections[0].title.sv);
  await first.locator("summary").click();
  await expect(first).toContainText(sections[0].text.sv.slice(0, 40));

  // A call button where the pack has a number, big enough for a thumb; a contact without
  // one is its role and when to call, and "Din chef" needs none.
  await expect(policy.callButtons).toHaveCount(1);
  await expect(policy.contact("security").getByRole("link", { name: /Ring 0151-191 00/ })).toHaveAttribute("href", "tel:015119100");
  const box = await policy.callButtons.first().boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(44);
  await expect(policy.contact("manager")).toContainText("Din chef");

  // The training in words; the document's facts folded away at the end.
  await expect(policy.trainingInterval).toContainText("Du gör utbildningen en gång om året.");
  await expect(policy.about).not.toHaveAttribute("open", "");
  await expect(policy.sources).toHaveCount(1);
  await expectNoAdminText(page);
  await app.expectNoSideScroll("policy");
  await app.scan("policy");
  await policy.about.locator("summary").click();
  await expect(page.getByTestId("policy-facts")).toContainText("Antagen av");
  await app.scan("policy, facts open");

  await app.setLanguage("English");
  await policy.open();
  await expect(policy.heading).toHaveText("Information security policy of Vingåker municipality");
  await expect(policy.trainingInterval).toContainText("You take the training once a year.");
  await expect(policy.contact("security").getByRole("link", { name: /Call 0151-191 00/ })).toBeVisible();
  await app.scan("policy (en)");
});

test("signing offline: an error summary in view, the draft kept, then delivered once online", async ({ enrolled: page, server, phone, app }) => {
  await waitForPack(page);
  await phone.setOffline(true);
  await page.getByTestId("sign-status").getByRole("link").click();
  const sign = new SignPage(page);
  // Vingåker's confirmation is not its signed ansvarsförbindelse, and says so.
  await expect(sign.heading).toHaveText("Bekräftelse");
  await expect(page.getByText("Det du bekräftar här är inte den ansvarsförbindelsen")).toBeVisible();
  // The policy is linked, not repeated above the statements.
  await expect(page.locator(".policy-sections")).toHaveCount(0);
  await expect(page.locator("main").getByRole("link", { name: "Informationssäkerhetspolicy för Vingåkers kommun" })).toHaveAttribute("href", "/policy");
  await expect(sign.name).toHaveValue("Anna Andersson");
  await expectNoAdminText(page);
  await app.scan("sign");

  // Something missing: the summary at the top, focused and in view, links to each field.
  await sign.statements.first().check();
  await sign.fill({ employeeRef: "anna@" });
  await sign.sign();
  await expect(sign.errorSummary).toBeFocused();
  await expect(sign.errorSummary).toBeInViewport();
  await expect(sign.errorSummary).toContainText("Det här behöver du rätta");
  // One line for the statements not ticked, pointing at the first of them.
  const boxes = await sign.statements.count();
  const unticked = Array.from({ length: boxes - 1 }, (_, i) => i + 2).join(", ");
  await expect(sign.summaryLink(`Kryssa i punkterna ${unticked}`)).toBeVisible();
  await expect(sign.summaryLink(/Anställningsnummer eller e-post: Det ser inte ut som en e-postadress/)).toBeVisible();
  await expect(sign.summaryLink("Arbetsplats: Fyll i det här fältet.")).toBeVisible();
  await expect(sign.errorSummary.getByRole("link")).toHaveCount(3);
  await sign.summaryLink("Arbetsplats: Fyll i det här fältet.").click();
  await expect(sign.workplace).toBeFocused();
  await expect(sign.workplace).toBeInViewport();
  await sign.summaryLink(`Kryssa i punkterna ${unticked}`).click();
  await expect(sign.statements.nth(1)).toBeFocused();
  // Each field still says what is wrong beside it.
  await expect(page.getByText("Bekräfta den här punkten.").first()).toBeVisible();
  await app.scan("sign with errors");

  // Every change is kept on the phone (the draft helper) and survives a reload.
  await expect.poll(async () => (await idbValue(page, "drafts", "signature"))?.employee_ref).toBe("anna@");
  await page.reload();
  await expect(sign.employeeRef).toHaveValue("anna@");
  await expect(sign.statements.first()).toBeChecked();

  await sign.fill({ employeeRef: "anna.andersson@vingaker.se", workplace: "Hemtjänst Norr" });
  await sign.confirmAll();
  await sign.sign();
  const receipt = new ReceiptPage(page);
  await expect(receipt.heading).toHaveText("Underskriven");
  await expect(receipt.waiting).toHaveText(`Du skrev under den ${dateInWords(new Date())}. Underskriften är sparad på telefonen och skickas till kommunen när du har nätverk.`);
  await expect(receipt.what).toContainText("Informationssäkerhetspolicy för Vingåkers kommun");
  await expectNoAdminText(page);
  await app.scan("signed, waiting");
  // The save's transaction deleted the draft, and nothing brings it back.
  expect(await idbValue(page, "drafts", "signature")).toBeUndefined();

  await page.reload();
  await expect(receipt.waiting).toBeVisible();
  const waiting = await idbValue(page, "meta", "signature");
  expect(waiting.record.workplace).toBe("Hemtjänst Norr");
  // The hash stays in the record, off the screen.
  expect(waiting.record.text_sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(signatureStatus(server)[0][2]).toBe("not_signed");

  // Back online: the app sends by itself, no tap needed.
  await phone.setOffline(false);
  await expect(receipt.received).toHaveText(`Du skrev under den ${dateInWords(new Date())}. Kommunen har fått din underskrift.`, { timeout: 15_000 });
  await expect(receipt.logEntry).toHaveText("1");
  await page.reload();
  await expect(receipt.logEntry).toHaveText("1");
  const rows = signatureStatus(server);
  expect(rows.length).toBe(1);
  expect(rows[0].slice(1, 3)).toEqual(["Anna Andersson", "signed"]);
  expect(server.cli("signatures", "verify", "--kommunkod", "0428")).toContain("1 signatures, chain intact");
  await expectNoAdminText(page);
  // "Klar" goes home.
  await receipt.done.click();
  await expect(app.reportLink).toBeVisible();
  await expect(page.getByTestId("sign-status")).toContainText("gällande versionen");
  expect(await idbValue(page, "drafts", "signature")).toBeUndefined();
});

test("a new version asks again, says what changed and remembers the details", async ({ enrolled: page, server, app }) => {
  await waitForPack(page);
  const sign = new SignPage(page);
  await sign.open();
  await sign.fill({ employeeRef: "A123", workplace: "Skolan i Baggetorp" });
  await sign.confirmAll();
  await sign.sign();
  const receipt = new ReceiptPage(page);
  await expect(receipt.received).toBeVisible({ timeout: 15_000 });

  publishEdited(server, "2026.12.2", (t) => t
    .replace("på det sätt som kommunens riktlinjer anger.", "samma dag, på det sätt som kommunens riktlinjer anger.")
    .replace("Incidenter rapporteras och hanteras enligt kommunens riktlinjer", "Incidenter rapporteras samma dag och hanteras enligt kommunens riktlinjer"));

  // The running server serves it at once; the app picks it up on its next sync.
  await app.home();
  await expect(page.getByTestId("sign-status")).toContainText("ny version", { timeout: 15_000 });
  await page.getByTestId("sign-status").getByRole("link").click();
  await expect(sign.whatChanged).toContainText("Texten du skriver under har ändrats.");
  await expect(sign.whatChanged).toContainText("Ändrat: Incidenter");
  await expect(sign.whatChanged).not.toContainText("Klassning");
  await app.scan("sign again");

  // The details typed last time are filled in again.
  await expect(sign.name).toHaveValue("Anna Andersson");
  await expect(sign.employeeRef).toHaveValue("A123");
  await expect(sign.workplace).toHaveValue("Skolan i Baggetorp");
  await sign.confirmAll();
  await sign.sign();
  await expect(receipt.logEntry).toHaveText("2", { timeout: 15_000 });
  expect(signatureStatus(server)[0][2]).toBe("signed");
});

test.describe("in English", () => {
  test("the error summary, the receipt and the policy link speak English", async ({ enrolled: page, app }) => {
    await waitForPack(page);
    await app.setLanguage("English");
    const sign = new SignPage(page);
    await sign.open();
    await sign.sign();
    await expect(sign.errorSummary).toBeFocused();
    await expect(sign.errorSummary).toBeInViewport();
    await expect(sign.errorSummary).toContainText("Please fix this");
    await expect(sign.summaryLink(/^Tick points 1, 2, 3/)).toBeVisible();
    await expect(sign.summaryLink("Workplace: Fill in this field.")).toBeVisible();
    await app.scan("sign with errors (en)");
    await sign.fill({ employeeRef: "A123", workplace: "Home care north" });
    await sign.confirmAll();
    await sign.sign();
    const receipt = new ReceiptPage(page);
    await expect(receipt.heading).toHaveText("Signed");
    await expect(receipt.received.or(receipt.waiting)).toContainText(`You signed on ${dateInWords(new Date(), "en")}.`, { timeout: 15_000 });
    await expect(receipt.done).toHaveText("Done");
    await app.scan("signed (en)");
  });
});
