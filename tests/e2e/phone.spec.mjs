// The phone tells the truth: storage failures are told as such (never as "no longer
// registered" or "no contact"), a captive portal's 401 is not a revoked phone, an answer
// that settles nothing backs off, a full phone still lets delivered reports go, a refused
// report can be corrected and sent again, and a schema upgrade in another tab never hangs.
import { test, expect, enroll, fileReport, phoneStorage, scan, startReport, waitForPack } from "./fixtures.mjs";
import { ReportFlow } from "./pages/report.mjs";

// Each test has its own server and phone (fixtures.mjs); the phone is called `browser` here.

/** Makes IndexedDB calls `methods` on the object store `store` throw a DOMException
 *  `name` while `window[flag]` is true (flipped from the test), as a full or broken phone
 *  would. Installed before any page script runs. */
async function breakStorage(context, { store, methods, name, flag }) {
  await context.addInitScript(({ store, methods, name, flag }) => {
    const proto = IDBObjectStore.prototype;
    for (const method of methods) {
      const real = proto[method];
      proto[method] = function (...args) {
        if (window[flag] && this.name === store) throw new DOMException("", name);
        return real.apply(this, args);
      };
    }
  }, { store, methods, name, flag });
}

const flip = (page, flag, on) => page.evaluate(([flag, on]) => { window[flag] = on; }, [flag, on]);

