// The app shell around every screen: the top bar's way back (installed apps have no
// browser back button), the settings button, dark mode, 200 % text, the manifest, the
// first visit on a slow network, and enrollment's first screen.
import { test, expect, enroll } from "./fixtures.mjs";
import { Home, PARENTS } from "./pages/home.mjs";
import { Lookup } from "./pages/lookup.mjs";

test("every screen but home has a 'Tillbaka' in the top bar that leads to its parent", async ({ enrolled }) => {
  const home = new Home(enrolled);
  await expect(home.back).toHaveCount(0);
  for (const [path, parent] of PARENTS) {
    await enrolled.goto(path);
    await expect(home.back, path).toBeVisible();
    const box = await home.back.boundingBox();
    expect(Math.min(box.width, box.height), `${path}: back button size`).toBeGreaterThanOrEqual(44);
    await home.back.click();
    await expect(enrolled, `back from ${path}`).toHaveURL(new URL(parent, enrolled.url()).href);
  }
});

test("'Tillbaka' goes back to where the employee was inside the app; a deep link opened fresh goes to the parent", async ({ enrolled }) => {
  const home = new Home(enrolled);
  const lookup = new Lookup(enrolled);
  // Search, open a kind, Tillbaka: the same search with its words.
  await lookup.open();
  await lookup.search("foto");
  await lookup.hit("Foto på brukare").getByRole("link").click();
  await expect(lookup.heading).toHaveText("Foto på brukare");
  await home.back.click();
  await expect(enrolled).toHaveURL(/\/lookup\?q=foto$/);
  await expect(lookup.box).toHaveValue("foto");
  await expect(lookup.hit("Foto på brukare")).toBeVisible();
  // The same kind opened fresh (a shared link, the installed app restarted): its parent.
  await enrolled.goto("/lookup/kind/foto_brukare");
  await expect(lookup.heading).toHaveText("Foto på brukare");
  await home.back.click();
  await expect(enrolled).toHaveURL(new URL("/lookup", enrolled.url()).href);
  // Adding to a report opened fresh leads to that report, not to the list.
  const id = "00000000-0000-4000-8000-000000000000";
  await enrolled.goto(`/reports/${id}/add`);
  await home.back.click();
  await expect(enrolled).toHaveURL(new URL(`/reports/${id}`, enrolled.url()).href);
});

test("links open screens in the page; back and forward follow; the browser keeps what is its own", async ({ enrolled }) => {
  const home = new Home(enrolled);
  const context = enrolled.context();
  // A page that reloaded would have lost this.
  await enrolled.evaluate(() => { window.__samePage = true; });
  const samePage = () => enrolled.evaluate(() => window.__samePage === true);
  await enrolled.getByRole("link", { name: /^Mina rapporter/ }).click();
  await expect(enrolled).toHaveURL(/\/reports$/);
  await expect(enrolled.getByRole("heading", { level: 1 })).toHaveText("Mina rapporter");
  expect(await samePage()).toBe(true);
  await enrolled.goBack();
  await expect(enrolled).toHaveURL(/\/$/);
  await expect(home.report).toBeVisible();
  await enrolled.goForward();
  await expect(enrolled.getByRole("heading", { level: 1 })).toHaveText("Mina rapporter");
  expect(await samePage()).toBe(true);
  // The brand leads home; on home it adds no second entry.
  await home.brand.click();
  await expect(home.report).toBeVisible();
  await home.brand.click();
  await enrolled.goBack();
  await expect(enrolled).toHaveURL(/\/reports$/);
  // A link opened with a modifier is the browser's: a new tab, this one stays.
  const [tab] = await Promise.all([
    context.waitForEvent("page"),
    home.brand.click({ modifiers: ["Control"] }),
  ]);
  await tab.close();
  await expect(enrolled).toHaveURL(/\/reports$/);
  expect(await samePage()).toBe(true);
  // The skip link is a fragment on this page: focus moves to the content, nothing reopens.
  const index = () => enrolled.evaluate(() => history.state?.vaksamIdx ?? 0);
  const before = await index();
  expect(before).toBeGreaterThan(0);
  await enrolled.locator("a.skip").focus();
  await enrolled.keyboard.press("Enter");
  await expect(enrolled.locator(":focus")).toHaveAttribute("id", "main");
  await expect(enrolled.getByRole("heading", { level: 1 })).toHaveText("Mina rapporter");
  expect(await samePage()).toBe(true);
  // In the same history entry, which keeps the index "Tillbaka" reads.
  expect(await index()).toBe(before);

});

