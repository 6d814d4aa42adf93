// The report flow on a 360×640 phone (issue 12, "Report in three taps"): a lost phone in
// three taps and under 20 seconds with the call button and "Skicka" in view, the call
// button's number from the pack, a started report never reopened silently, cancel, errors
// where the eye is, the personal-data defaults and the employee's 72-hour advice, a
// report's own page (offline and online), English, and a supplement delivered once.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { test, expect, ROOT, cachedPack, enroll, idbValue, waitForPack } from "./fixtures.mjs";
import { smallTapTargets } from "./pages/home.mjs";
import { ReportFlow, MyReports, LOST_PHONE } from "./pages/report.mjs";

const PACKS = join(ROOT, "crates/server/tests/fixtures/packs");
const BASE = join(PACKS, "base-a.toml");

test.use({ isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

/** Publishes the small test pack (Vingåker's overlay on base-a) with a number for IT
 *  support, before the phone enrolls. */
function publishPackWithItNumber(server) {
  const overlay = join(server.dir, "kommun.toml");
  writeFileSync(overlay, readFileSync(join(PACKS, "kommun.toml"), "utf8")
    .replace('[[contacts]]\nid = "it_chief"', '[[contacts]]\nid = "it"\nphone = "0151-193 00"\n\n[[contacts]]\nid = "it_chief"'));
  expect(server.cli("pack", "publish", overlay, "--base", BASE)).toContain("published 0428");
}

async function enrollWithPack(page, server) {
  publishPackWithItNumber(server);
  await enroll(page, server);
  await expect.poll(async () => (await cachedPack(page))?.version, { timeout: 15_000 }).toBe("3+2026.12.1");
}

/** "Skicka nu" where the sync status offers it (the phone also sends by itself when the
 *  network is back). */
async function sendNow(page) {
  const button = page.getByRole("button", { name: "Skicka nu" });
  if (await button.isVisible()) await button.click();
}

/** Whether the element is entirely inside the window. */
async function inView(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });
}

test.describe("with a pack that gives IT support a number", () => {
  test.use({ serverArgs: ["--base", BASE] });

  test("a lost phone is reported in three taps and under 20 seconds, with the call button and Skicka in view", async ({ page, server }) => {
    await enrollWithPack(page, server);
    const flow = new ReportFlow(page, { tap: true });
    await page.goto("/");
    await expect(flow.reportLink).toBeVisible();
    expect(await inView(flow.reportLink)).toBe(true);
    // Count every trusted tap the page receives (a tap ends in a click), from home to "saved".
    await page.evaluate(() => {
      window.vaksamTaps = 0;
      document.addEventListener("click", (e) => { if (e.isTrusted) window.vaksamTaps += 1; }, true);
    });
    const started = Date.now();
    await flow.press(flow.reportLink);
    await flow.press(flow.category(LOST_PHONE));
    // "What to do now" first: call IT to block it, with the number, and "Skicka" right there.
    await expect(flow.heading).toHaveText("Gör så här nu");
    await expect(flow.guidance).toContainText("Ring IT.");
    const call = flow.callButtons.first();
    await expect(call).toHaveAttribute("href", "tel:015119300");
    await expect(call).toContainText("Ring IT-support 0151-193 00");
    expect(await inView(call)).toBe(true);
    expect(await inView(flow.sendButton)).toBe(true);
    await page.screenshot({ path: test.info().outputPath("act-now-360.png") });
    await flow.press(flow.sendButton);
    await expect(flow.savedHeading).toBeVisible();
    const seconds = (Date.now() - started) / 1000;
    expect(await page.evaluate(() => window.vaksamTaps)).toBe(3);
    expect(seconds).toBeLessThan(20);
    test.info().annotations.push({ type: "lost phone", description: `3 taps, ${seconds.toFixed(1)} s` });

    // Saved: calm (or, online, already received), the steps again with the call button, the
    // manager advice, and the way on.
    await expect(flow.reportState).toHaveText(/^(Den är sparad på telefonen\. Den skickas när du har nätverk\.|Mottagen av kommunen · Ärende \d{4}-\d{4})$/);
    await expect(flow.callButtons.first()).toHaveAttribute("href", "tel:015119300");
    await expect(flow.tellManager).toContainText("Tala om det för din chef genast, så hinner kommunen bedöma om den ska anmälas.");
    await expect(flow.addInformationButton).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("saved-360.png"), fullPage: true });
    const register = () => server.register();
    await expect.poll(() => register().length, { timeout: 15_000 }).toBe(1);
    expect(register()[0].category ?? JSON.stringify(register()[0])).toContain("lost_device");
    await flow.done();
  });
});