/** `YYYY-MM-DDTHH:MM` in local time, as a datetime-local input takes it. */
function localInput(ms) {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

const DAY = 24 * 3600 * 1000;

test("storage full while applying the server's answers: the delivered report still leaves the phone and the user is told", async ({ server, phone: browser }) => {
  await breakStorage(browser.context, { store: "receipts", methods: ["put", "add"], name: "QuotaExceededError", flag: "fullReceipts" });
  const page = await browser.page();
  await page.setViewportSize({ width: 360, height: 740 });
  await enroll(page, server);
  await browser.setOffline(true);
  await fileReport(page, { description: "full telefon" });
  await flip(page, "fullReceipts", true);
  // Back online, the phone sends by itself (after a short random wait).
  await browser.setOffline(false);

  const status = page.getByTestId("sync-status");
  await expect(status).toContainText("Telefonens lagring är full");
  await expect(status).not.toContainText("når inte kommunen");
  await expect(status).not.toContainText("inte längre registrerad");
  expect(server.register()).toHaveLength(1);
  const stored = await phoneStorage(page);
  expect(stored.outbox).toHaveLength(0);
  expect(stored.receipts).toHaveLength(0);
  await page.screenshot({ path: test.info().outputPath("storage-full.png") });

  // It is not sent again, and stays said while nothing new is written.
  await page.waitForTimeout(5_000);
  await expect(status).toContainText("Telefonens lagring är full");
  expect(server.register()).toHaveLength(1);
});

test("a storage failure while sending is told as such, not as a phone no longer registered", async ({ server, phone: browser }) => {
  await breakStorage(browser.context, { store: "meta", methods: ["get"], name: "UnknownError", flag: "brokenMeta" });
  const page = await browser.page();
  await enroll(page, server);
  await browser.setOffline(true);
  await fileReport(page, { description: "trasig lagring" });
  await flip(page, "brokenMeta", true);
  await browser.setOffline(false);
  await page.getByRole("button", { name: "Skicka nu" }).click();

  const status = page.getByTestId("sync-status");
  await expect(status).toContainText("Vaksam kommer inte åt lagringen på telefonen");
  await expect(status).not.toContainText("inte längre registrerad");
  await expect(page.getByRole("link", { name: "Registrera igen" })).toHaveCount(0);
  expect(server.register()).toHaveLength(0);

  await flip(page, "brokenMeta", false);
  await page.getByRole("button", { name: "Skicka nu" }).click();
  await expect(status).toHaveText("Allt är skickat");
  expect(server.register()).toHaveLength(1);
});

test("a captive portal's 401 is no contact, not a revoked phone", async ({ server, phone: browser }) => {
  const page = await browser.page();
  await enroll(page, server);
  const portal = (route) => route.fulfill({ status: 401, contentType: "text/html", body: "<html><body>Logga in på hotellets wifi</body></html>" });
  await browser.context.route("**/api/v1/sync", portal);
  await fileReport(page, { description: "bakom portal" });

  const status = page.getByTestId("sync-status");
  await expect(status).toContainText("Kunde inte skicka: Vaksam når inte kommunen just nu");
  await expect(status).not.toContainText("inte längre registrerad");
  await expect(page.getByRole("link", { name: "Registrera igen" })).toHaveCount(0);

  await browser.context.unroute("**/api/v1/sync", portal);
  await page.getByRole("button", { name: "Skicka nu" }).click();
  await expect(status).toHaveText("Allt är skickat");
  expect(server.register()).toHaveLength(1);
});

test("an answer that settles none of the batch backs off instead of sending again at once", async ({ server, phone: browser }) => {
  const page = await browser.page();
  await enroll(page, server);
  let posts = 0;
  const empty = (route) => { posts += 1; return route.fulfill({ status: 200, contentType: "application/json", body: '{"results":[]}' }); };
  await browser.context.route("**/api/v1/sync", empty);
  await fileReport(page, { description: "inget svar" });
  await expect(page.getByTestId("sync-status")).toContainText("servern svarade utan att ta emot något");
  const after = posts;
  await page.waitForTimeout(3_000);
  // Backoff starts at about 2 s; a loop would have sent hundreds.
  expect(posts - after).toBeLessThanOrEqual(2);
  expect(posts).toBeLessThanOrEqual(4);

  await browser.context.unroute("**/api/v1/sync", empty);
  await page.getByRole("button", { name: "Skicka nu" }).click();
  await expect(page.getByTestId("sync-status")).toHaveText("Allt är skickat");
  expect(server.register()).toHaveLength(1);
});

test("a draft that cannot be saved on the phone is said, and the warning goes once saving works again", async ({ server, phone: browser }) => {
  await breakStorage(browser.context, { store: "drafts", methods: ["put", "add"], name: "QuotaExceededError", flag: "fullDrafts" });
  const page = await browser.page();
  await page.setViewportSize({ width: 360, height: 740 });
  await enroll(page, server);
  await startReport(page, "Utskrift på fel skrivare");
  await new ReportFlow(page).tellMore();
  await flip(page, "fullDrafts", true);
  await page.getByLabel("Plats").fill("Skrivaren på plan 2");
  const warning = page.getByTestId("draft-not-saved");
  await expect(warning).toContainText("Det du skriver kunde inte sparas på telefonen");
  await expect(warning).toContainText("Telefonens lagring är full");
  await page.screenshot({ path: test.info().outputPath("draft-not-saved.png") });

  await flip(page, "fullDrafts", false);
  await page.getByLabel("Plats").fill("Skrivaren på plan 3");
  await expect(warning).toHaveCount(0);
  await page.reload();
  await new ReportFlow(page).continueButton.click();
  await expect(page.getByLabel("Plats")).toHaveValue("Skrivaren på plan 3");
});

test("the signing form says so when what is typed cannot be saved on the phone", async ({ server, phone: browser }) => {
  await breakStorage(browser.context, { store: "drafts", methods: ["put", "add"], name: "QuotaExceededError", flag: "fullDrafts" });
  const page = await browser.page();
  await enroll(page, server);
  await waitForPack(page);
  await page.getByRole("link", { name: /Bekräftelse/ }).click();
  await expect(page.getByLabel("Namn")).toHaveValue("Anna Andersson");
  await flip(page, "fullDrafts", true);
  await page.getByLabel("Arbetsplats").fill("Hemtjänst Norr");
  const warning = page.getByTestId("draft-not-saved");
  await expect(warning).toContainText("Det du skriver kunde inte sparas på telefonen");
  await flip(page, "fullDrafts", false);
  await page.getByLabel("Arbetsplats").fill("Hemtjänst Syd");
  await expect(warning).toHaveCount(0);
});

test("a report the server refuses shows why, is corrected and sent again, and arrives once", async ({ server, phone: browser }) => {
  const page = await browser.page();
  await page.setViewportSize({ width: 360, height: 740 });
  // The phone's clock runs three days ahead: the server judges its times in the future.
  await page.clock.install({ time: Date.now() + 3 * DAY });
  await enroll(page, server);
  await fileReport(page, { category: "Nätfiske eller misstänkt meddelande", description: "klockan fel" });
  await expect(page.getByTestId("sync-status")).toContainText("1 sparad uppgift togs inte emot och behöver din hjälp");
  await page.getByRole("link", { name: /Mina rapporter/ }).first().click();
  const item = page.getByTestId("waiting-report");
  await expect(item).toContainText("Kommunens server tog inte emot rapporten");
  const reasons = item.getByTestId("refusal");
  await expect(reasons).toContainText("Det hände: Tiden ligger i framtiden enligt kommunens server");
  await expect(reasons).toContainText("Jag upptäckte det: Tiden ligger i framtiden");
  const refused = (await phoneStorage(page)).outbox;
  expect(refused).toHaveLength(1);
  expect(refused[0].state).toBe("rejected");
  expect(server.register()).toHaveLength(0);
  await page.screenshot({ path: test.info().outputPath("refused.png"), fullPage: true });
  await scan(page, "refused report");

  await item.getByRole("button", { name: "Rätta och skicka igen" }).click();
  // Every answer on one screen, the first one refused in view and focused.
  await expect(page.getByRole("heading", { name: "Berätta mer" })).toBeVisible();
  await expect(page.locator("#q-occurred_at")).toBeFocused();
  await expect(page.getByTestId("correcting")).toContainText("Du rättar en rapport");
  await expect(page.locator("#err-occurred_at")).toContainText("Tiden ligger i framtiden");
  await page.screenshot({ path: test.info().outputPath("correcting.png"), fullPage: true });
  await scan(page, "correcting a refused report");
  const realTime = localInput(Date.now() - 3600 * 1000);
  await page.getByLabel("Det hände").fill(realTime);
  await page.getByLabel("Jag upptäckte det").fill(realTime);
  await expect(page.locator("#err-occurred_at")).toBeEmpty();
  await expect(page.getByLabel("Beskrivning")).toHaveValue("klockan fel");
  await new ReportFlow(page).send();
  await expect(page.getByTestId("sync-status")).toHaveText("Allt är skickat");

  const register = server.register();
  expect(register).toHaveLength(1);
  expect(JSON.stringify(register[0])).not.toContain(refused[0].id);
  const stored = await phoneStorage(page);
  expect(stored.outbox).toHaveLength(0);
  expect(stored.receipts).toHaveLength(1);
  expect(stored.receipts[0].id).not.toBe(refused[0].id);
  await page.getByRole("link", { name: "Mina rapporter" }).click();
  await expect(page.getByTestId("waiting-report")).toHaveCount(0);
  await expect(page.getByTestId("received-report")).toHaveCount(1);
});

test("an open tab closes its database when another opens a newer version, and asks to reload", async ({ server, phone: browser }) => {
  const page = await browser.page();
  await page.setViewportSize({ width: 360, height: 740 });
  await enroll(page, server);
  const version = await page.evaluate(() => new Promise((ok) => {
    const req = indexedDB.open("vaksam");
    req.onsuccess = () => { const v = req.result.version; req.result.close(); ok(v); };
  }));
  const other = await browser.context.newPage();
  await other.goto(server.url + "/api/v1/health");
  // Resolves only if every older connection closed.
  const opened = await other.evaluate((v) => new Promise((ok, fail) => {
    const req = indexedDB.open("vaksam", v + 1);
    req.onsuccess = () => { const got = req.result.version; req.result.close(); ok(got); };
    req.onerror = () => fail(String(req.error));
    setTimeout(() => fail("the open did not finish"), 10_000);
  }), version);
  expect(opened).toBe(version + 1);

  const banner = page.getByTestId("outdated");
  await expect(banner).toContainText("Vaksam har uppdaterats – ladda om");
  await expect(banner.getByRole("button", { name: "Ladda om" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("outdated.png") });
  await scan(page, "outdated banner");
});

test("a tab whose database upgrade is blocked by an older tab says to close it, then goes on", async ({ server, phone: browser }) => {
  const old = await browser.page();
  await old.goto(server.url + "/api/v1/health");
  // An older Vaksam holds version 1 open and does not answer versionchange.
  await old.evaluate(() => new Promise((ok, fail) => {
    const req = indexedDB.open("vaksam", 1);
    req.onsuccess = () => { window.heldOpen = req.result; ok(); };
    req.onerror = () => fail(String(req.error));
  }));
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(server.url + "/");
  await expect(page.getByRole("heading", { name: "Stäng andra flikar med Vaksam" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("blocked.png") });
  await scan(page, "blocked by another tab");

  await old.evaluate(() => window.heldOpen.close());
  await expect(page.getByRole("heading", { name: "Kom igång" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Stäng andra flikar med Vaksam" })).toHaveCount(0);
});

test("a phone too full to save at start still sends what waits, since sending only frees space", async ({ server, phone: browser }) => {
  // From the moment the test says so, every write to `meta` (the start-up write check
  // among them) fails as on a full phone, across reloads.
  await browser.context.addInitScript(() => {
    const real = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (localStorage.getItem("vaksam-test-full") === "1" && this.name === "meta") {
        throw new DOMException("", "QuotaExceededError");
      }
      return real.apply(this, args);
    };
  });
  const page = await browser.page();
  await enroll(page, server);
  await browser.setOffline(true);
  await fileReport(page, { description: "väntar på full telefon" });
  await page.evaluate(() => localStorage.setItem("vaksam-test-full", "1"));
  await page.reload();
  await expect(page.getByText("Telefonens lagring är full", { exact: false }).first()).toBeVisible();
  expect(server.register()).toHaveLength(0);
  await browser.setOffline(false);
  await expect.poll(() => server.register().length, { timeout: 15_000 }).toBe(1);
  expect(server.register()[0].report.description).toBe("väntar på full telefon");
});

test("a busy server's Retry-After is waited out, and a limit is told as one, not as a fault", async ({ server, phone: browser }) => {
  const page = await browser.page();
  await enroll(page, server);
  let posts = 0;
  let answer = { status: 503, error: "unavailable", retry: "60" };
  const busy = (route) => {
    posts += 1;
    return route.fulfill({
      status: answer.status,
      contentType: "application/json",
      headers: { "retry-after": answer.retry },
      body: JSON.stringify({ error: answer.error, message: "try later" }),
    });
  };
  await browser.context.route("**/api/v1/sync", busy);
  await fileReport(page, { description: "upptagen server" });
  const status = page.getByTestId("sync-status");
  await expect(status).toContainText("servern har mycket att göra");
  await expect(status).not.toContainText("fel");
  const after = posts;
  await page.waitForTimeout(5_000);
  // Without the server's 60 s the backoff would have tried again after about 2 and 4 s.
  expect(posts - after).toBe(0);

  answer = { status: 429, error: "daily_limit", retry: "3600" };
  await page.getByRole("button", { name: "Skicka nu" }).click();
  await expect(status).toContainText("så mycket som kommunen tillåter på ett dygn");
  await expect(status).toContainText(/Försöker igen om (60|61) min/);
  // What waits and why it did not go are two sentences, not run together.
  await expect(status).toContainText("väntar på att skickas. Kunde inte skicka:");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: test.info().outputPath("daily-limit.png") });

  await browser.context.unroute("**/api/v1/sync", busy);
  await page.getByRole("button", { name: "Skicka nu" }).click();
  await expect(status).toHaveText("Allt är skickat");
  expect(server.register()).toHaveLength(1);
});