test("enrolling on / and going home adds no second history entry for /", async ({ page, server }) => {
  await page.goto(server.url + "/");
  await page.getByLabel("Registreringskod").fill(server.code("0428"));
  const entries = await page.evaluate(() => history.length);
  await page.getByRole("button", { name: "Registrera telefonen" }).click();
  await expect(page.getByRole("link", { name: /^Rapportera/ }).first()).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(entries);
});

test("the top bar names the municipality and has a named settings button", async ({ enrolled }) => {
  const home = new Home(enrolled);
  await expect(home.banner).toContainText("Vingåker");
  await expect(home.settings).toBeVisible();
  const box = await home.settings.boundingBox();
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);
  await home.settings.click();
  await expect(enrolled.getByRole("heading", { level: 1 })).toHaveText("Inställningar");
  await expect(home.back).toBeVisible();
});

test("before enrollment the top bar offers no settings and no way back; the language is chosen before the code", async ({ page }) => {
  await page.goto("/settings");
  const home = new Home(page);
  await expect(page.getByLabel("Registreringskod")).toBeVisible();
  await expect(home.settings).toHaveCount(0);
  await expect(home.back).toHaveCount(0);
  // The heading and introduction first (where index.html painted them before the wasm),
  // then the language picker, above the code field.
  const heading = await page.locator("main h1").boundingBox();
  const language = await page.getByRole("group", { name: "Språk" }).boundingBox();
  const code = await page.getByLabel("Registreringskod").boundingBox();
  expect(heading.y).toBeLessThan(language.y);
  expect(language.y).toBeLessThan(code.y);
  await page.getByLabel("English", { exact: true }).check();
  await expect(page.getByLabel("Enrollment code")).toBeVisible();
});

test("a network failure at enrollment does not mark the code wrong; a bad code says whom to ask", async ({ page, server }) => {
  await page.goto("/");
  const field = page.getByLabel("Registreringskod");
  await field.fill(server.code());
  await page.route("**/api/v1/enroll", (r) => r.abort("internetdisconnected"));
  await page.getByRole("button", { name: "Registrera telefonen" }).click();
  await expect(page.getByRole("alert")).toContainText("Vaksam når inte kommunen just nu");
  await expect(field).toHaveAttribute("aria-invalid", "false");
  await page.unroute("**/api/v1/enroll");
  await field.fill("AAAA BBBB CCCC");
  await page.getByRole("button", { name: "Registrera telefonen" }).click();
  await expect(page.getByRole("alert")).toContainText("Be din chef om en ny kod");
  await expect(field).toHaveAttribute("aria-invalid", "true");
});

test("settings: version, what Vaksam keeps, and a positive storage fact not in warning yellow", async ({ enrolled, app }) => {
  await app.goto("/settings");
  await expect(enrolled.getByTestId("app-version")).toHaveText(/^\d+\.\d+\.\d+$/);
  await expect(enrolled.getByRole("heading", { name: "Det här sparar Vaksam om dig" })).toBeVisible();
  await expect(enrolled.getByTestId("privacy")).toContainText("bara till din kommun");
  const persist = enrolled.getByTestId("persist-status");
  await expect(persist).toBeVisible();
  // Once start-up has asked the browser, the text follows (it is not read only once) and
  // says what its colour says.
  await expect(persist).not.toHaveText("Okänt om lagringen är skyddad.");
  if ((await persist.textContent()).includes("skyddade mot")) await expect(persist).toHaveClass(/\bok\b/);
  else await expect(persist).toHaveClass(/notice/);
  // The sector choice stays in settings.
  await expect(enrolled.getByText("Var arbetar du?")).toBeVisible();
});