test("a started report is offered to continue or start over, never reopened silently", async ({ enrolled: page }) => {
  const flow = new ReportFlow(page);
  await flow.open();
  await flow.choose("Borttappat kort, tagg eller nyckel");
  // Stored before the page is left (the save is asynchronous).
  await expect.poll(async () => (await idbValue(page, "drafts", "incident"))?.draft?.category).toBe("lost_card_or_key");
  await page.goto("/");
  await flow.open();
  await expect(flow.draftPrompt).toBeVisible();
  await expect(flow.heading).toHaveText("Du har en påbörjad rapport");
  await expect(flow.draftPrompt).toContainText(/\(Borttappat kort, tagg eller nyckel, i dag kl\. \d\d\.\d\d\)/);
  await expect(flow.sendButton).toHaveCount(0);
  await flow.press(flow.continueButton);
  await expect(flow.chosenCategory).toHaveText("Borttappat kort, tagg eller nyckel");
  await expect(flow.sendButton).toBeVisible();

  // A reload returns to the same step (the step is in the draft), still asking first.
  await page.reload();
  await expect(flow.draftPrompt).toBeVisible();
  await flow.press(flow.startOverButton);
  await expect(flow.heading).toHaveText("Vad har hänt?");
  await expect(flow.category("Borttappat kort, tagg eller nyckel")).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(flow.heading).toHaveText("Vad har hänt?");
  await expect(flow.draftPrompt).toHaveCount(0);
});

test("a report can be cancelled on every step, after a question, and leaves no draft", async ({ enrolled: page }) => {
  const flow = new ReportFlow(page);
  await flow.open();
  await flow.press(flow.cancelButton);
  await expect(page.getByText("Vill du avbryta rapporten? Det du har fyllt i tas bort.")).toBeVisible();
  await page.getByRole("button", { name: "Nej, fortsätt" }).click();
  await expect(flow.heading).toHaveText("Vad har hänt?");
  await flow.choose("Utskrift på fel skrivare");
  await flow.tellMore({ place: "Skrivaren på plan 2" });
  await flow.cancel();
  await expect(flow.reportLink).toBeVisible();
  await flow.open();
  await expect(flow.draftPrompt).toHaveCount(0);
  await expect(flow.heading).toHaveText("Vad har hänt?");
  await flow.choose("Utskrift på fel skrivare");
  await flow.cancel();
  await expect(page).toHaveURL(/\/$/);
});

test("errors are shown under their question, scrolled into view and focused", async ({ enrolled: page, app }) => {
  const flow = new ReportFlow(page);
  await flow.open();
  await flow.choose("Något annat");
  // "Något annat" needs a description: sending without one opens it, in view and focused.
  await flow.press(flow.sendButton);
  await expect(flow.heading).toHaveText("Berätta mer");
  const question = page.locator("#q-description");
  await expect(question).toBeFocused();
  await expect(question.locator(".error")).toContainText("Beskriv kort vad som hänt");
  expect(await inView(question.locator(".error"))).toBe(true);
  expect(await inView(question.locator("label"))).toBe(true);
  // A time in the future: the time question, far above, comes into view and takes focus.
  await page.locator("#description").fill("Dörren till arkivet stod öppen.");
  await page.locator("#occurred_at").fill("2099-01-01T10:00");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await flow.press(flow.sendButton);
  await expect(page.locator("#q-occurred_at")).toBeFocused();
  expect(await inView(page.locator("#err-occurred_at"))).toBe(true);
  await app.scan("report: errors");
  const now = new Date(Date.now() - 60_000);
  const p = (n) => String(n).padStart(2, "0");
  await page.locator("#occurred_at").fill(`${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}:${p(now.getMinutes())}`);
  await flow.press(flow.sendButton);
  await expect(flow.savedHeading).toBeVisible();
});

