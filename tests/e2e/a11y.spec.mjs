// Every screen passes an automated accessibility scan (axe-core, WCAG 2.1 A and AA).
import { test, expect } from "@playwright/test";
import { Browser, Server, enroll, scan, waitForPack } from "./fixtures.mjs";

let server;
let browser;
test.beforeAll(async () => {
  server = await Server.start();
  browser = await Browser.launch();
});
test.afterAll(async () => {
  await browser.dispose();
  await server.stop();
});

test("every screen has no axe violations, in Swedish and English", async () => {
  const page = await browser.page();
  await page.goto(server.url + "/");
  await expect(page.getByLabel("Registreringskod")).toBeVisible();
  await scan(page, "enroll");
  await page.getByRole("button", { name: "Registrera telefonen" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await scan(page, "enroll with error");

  await enroll(page, server);
  await scan(page, "home");
  await page.getByRole("link", { name: /Rapportera incident/ }).click();
  await page.getByRole("button", { name: "Nästa" }).click();
  await scan(page, "report: question with error");
  await page.getByLabel("Något annat").check();
  for (let i = 1; i <= 9; i++) {
    if (i === 9) {
      await page.getByRole("button", { name: "Nästa" }).click();
      await expect(page.locator("#err-description")).not.toBeEmpty();
      await scan(page, "report: description with error");
      await page.getByLabel("Beskrivning").fill("Något hände");
    }
    await page.getByRole("button", { name: "Nästa" }).click();
    if (i === 4) await page.locator("#pd-involved-yes").check();
    await scan(page, `report: question ${i + 1}`);
  }
  await page.getByRole("button", { name: "Skicka" }).click();
  await expect(page.getByRole("heading", { name: /Rapporten är sparad/ })).toBeVisible();
  await scan(page, "saved");
  await page.goto(server.url + "/reports");
  await expect(page.getByRole("heading", { name: "Mina rapporter" })).toBeVisible();
  await scan(page, "reports");
  await page.goto(server.url + "/settings");
  await scan(page, "settings");
  await page.getByLabel("English").check();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await scan(page, "settings (en)");
  await page.goto(server.url + "/");
  await expect(page.getByRole("link", { name: /Report an incident/ })).toBeVisible();
  await scan(page, "home (en)");
  await page.goto(server.url + "/no-such-page");
  await scan(page, "not found");
  expect(browser.errors).toEqual([]);
});

test("at 200% zoom (a 320 px wide viewport) no screen scrolls sideways", async () => {
  const page = await browser.page();
  await page.setViewportSize({ width: 320, height: 640 });
  const noSideScroll = async (name) => {
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, name).toBeLessThanOrEqual(client);
  };
  await waitForPack(page);
  for (const path of ["/", "/report", "/reports", "/settings", "/policy", "/sign", "/lookup", "/lookup/kind/nyckelkod",
    "/lookup/place/email_secure", "/lookup/guide", "/quiz"]) {
    await page.goto(server.url + path);
    await expect(page.locator("h1")).toBeVisible();
    await noSideScroll(path);
  }
});

test("a report can be filed with the keyboard alone, focus following the questions", async () => {
  const page = await browser.page();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url + "/report");
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
