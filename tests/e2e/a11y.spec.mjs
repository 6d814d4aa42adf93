// Every screen passes an automated accessibility scan (axe-core, WCAG 2.1 A and AA) in light
// and in dark mode, no screen scrolls sideways at 200 % text or in a 320 px window, and a
// report can be filed with the keyboard alone.
//
// Written route-first: each screen is a path, plus the few taps that reach the screens
// without one of their own (a report's steps, the saved page, a quiz's question, ...).
import { test, expect, enroll, waitForPack } from "./fixtures.mjs";

/** Screens reached by their address once the phone is enrolled and has its pack. */
const ROUTES = [
  ["home", "/"],
  ["report: what happened", "/report"],
  ["my reports", "/reports"],
  ["settings", "/settings"],
  ["policy", "/policy"],
  ["sign", "/sign"],
  ["quiz: start", "/quiz"],
  ["lookup: search", "/lookup"],
  ["lookup: kind", "/lookup/kind/nyckelkod"],
  ["lookup: place", "/lookup/place/email_secure"],
  ["lookup: guide", "/lookup/guide"],
  ["not found", "/no-such-page"],
];

/** Enrollment: the empty form and the form with its error. */
async function scanEnrollment(page, app) {
  await page.goto("/");
  await expect(page.getByLabel("Registreringskod")).toBeVisible();
  await app.scan("enroll");
  await page.getByRole("button", { name: "Registrera telefonen" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await app.scan("enroll with error");
}

/** The report flow: each step (and its errors), then the saved page. */
async function scanReportFlow(page, app) {
  await page.goto("/");
  await page.getByRole("link", { name: /^Rapportera/ }).first().click();
  await page.getByRole("button", { name: "Nästa" }).click();
  await app.scan("report: question with error");
  await page.getByLabel("Något annat").check();
  for (let i = 1; i <= 9; i++) {
    if (i === 9) {
      await page.getByRole("button", { name: "Nästa" }).click();
      await expect(page.locator("#err-description")).not.toBeEmpty();
      await app.scan("report: description with error");
      await page.getByLabel("Beskrivning").fill("Något hände");
    }
    await page.getByRole("button", { name: "Nästa" }).click();
    if (i === 4) await page.locator("#pd-involved-yes").check();
    await app.scan(`report: question ${i + 1}`);
  }
  await page.getByRole("button", { name: "Skicka" }).click();
  await expect(page.getByRole("heading", { name: /Rapporten är sparad/ })).toBeVisible();
  await app.scan("saved");
}

for (const colorScheme of ["light", "dark"]) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test(`every screen has no axe violations (${colorScheme})`, async ({ page, server, app }) => {
      await scanEnrollment(page, app);
      await enroll(page, server);
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
      await waitForPack(page);
      for (const [name, path] of ROUTES) {
        await app.goto(path);
        await app.scan(name);
      }
      await scanReportFlow(page, app);
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

  test("a report can be filed with the keyboard alone, focus following the questions", async ({ enrolled: page }) => {
    await page.goto("/report");
    await expect(page.locator("h1")).toBeVisible();
    // From the page top: skip link, brand, settings, then into the form.
    await page.keyboard.press("Tab");
    await expect(page.locator(":focus")).toHaveClass(/skip/);
    await page.keyboard.press("Enter");
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.type === "radio")); i++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Space");
    for (let i = 0; i < 9; i++) {
      // Enter in a text area is a new line; from there, Tab on to the "next" button.
      while (await page.evaluate(() => document.activeElement?.tagName === "TEXTAREA" || document.activeElement?.textContent === "Back" || document.activeElement?.textContent === "Tillbaka")) {
        await page.keyboard.press("Tab");
      }
      await page.keyboard.press("Enter");
      await expect(page.locator(":focus")).toHaveAttribute("id", "question");
      await page.keyboard.press("Tab");
    }
    await expect(page.getByRole("heading", { name: /Is this right|Stämmer det här/ })).toBeVisible();
    // Past the "Change" buttons of the review to "Send".
    for (let i = 0; i < 30 && !(await page.evaluate(() => /^(Send|Skicka)$/.test(document.activeElement?.textContent ?? ""))); i++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: /saved|sparad/ })).toBeVisible();
  });
});