test("personal data: a default per category, details only after yes, and the employee's 72-hour advice", async ({ enrolled: page }) => {
  const flow = new ReportFlow(page);
  // A lost key tag: personal data "no" by default, and no 72-hour advice.
  await flow.open();
  await flow.choose("Borttappat kort, tagg eller nyckel");
  await expect(flow.tellManager).toHaveCount(0);
  await flow.tellMore();
  await expect(page.locator("#q-pd-involved").getByRole("radio", { name: "Nej", exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Hälsa/ })).toHaveCount(0);
  await flow.cancel();

  // A lost phone: "don't know", so the advice is there, with the time in words.
  await flow.open();
  await flow.choose(LOST_PHONE);
  await expect(flow.tellManager).toContainText("Personuppgifter kan vara berörda");
  await expect(flow.tellManager).toContainText("Tala om det för din chef genast, så hinner kommunen bedöma om den ska anmälas.");
  await expect(page.getByTestId("tell-manager-by")).toHaveText(/^(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag) \d{1,2} [a-zåäö]+ kl\. \d\d\.\d\d$/);
  await expect(flow.tellManager).not.toContainText("IMY");
  await flow.tellMore();
  await expect(page.locator("#q-pd-involved").getByRole("radio", { name: "Vet inte", exact: true })).toBeChecked();
  // Details only after "yes"; health says "sensitive" without asking; OSL in words.
  await flow.answer("q-pd-involved", "Ja");
  await page.getByRole("checkbox", { name: /Hälsa/ }).check();
  await expect(page.locator("#q-pd-sensitive")).toHaveCount(0);
  await expect(page.getByTestId("sensitive-implied")).toBeVisible();
  await expect(page.locator("#q-pd-secrecy")).toContainText("offentlighets- och sekretesslagen");
  await page.getByRole("checkbox", { name: /Hälsa/ }).uncheck();
  await expect(page.locator("#q-pd-sensitive")).toBeVisible();
  // "No" drops the details and the advice.
  await flow.answer("q-pd-involved", "Nej");
  await expect(page.getByRole("checkbox", { name: /Hälsa/ })).toHaveCount(0);
  await flow.press(page.getByRole("button", { name: "Tillbaka", exact: true }).last());
  await expect(flow.tellManager).toHaveCount(0);
  await flow.send();
  await expect(flow.tellManager).toHaveCount(0);
});

test("a report's own page, waiting offline and received online, with its case number and status", async ({ enrolled: page, phone, server, app }) => {
  const flow = new ReportFlow(page);
  const reports = new MyReports(page);
  await phone.setOffline(true);
  await flow.fileQuickly(LOST_PHONE, { place: "Bussen mot Vingåker", description: "Glömde telefonen på sätet." });
  await expect(flow.reportState).toHaveText("Den är sparad på telefonen. Den skickas när du har nätverk.");
  await reports.open();
  await expect(reports.waiting).toHaveCount(1);
  await expect(reports.waiting).toContainText("Bussen mot Vingåker");
  await reports.openReport("Bussen mot Vingåker");
  await expect(reports.heading).toHaveText(LOST_PHONE);
  await expect(reports.caseStatus).toHaveText("Sparad på telefonen. Skickas när du har nätverk.");
  await expect(reports.sent).toContainText("Glömde telefonen på sätet.");
  await expect(reports.tellManager).toBeVisible();
  await app.scan("report page, waiting");

  await phone.setOffline(false);
  await sendNow(page);
  await reports.open();
  await expect(reports.received).toHaveCount(1, { timeout: 15_000 });
  await expect(reports.received).toContainText("Bussen mot Vingåker");
  await expect(reports.received.getByTestId("case-status")).toHaveText("Mottagen");
  await reports.openReport("Bussen mot Vingåker");
  await expect(reports.caseNumber).toHaveText(`${new Date().getFullYear()}-0001`);
  await expect(reports.caseStatus).toHaveText("Mottagen");
  await expect(reports.sent).toContainText("Bussen mot Vingåker");
  await expect(page.getByTestId("guidance")).toContainText("Ring IT-supporten");
  await page.screenshot({ path: test.info().outputPath("report-page-360.png"), fullPage: true });
  await app.scan("report page, received");
});

