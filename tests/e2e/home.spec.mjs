// The home screen: the report button first, the other functions as rows, one to-do card,
// the sync status (offline is calm, "Skicka nu" offline answers), and installation.
import { test, expect, fileReport, waitingStatus, Browser, enroll, waitForPack } from "./fixtures.mjs";
import { Home, smallTapTargets } from "./pages/home.mjs";

test("the report button is the first thing on home and fits a 360×640 screen", async ({ enrolled }) => {
  const home = new Home(enrolled);
  await expect(home.report).toBeVisible();
  const box = await home.report.boundingBox();
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(640);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  // No second "Vaksam" and tagline above it: the top bar names the app.
  await expect(enrolled.locator("main h1")).toHaveClass(/visually-hidden/);
  await expect(enrolled.getByText("Informationssäkerhet i fickan")).toHaveCount(0);
  // Devices are "telefon, surfplatta eller dator", never "enhet".
  await expect(home.report).toContainText("telefon, surfplatta eller dator");
  await expect(enrolled.locator("main")).not.toContainText(/\benhet\b/);
});

test("the other functions are rows with icons and labels, then one to-do card", async ({ enrolled }) => {
  const home = new Home(enrolled);
  await expect(home.rows).toHaveText([/^Var får jag spara\?/, /^Policyn i korthet/, /^Utbildning/, /^Mina rapporter/]);
  for (const row of await home.rows.all()) await expect(row.locator("svg.icon").first()).toBeAttached();
  await expect(home.todo).toHaveCount(1);
  await expect(home.todo.getByRole("heading", { name: "Att göra" })).toBeVisible();
  await expect(home.todo.getByTestId("sign-status")).toContainText("inte skrivit under", { timeout: 15_000 });
  await expect(home.todo.getByTestId("training-status")).toBeVisible();
  // The rows lead where they say.
  await home.rows.filter({ hasText: "Mina rapporter" }).click();
  await expect(enrolled).toHaveURL(/\/reports$/);
});

test("home in English", async ({ enrolled, app }) => {
  await app.setLanguage("English");
  const home = new Home(enrolled);
  await home.open();
  await expect(home.report).toContainText("Report an incident");
  await expect(home.todo.getByRole("heading", { name: "To do" })).toBeVisible();
  await expect(home.rows.first()).toContainText("Where may I store this?");
});

test("every control on home, settings and enrollment is at least 44×44 px", async ({ page, server, app }) => {
  await page.goto("/");
  await expect(page.getByLabel("Registreringskod")).toBeVisible();
  expect(await smallTapTargets(page), "enrollment").toEqual([]);
  await enroll(page, server);
  await expect(page.getByTestId("sign-status")).toBeVisible({ timeout: 15_000 });
  expect(await smallTapTargets(page), "home").toEqual([]);
  await app.goto("/settings");
  await expect(page.getByLabel("Svenska", { exact: true })).toBeVisible();
  expect(await smallTapTargets(page), "settings").toEqual([]);
});

test("every control on the lookup, the policy and the quiz is at least 44×44 px", async ({ enrolled: page }) => {
  await waitForPack(page);
  await page.goto("/lookup?q=foto");
  await expect(page.getByTestId("hits").locator("li.hit").first()).toBeVisible();
  expect(await smallTapTargets(page), "lookup: search").toEqual([]);
  await page.goto("/lookup/kind/foto_brukare");
  await expect(page.getByTestId("answer-card")).toBeVisible();
  await page.locator("main details").evaluateAll((all) => all.forEach((d) => { d.open = true; }));
  expect(await smallTapTargets(page), "lookup: a kind, rows open").toEqual([]);
  await page.goto("/lookup/place/camera_roll");
  await expect(page.getByTestId("answer-card")).toBeVisible();
  expect(await smallTapTargets(page), "lookup: a place").toEqual([]);
  await page.goto("/policy");
  await expect(page.locator("main h1")).toBeVisible();
  expect(await smallTapTargets(page), "policy").toEqual([]);
  await page.goto("/quiz");
  await expect(page.locator("main h1")).toBeVisible();
  expect(await smallTapTargets(page), "quiz").toEqual([]);
});

