// Every screen passes an automated accessibility scan (axe-core, WCAG 2.1 A and AA) in light
// and in dark mode, no screen scrolls sideways at 200 % text or in a 320 px window, and a
// report can be filed with the keyboard alone.
//
// Written route-first: each screen is a path, plus the few taps that reach the screens
// without one of their own (a report's steps, the saved page, a quiz's question, ...).
import { ROUTES } from "./pages/app.mjs";
import { test, expect, enroll, idbValue, waitForPack } from "./fixtures.mjs";
import { Lookup } from "./pages/lookup.mjs";
import { QuizPage } from "./pages/quiz.mjs";
import { LOST_PHONE, MyReports, ReportFlow } from "./pages/report.mjs";
import { ReceiptPage, SignPage } from "./pages/sign.mjs";

/** Enrollment: the empty form and the form with its error. */
async function scanEnrollment(page, app) {
  await page.goto("/");
  await expect(page.getByLabel("Registreringskod")).toBeVisible();
  await app.scan("enroll");
  await page.getByRole("button", { name: "Registrera telefonen" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await app.scan("enroll with error");
}

/** The report flow: each screen (and its errors), then the saved page. */
async function scanReportFlow(page, app) {
  const flow = new ReportFlow(page);
  await flow.open();
  await app.scan("report: what happened");
  await flow.choose("Något annat");
  await app.scan("report: what to do now");
  // "Något annat" needs a description: "Skicka" shows the error at the question.
  await flow.sendButton.click();
  await expect(page.locator("#err-description")).not.toBeEmpty();
  await app.scan("report: tell more, with error");
  await page.getByLabel("Beskrivning").fill("Något hände");
  await flow.answer("q-pd-involved", "Ja");
  await app.scan("report: tell more, personal data");
  await flow.cancelButton.click();
  await app.scan("report: cancel asked");
  await page.getByRole("button", { name: "Nej, fortsätt" }).click();
  // Stored before the page is left (the save is asynchronous).
  await expect.poll(async () => (await idbValue(page, "drafts", "incident"))?.draft?.description).toBe("Något hände");
  await page.goto("/");
  await flow.open();
  await expect(flow.draftPrompt).toBeVisible();
  await app.scan("report: started report");
  await flow.continueButton.click();
  await flow.send();
  await app.scan("saved");
}

/** "Mina rapporter" with a filed report, and that report's own page. */
async function scanMyReports(page, app) {
  const reports = new MyReports(page);
  await reports.open();
  await app.scan("my reports, one report");
  await reports.openReport(/./);
  await app.scan("a report's page");
  await reports.addInformationButton.click();
  await expect(reports.heading).toHaveText(/Lägg till information|Add information/);
  await app.scan("a report's page: add information");
}

/** The search with hits and with none, then a kind's answer card with a "no" opened. */
async function scanLookup(page, app) {
  const lookup = new Lookup(page);
  await lookup.open();
  await lookup.search("teams");
  await app.scan("lookup: search with hits");
  await lookup.search("xqzv");
  await app.scan("lookup: search without hits");
  await page.goto("/lookup/kind/nyckelkod");
  await expect(lookup.card).toBeVisible();
  if (await lookup.askSector.isVisible()) {
    await app.scan("lookup: kind, sector asked");
    await lookup.chooseSector("Skola");
  }
  await app.scan("lookup: kind");
  if (await lookup.no.count()) {
    await lookup.no.first().locator("summary").click();
    await app.scan("lookup: kind, a no opened");
  }
}

/** The signing form with its errors, then the receipt. */
async function scanSigning(page, app) {
  const sign = new SignPage(page);
  await sign.open();
  await sign.sign();
  await expect(sign.errorSummary).toBeVisible();
  await app.scan("sign: with errors");
  await sign.fill({ name: "Anna Andersson", employeeRef: "anna.andersson@vingaker.se", workplace: "Hemtjänst Norr" });
  await sign.confirmAll();
  await sign.sign();
  await page.waitForURL(/\/signed$/);
  await expect(new ReceiptPage(page).heading).toBeVisible();
  await app.scan("signed");
}

/** A quiz round: start (with the sector asked), a question with its error, right and
 *  wrong feedback, the result. */
async function scanQuiz(page, app, pack) {
  const quiz = new QuizPage(page, pack);
  await quiz.open();
  const sector = page.getByRole("group", { name: "Var arbetar du?" });
  if (await sector.isVisible()) {
    await app.scan("quiz: sector");
    await quiz.chooseSector("Skola");
  }
  await app.scan("quiz: start");
  await quiz.start();
  await quiz.answerButton.click();
  await expect(quiz.error).toBeVisible();
  await app.scan("quiz: question with error");
  for (let i = 1; !(await quiz.score.isVisible()); i++) {
    expect(i, "a round has at most 10 questions").toBeLessThanOrEqual(10);
    await quiz.answer(i !== 2);
    if (i <= 2) await app.scan(`quiz: feedback, ${i === 2 ? "wrong" : "right"}`);
    await quiz.next();
    await expect(quiz.question.or(quiz.score)).toBeVisible();
  }
  await app.scan("quiz: result");
}

for (const colorScheme of ["light", "dark"]) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test(`enrollment and every route have no axe violations (${colorScheme})`, async ({ page, server, app }) => {
      await scanEnrollment(page, app);
      await enroll(page, server);
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
      await waitForPack(page);
      for (const [name, path] of ROUTES) {
        await app.goto(path);
        await app.scan(name);
      }
    });

    test(`the report flow and my reports have no axe violations (${colorScheme})`, async ({ enrolled: page, app }) => {
      await waitForPack(page);
      await scanReportFlow(page, app);
      await scanMyReports(page, app);
    });

    test(`the lookup, signing and quiz have no axe violations (${colorScheme})`, async ({ enrolled: page, app }) => {
      const pack = await waitForPack(page);
      await scanLookup(page, app);
      await scanSigning(page, app);
      await scanQuiz(page, app, pack);
    });

    test(`the screens in English have no axe violations (${colorScheme})`, async ({ enrolled: page, app }) => {
      await waitForPack(page);
      await app.setLanguage("English");
      for (const [name, path] of ROUTES) {
        await app.goto(path);
        await app.scan(`${name} (en)`);
      }
    });
  });
}