test.describe("in English", () => {
  test("the quick report and its page speak English", async ({ enrolled: page, app }) => {
    await app.setLanguage("English");
    const flow = new ReportFlow(page);
    await page.goto("/");
    await flow.open();
    await expect(flow.heading).toHaveText("What happened?");
    await flow.choose("Lost or stolen phone, tablet or computer");
    await expect(flow.heading).toHaveText("Do this now");
    await expect(flow.tellManager).toContainText("Tell your manager at once");
    await expect(page.getByTestId("tell-manager-by")).toHaveText(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]{2} at \d\d:\d\d$/);
    await app.scan("act now (en)");
    await flow.send();
    await expect(flow.reportState).toHaveText(/^(It is saved on this phone\. It is sent when you have a network\.|Received by the municipality · Case \S+)$/);
    await expect(flow.doneButton).toBeVisible();
    await expect(flow.addInformationButton).toBeVisible();
  });
});

test("information added offline is delivered once, to the same case, and a resend makes no second", async ({ enrolled: page, phone, server }) => {
  const flow = new ReportFlow(page);
  const reports = new MyReports(page);
  await flow.fileQuickly("E-post, brev eller sms till fel mottagare");
  await reports.open();
  await expect(reports.received).toHaveCount(1, { timeout: 15_000 });
  const incidentId = (await page.evaluate(() => new Promise((ok) => {
    const req = indexedDB.open("vaksam");
    req.onsuccess = () => {
      const get = req.result.transaction("receipts").objectStore("receipts").getAll();
      get.onsuccess = () => { req.result.close(); ok(get.result.map((r) => r.id)); };
    };
  })))[0];

  await phone.setOffline(true);
  await reports.openReport("E-post, brev eller sms till fel mottagare");
  await reports.addInformation({ description: "Mottagaren har raderat mejlet." });
  // Announced: focus is on the notice (inserted with the report, after it is read).
  await expect(reports.supplementSaved).toBeFocused();
  await expect(reports.supplements).toHaveCount(1);
  await expect(reports.supplements.getByTestId("supplement-state")).toHaveText("Sparat på telefonen. Skickas när du har nätverk.");
  await page.reload();
  await expect(reports.supplements).toHaveCount(1);

  // Online again: capture what the phone sends, to send it once more by hand.
  let sent;
  page.on("request", (r) => {
    if (r.url().endsWith("/api/v1/sync") && r.postData()?.includes("supplement")) sent = { headers: r.headers(), body: r.postData() };
  });
  await phone.setOffline(false);
  await sendNow(page);
  await expect(reports.supplements.getByTestId("supplement-state")).toHaveText("Tillägg skickat", { timeout: 15_000 });
  const rows = () => execFileSync("sqlite3", [server.dbFile, "SELECT incident_id, payload FROM supplements"], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
  expect(rows()).toHaveLength(1);
  expect(rows()[0]).toContain(incidentId);
  expect(rows()[0]).toContain("Mottagaren har raderat mejlet.");

  expect(sent).toBeTruthy();
  const again = await fetch(server.url + "/api/v1/sync", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: sent.headers.authorization },
    body: sent.body,
  });
  expect(again.status).toBe(200);
  expect(JSON.stringify(await again.json())).toContain("already_stored");
  expect(rows()).toHaveLength(1);
});