test("the report flow says 'telefon, surfplatta eller dator', never 'enhet', for the device", async ({ enrolled: page }) => {
  await page.goto("/report");
  await expect(page.locator("main")).toContainText("telefon, surfplatta eller dator");
  // (Steps the base pack words itself, e.g. malware's, are checked against the pack, not here.)
  for (const category of ["Borttappad eller stulen telefon, surfplatta eller dator", "Borttappat kort, tagg eller nyckel"]) {
    await page.getByRole("button", { name: category, exact: true }).click();
    await expect(page.getByTestId("chosen-category")).toHaveText(category);
    await expect(page.locator("main"), category).not.toContainText(/\benhet(en)?\b/);
    await page.getByRole("button", { name: /^Ändra/ }).click();
  }
});

test("offline is calm: saved on the phone, and 'Skicka nu' says why nothing happens", async ({ enrolled, phone, app }) => {
  const home = new Home(enrolled);
  await phone.setOffline(true);
  await fileReport(enrolled);
  await expect(home.syncStatus).toHaveText(waitingStatus(1));
  await expect(home.syncBox).toHaveAttribute("data-state", "waiting");
  await expect(home.syncBox).toContainText("Sparad på telefonen. Skickas när du har nätverk.");
  await expect(home.syncBox).not.toContainText("!");
  // Not red: the box uses the calm blue of the palette, not the error colour.
  const colours = await home.syncBox.evaluate((el) => {
    const root = getComputedStyle(document.documentElement);
    const probe = document.createElement("span");
    document.body.append(probe);
    probe.style.color = root.getPropertyValue("--error");
    const error = getComputedStyle(probe).color;
    probe.remove();
    return { border: getComputedStyle(el).borderTopColor, error };
  });
  expect(colours.border).not.toBe(colours.error);

  await expect(home.sendNowAnswer).toBeEmpty();
  await home.sendNow.click();
  await expect(home.sendNowAnswer).toHaveText("Du har inget nätverk just nu. Det som väntar skickas av sig själv när nätverket är tillbaka.");
  await expect(home.syncStatus).toHaveText(waitingStatus(1));

  await app.setLanguage("English");
  await home.open();
  await expect(home.syncBox).toContainText("Saved on this phone. Sent when you have a network.");
  await home.sendNow.click();
  await expect(home.sendNowAnswer).toHaveText("You have no network right now. What is waiting is sent by itself when the network is back.");

  // Back online, the answer goes and the report is sent.
  await phone.setOffline(false);
  await expect(home.sendNowAnswer).toBeEmpty();
  await expect(home.syncStatus).toHaveText("Everything is sent", { timeout: 15_000 });
});

test("an install offer from the browser shows 'Installera Vaksam' and opens its prompt", async ({ enrolled }) => {
  const home = new Home(enrolled);
  // Chromium may or may not fire beforeinstallprompt for the test server by itself:
  // dispatch one whose prompt() is stubbed (the only stub here), which replaces any.
  await enrolled.evaluate(() => {
    const e = new Event("beforeinstallprompt", { cancelable: true });
    e.prompt = () => { window.__prompted = (window.__prompted || 0) + 1; return Promise.resolve(); };
    e.userChoice = Promise.resolve({ outcome: "accepted" });
    window.dispatchEvent(e);
  });
  await expect(home.installCard).toBeVisible();
  await expect(home.installCard.getByRole("heading")).toHaveText("Installera Vaksam");
  await home.installCard.getByRole("button", { name: "Installera" }).click();
  await expect.poll(() => enrolled.evaluate(() => window.__prompted)).toBe(1);
  // A prompt can be used once: the card goes.
  await expect(home.installCard).toHaveCount(0);
});

test("on an iPhone in Safari, home explains 'Lägg till på hemskärmen' and why", async ({ server }) => {
  const iphone = await Browser.launch({
    baseURL: server.url,
    viewport: { width: 375, height: 667 },
    isMobile: true,
    hasTouch: true,
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  });
  try {
    const page = await iphone.page();
    await enroll(page, server);
    const home = new Home(page);
    await expect(home.iosGuide).toBeVisible();
    await expect(home.iosGuide.getByRole("heading")).toHaveText("Lägg till på hemskärmen");
    await expect(home.iosGuide).toContainText("Dela");
    await expect(home.iosGuide).toContainText("sju dagar");
    await home.iosGuide.getByRole("button", { name: "Dölj" }).click();
    await expect(home.iosGuide).toHaveCount(0);
    await page.reload();
    await expect(home.report).toBeVisible();
    await expect(home.iosGuide).toHaveCount(0);
  } finally {
    await iphone.dispose();
  }
});

test("a desktop or Android browser shows no iOS guide", async ({ enrolled }) => {
  const home = new Home(enrolled);
  await expect(home.report).toBeVisible();
  await expect(home.iosGuide).toHaveCount(0);
});