test("the manifest has an id and a 'Rapportera' shortcut straight to the report form", async ({ server, page }) => {
  const manifest = await (await fetch(server.url + "/manifest.webmanifest")).json();
  expect(manifest.id).toBe("/");
  expect(manifest.shortcuts).toEqual(expect.arrayContaining([expect.objectContaining({ url: "/report", short_name: "Rapportera" })]));
  // The page is minified (attributes unquoted, reordered): read it as the browser does.
  await page.goto("/");
  await expect(page.locator('meta[name="apple-mobile-web-app-title"]')).toHaveAttribute("content", "Vaksam");
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute("content", "light dark");
});

test.describe("without the wasm", () => {
  // The blocked wasm makes the loader fail: that error is the point here.
  test.use({ pageErrors: "allowed" });

test("a first visit shows the frame and 'Vaksam startar…' before the wasm has loaded", async ({ page, server }) => {
  const html = await (await fetch(server.url + "/")).text();
  expect(html).toContain("Vaksam startar…");
  // The wasm never arrives: what the user sees is index.html and its CSS alone.
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto("/", { waitUntil: "load" });
  await expect(page.getByText("Vaksam startar…")).toBeVisible();
  // The enrollment screen's heading and introduction, from the Swedish catalog's texts.
  await expect(page.locator("#splash h1")).toHaveText("Kom igång");
  await expect(page.locator("#splash p").first()).toContainText("Skriv koden du fick av din kommun.");
  const bar = page.locator("#splash .topbar");
  await expect(bar).toContainText("Vaksam");
  expect(await bar.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(29, 79, 145)");
});
});

test("the splash goes when the app mounts", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByLabel("Registreringskod")).toBeVisible();
  await expect(page.locator("#splash")).toHaveCount(0);
});

test.describe("dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("follows the phone: dark background, and axe passes on home, settings and enrollment", async ({ page, server, app }) => {
    await page.goto("/");
    await expect(page.getByLabel("Registreringskod")).toBeVisible();
    await app.scan("enrollment (dark)");
    await enroll(page, server);
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe("rgb(17, 20, 24)");
    await expect(page.getByTestId("sign-status")).toBeVisible({ timeout: 15_000 });
    await app.scan("home (dark)");
    await app.goto("/settings");
    await app.scan("settings (dark)");
  });
});

test("light mode keeps the white background", async ({ enrolled }) => {
  const bg = await enrolled.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe("rgb(255, 255, 255)");
});

// The page's CSP refuses injected <style> elements; the root's own style property is what
// a user's larger text does to an app sized in rem.
const bigText = (page) => page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });

test("200 % text: nothing scrolls sideways and the top bar wraps on enrollment, home and settings", async ({ page, server, app }) => {
  await page.goto("/");
  await expect(page.getByLabel("Registreringskod")).toBeVisible();
  await bigText(page);
  await app.expectNoSideScroll("enrollment at 200 %");
  await enroll(page, server);
  await bigText(page);
  const home = new Home(page);
  await expect(home.todo).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("32px");
  await app.expectNoSideScroll("home at 200 %");
  for (const path of ["/settings", "/lookup/guide"]) {
    await app.goto(path);
    await bigText(page);
    await app.expectNoSideScroll(`${path} at 200 %`);
    // Every top-bar control is inside the screen, none clipped.
    for (const control of await home.banner.locator("a, button").all()) {
      const box = await control.boundingBox();
      expect(box.x + box.width, `${path}: top bar control inside the screen`).toBeLessThanOrEqual(360);
    }
  }
});