test("the 72-hour advice shows before sending as soon as personal data may be involved, also while a description is missing", async ({ enrolled: page }) => {
  const flow = new ReportFlow(page);
  await flow.open();
  await flow.choose("Något annat");
  // "Något annat" needs a description before it can be sent; the advice does not wait for it.
  await expect(flow.tellManager).toContainText("Tala om det för din chef genast");
  await expect(page.getByTestId("tell-manager-by")).toHaveText(/kl\. \d\d\.\d\d$/);
  await flow.tellMore({ personalData: "Nej" });
  await flow.press(page.getByRole("button", { name: "Tillbaka", exact: true }).last());
  await expect(flow.tellManager).toHaveCount(0);
  await flow.tellMore({ personalData: "Ja" });
  await flow.press(page.getByRole("button", { name: "Tillbaka", exact: true }).last());
  await expect(flow.tellManager).toBeVisible();
});

test("a 'no' from the lookup with an old draft: no merge; the old report or the new one, said plainly", async ({ enrolled: page }) => {
  await waitForPack(page);
  const flow = new ReportFlow(page);
  await flow.open();
  await flow.choose("Borttappat kort, tagg eller nyckel");
  await expect.poll(async () => (await idbValue(page, "drafts", "incident"))?.draft?.category).toBe("lost_card_or_key");
  // Keeping the old one: nothing of the lookup is added to it. (From the kind's card, as
  // the employee gets there: its "no" row's report link.)
  const fromLookup = async () => {
    await page.goto("/lookup/kind/foto_brukare");
    await page.locator("main details").evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    await page.locator('a[href="/report?kind=foto_brukare&place=camera_roll"]').first().click();
  };
  await fromLookup();
  await expect(flow.draftPrompt).toBeVisible();
  await expect(page.getByTestId("draft-lookup-note")).toHaveText("Det du hittade i ”Var får jag spara?” blir en ny rapport. Den gamla sparas inte om du börjar den nya.");
  await flow.press(page.getByRole("button", { name: "Fortsätt med den gamla" }));
  await expect(flow.chosenCategory).toHaveText("Borttappat kort, tagg eller nyckel");
  await expect(page.getByTestId("filled-in")).toHaveCount(0);
  await expect.poll(async () => (await idbValue(page, "drafts", "incident"))?.draft?.place).toBe("");
  // Starting the new one: the lookup's finding, and the old draft is gone.
  await fromLookup();
  await flow.press(page.getByRole("button", { name: "Börja den nya" }));
  await expect(page.getByTestId("filled-in")).toContainText("Foto i telefonens kamerarulle");
  await expect.poll(async () => (await idbValue(page, "drafts", "incident"))?.draft?.place).toBe("Foto i telefonens kamerarulle");
});

test("after 'Skicka' focus is on the saved page's heading; report screens say 'telefon', never 'enhet', and every control is 44 px", async ({ enrolled: page, app }) => {
  const flow = new ReportFlow(page);
  const reports = new MyReports(page);
  await flow.open();
  expect(await smallTapTargets(page), "what happened").toEqual([]);
  await flow.choose(LOST_PHONE);
  await expect(page.locator("main")).not.toContainText(/\benhet(en)?\b/);
  expect(await smallTapTargets(page), "what to do now").toEqual([]);
  await flow.tellMore({ personalData: "Ja" });
  expect(await smallTapTargets(page), "tell more").toEqual([]);
  // "Sekretess" names OSL secrecy only; the aspect is said in plain words.
  await expect(page.getByRole("checkbox", { name: "Fel personer kan ha sett informationen" })).toBeVisible();
  await expect(page.locator("#q-aspects")).not.toContainText("Sekretess");
  await flow.send();
  await expect(page.locator("#saved-title")).toBeFocused();
  await expect(page.locator("main")).not.toContainText(/\benhet(en)?\b/);
  expect(await smallTapTargets(page), "saved").toEqual([]);
  await reports.open();
  expect(await smallTapTargets(page), "Mina rapporter").toEqual([]);
  await reports.openReport("Borttappad");
  expect(await smallTapTargets(page), "a report's page").toEqual([]);
  await reports.addInformationButton.click();
  await expect(reports.heading).toHaveText("Lägg till information");
  expect(await smallTapTargets(page), "add information").toEqual([]);
  await app.scan("report: add information");
});