test.describe("200 % text", () => {
  test.use({ textSize: 2 });

  test("no screen scrolls sideways at 200 % text on a 360 px phone", async ({ enrolled: page, app }) => {
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("32px");
    await waitForPack(page);
    for (const [name, path] of ROUTES) {
      await app.goto(path);
      await app.expectNoSideScroll(name);
    }
    const flow = new ReportFlow(page);
    await flow.open();
    await flow.choose(LOST_PHONE);
    await app.expectNoSideScroll("report: what to do now");
    await flow.tellMore();
    await app.expectNoSideScroll("report: tell more");
    await flow.send();
    await app.expectNoSideScroll("saved");
    await new MyReports(page).open();
    await app.expectNoSideScroll("my reports");
  });
});

test("at 200% zoom (a 320 px wide viewport) no screen scrolls sideways", async ({ enrolled: page, app }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await waitForPack(page);
  for (const [name, path] of ROUTES) {
    await app.goto(path);
    await app.expectNoSideScroll(name);
  }
});

test.describe("keyboard", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("a report can be filed with the keyboard alone, focus following the screens", async ({ enrolled: page }) => {
    await page.goto("/report");
    await expect(page.locator("h1")).toBeVisible();
    // From the page top: skip link, brand, settings, then into the form.
    await page.keyboard.press("Tab");
    await expect(page.locator(":focus")).toHaveClass(/skip/);
    await page.keyboard.press("Enter");
    // Tab to the first "what happened" row (a lost phone) and choose it with Enter.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.classList.contains("category-row"))); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(page.locator(":focus")).toContainText("Borttappad eller stulen telefon");
    await page.keyboard.press("Enter");
    // Focus follows to "what to do now"; from there, Tab on to "Skicka rapporten".
    await expect(page.locator(":focus")).toHaveAttribute("id", "act-now");
    for (let i = 0; i < 10 && !(await page.evaluate(() => /^(Send the report|Skicka rapporten)$/.test(document.activeElement?.textContent?.trim() ?? ""))); i++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: /saved|sparad/ })).toBeVisible();
  });
});
