// A new deploy reaches a running app without stranding it: the new version waits, the
// user taps "Uppdatera", the form they were filling in survives, and every route still
// loads offline from the new version's cache.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base, expect, ROOT, enroll, startReport } from "./fixtures.mjs";
import { ReportFlow } from "./pages/report.mjs";

// The server serves a copy of the built app (`site`) that a test can change as a deploy
// would; the phone is called `browser` here.
const test = base.extend({
  site: async ({}, use) => {
    const site = mkdtempSync(join(tmpdir(), "vaksam-site-"));
    cpSync(join(ROOT, "dist"), site, { recursive: true });
    await use(site);
    rmSync(site, { recursive: true, force: true });
  },
  staticDir: async ({ site }, use) => use(site),
});

/** Publishes "version 2": a changed shell and a service worker with a new version. */
function deployNewVersion(site) {
  const index = join(site, "index.html");
  // The page is minified (no <head> tag): the mark goes right after <html …>.
  const html = readFileSync(index, "utf8");
  const marked = html.replace(/<html[^>]*>/, '$&<meta name="vaksam-build" content="v2">');
  if (marked === html) throw new Error("index.html has no <html> tag to mark");
  writeFileSync(index, marked);
  const sw = join(site, "sw.js");
  writeFileSync(sw, readFileSync(sw, "utf8").replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-v2"'));
}

const build = (page) => page.evaluate(() => document.querySelector('meta[name="vaksam-build"]')?.content ?? "v1");

test("an update waits for the user, keeps the draft and works offline afterwards", async ({ server, phone: browser, site }) => {
  const page = await browser.page();
  await enroll(page, server);
  await startReport(page, "Något annat");
  await new ReportFlow(page).tellMore({ place: "Förskolan Solen" });

  deployNewVersion(site);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await expect(page.getByText("En ny version av Vaksam finns.")).toBeVisible();
  // Until the user says so, the running version stays.
  expect(await build(page)).toBe("v1");
  await expect(page.getByLabel("Plats")).toHaveValue("Förskolan Solen");

  await page.getByRole("button", { name: "Uppdatera" }).click();
  await page.waitForFunction(() => document.querySelector('meta[name="vaksam-build"]')?.content === "v2");
  // The reload asks before it reopens the report; "Fortsätt" returns to it.
  await new ReportFlow(page).continueButton.click();
  await expect(page.getByLabel("Plats")).toHaveValue("Förskolan Solen");
  const caches = await page.evaluate(() => caches.keys());
  expect(caches.filter((k) => k.startsWith("vaksam-shell-"))).toHaveLength(1);
  expect(caches[0]).toMatch(/-v2$/);

  await browser.setOffline(true);
  for (const path of ["/", "/report", "/reports", "/settings"]) {
    await page.goto(server.url + path);
    await expect(page.locator("h1")).toBeVisible();
    expect(await build(page)).toBe("v2");
  }
  expect(browser.errors).toEqual([]);
});

test("a deploy whose precache fails leaves the working version in charge", async ({ server, phone: browser, site }) => {
  const page = await browser.page();
  await enroll(page, server);
  deployNewVersion(site);
  // The new worker lists a file the server does not have: its install must fail.
  const sw = join(site, "sw.js");
  writeFileSync(sw, readFileSync(sw, "utf8").replace("const PRECACHE = [", 'const PRECACHE = ["/missing-file.js",'));
  const outcome = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update().catch(() => {});
    const worker = reg.installing;
    if (!worker) return "no new worker";
    await new Promise((done) => {
      const check = () => ["redundant", "installed", "activated"].includes(worker.state) && done();
      worker.addEventListener("statechange", check);
      check();
    });
    return worker.state;
  });
  expect(outcome).toBe("redundant");
  await expect(page.getByText("En ny version av Vaksam finns.")).toHaveCount(0);
  await browser.setOffline(true);
  await page.goto(server.url + "/report");
  await expect(page.getByRole("heading", { name: "Vad har hänt?" })).toBeVisible();
  expect(await build(page)).toBe("v1");
});
