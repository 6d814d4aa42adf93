// Reports survive being offline, reloads, browser restarts, a down server and an
// interrupted request, and reach the municipality exactly once.
import { test, expect, enroll, fileReport, idbValue, phoneStorage, startReport, waitingStatus } from "./fixtures.mjs";
import { ReportFlow } from "./pages/report.mjs";

// Each test has its own server and phone (fixtures.mjs); the phone is called `browser` here.

test("offline reports survive reload and browser restart, then arrive once with case numbers", async ({ server, phone: browser }) => {
  let page = await browser.page();
  await enroll(page, server);
  await browser.setOffline(true);
  for (const description of ["ett", "två", "tre"]) await fileReport(page, { description });
  const status = page.getByTestId("sync-status");
  await expect(status).toHaveText(waitingStatus(3));

  await page.reload();
  await expect(page.getByTestId("sync-status")).toHaveText(waitingStatus(3));

  await browser.close();
  await browser.open({ offline: true });
  page = await browser.page();
  await page.goto(server.url + "/reports");
  await expect(page.getByTestId("waiting-report")).toHaveCount(3);
  expect(server.register()).toHaveLength(0);

  // Online again: everything is delivered once; the phone keeps receipts, each with what
  // was sent (shown on the report's page for 30 days, then purged: tests/web.rs).
  await browser.setOffline(false);
  await expect(page.getByTestId("received-report")).toHaveCount(3);
  await expect(page.getByTestId("waiting-report")).toHaveCount(0);
  await expect(page.getByTestId("sync-status")).toHaveText("Allt är skickat");
  const year = new Date().getFullYear();
  const numbers = (await page.getByTestId("case-number").allTextContents()).sort();
  expect(numbers).toEqual([`${year}-0001`, `${year}-0002`, `${year}-0003`]);
  const register = server.register();
  expect(register).toHaveLength(3);
  expect(register.map((r) => r.report.description).sort()).toEqual(["ett", "tre", "två"]);

  const stored = await phoneStorage(page);
  expect(stored.outbox).toHaveLength(0);
  expect(stored.receipts).toHaveLength(3);
  for (const receipt of stored.receipts) {
    expect(Object.keys(receipt).sort()).toEqual(["case_number", "case_status", "category", "discovered_at", "guidance", "id", "imy_deadline", "message", "message_at", "received_at", "report", "saved_at", "status_changed_at", "steps", "supplements"]);
    expect(receipt.case_status).toBe("received");
  }
  expect(stored.receipts.map((r) => r.report.description).sort()).toEqual(["ett", "tre", "två"]);
  expect(browser.errors).toEqual([]);
});

test("while the server is down reports wait with the reason, and go once it is back", async ({ server, phone: browser }) => {
  const page = await browser.page();
  await enroll(page, server);
  await server.down();
  await fileReport(page, { description: "server nere" });
  await expect(page.getByTestId("sync-status")).toContainText("Kunde inte skicka");
  await expect(page.getByTestId("sync-status")).toContainText(waitingStatus(1));
  expect(server.register()).toHaveLength(0);

  await server.up();
  await page.getByRole("button", { name: "Skicka nu" }).click();
  await expect(page.getByTestId("sync-status")).toHaveText("Allt är skickat");
  expect(server.register()).toHaveLength(1);
  // Further triggers change nothing on the server.
  await page.reload();
  await expect(page.getByTestId("sync-status")).toHaveText("Allt är skickat");
  expect(server.register()).toHaveLength(1);
});

test("a send cut off by closing the page after the server committed is delivered once", async ({ server, phone: browser }) => {
  let page = await browser.page();
  await enroll(page, server);
  let committed;
  const done = new Promise((r) => { committed = r; });
  // Let the request reach the server, then close the page before the answer arrives.
  await page.route("**/api/v1/sync", async (route) => {
    await route.fetch();
    committed();
  });
  await startReport(page, "Nätfiske eller misstänkt meddelande");
  await new ReportFlow(page).sendButton.click();
  await done;
  await page.close();
  expect(server.register()).toHaveLength(1);

  page = await browser.context.newPage();
  await page.goto(server.url + "/reports");
  await expect(page.getByTestId("received-report")).toHaveCount(1);
  await expect(page.getByTestId("case-number")).toHaveText(`${new Date().getFullYear()}-0001`);
  expect(server.register()).toHaveLength(1);
});

test("after one online visit the app starts and files a report with the network cut", async ({ server, phone: browser }) => {
  let page = await browser.page();
  await enroll(page, server);
  await browser.close();

  await browser.open({ offline: true });
  page = await browser.page();
  // A deep link opened offline gets the app shell from the service worker.
  await page.goto(server.url + "/report");
  await expect(page.getByRole("heading", { name: "Vad har hänt?" })).toBeVisible();
  await page.goto(server.url + "/");
  await fileReport(page, { description: "utan nät" });
  await expect(page.getByTestId("sync-status")).toHaveText(waitingStatus(1));
  expect(server.register()).toHaveLength(0);

  await browser.setOffline(false);
  await expect(page.getByTestId("sync-status")).toHaveText("Allt är skickat");
  expect(server.register()).toHaveLength(1);
});

test("what is typed survives a reload mid-form", async ({ server, phone: browser }) => {
  const page = await browser.page();
  await enroll(page, server);
  const flow = new ReportFlow(page);
  await startReport(page, "Något annat");
  await flow.tellMore({ place: "Skolans bibliotek" });
  // The draft is in IndexedDB (not only in memory) before the reload.
  await expect.poll(async () => (await idbValue(page, "drafts", "incident"))?.draft?.place).toBe("Skolans bibliotek");
  await page.reload();
  // Never reopened silently: the phone asks, and "Fortsätt" returns to the same screen.
  await flow.continueButton.click();
  await expect(page.getByLabel("Plats")).toHaveValue("Skolans bibliotek");
  await expect(flow.heading).toHaveText("Berätta mer");
});

test("an invalid answer is explained beside the question and nothing typed is lost", async ({ server, phone: browser }) => {
  const page = await browser.page();
  await enroll(page, server);
  const flow = new ReportFlow(page);
  await startReport(page, "Något annat");
  // "Något annat" needs a description: "Skicka" opens the question and says so there.
  await flow.sendButton.click();
  await expect(flow.heading).toHaveText("Berätta mer");
  const description = page.getByLabel("Beskrivning");
  await expect(description).toHaveAttribute("aria-describedby", /err-description/);
  await expect(page.locator("#err-description")).toContainText("Beskriv kort");
  await description.fill("Dörren till arkivet stod öppen");
  await flow.send();
});

test("a personal-data report shows the IMY deadline 72 hours after discovery", async ({ server, phone: browser }) => {
  const page = await browser.page();
  await enroll(page, server);
  await startReport(page, "E-post, brev eller sms till fel mottagare");
  await new ReportFlow(page).tellMore({ occurredAt: "2026-01-05T08:00", discoveredAt: "2026-01-05T08:30" });
  await new ReportFlow(page).send();
  // Said for the employee: tell the manager at once; the time in words.
  await expect(page.getByTestId("tell-manager")).toContainText("Tala om det för din chef genast");
  await expect(page.getByTestId("tell-manager-by")).toHaveText("torsdag 8 jan kl. 08.30");
  // "What to do now" comes from Vingåker's pack, with who is told.
  await expect(page.getByText("Be mottagaren att radera meddelandet")).toBeVisible();
  await expect(page.getByText("Vem får veta: Din chef, Dataskyddsombudet")).toBeVisible();
});

test("two open tabs deliver each report exactly once", async ({ server, phone: browser }) => {
  const first = await browser.page();
  await enroll(first, server);
  const second = await browser.context.newPage();
  await second.goto(server.url + "/");
  await browser.setOffline(true);
  // Playwright's clicks wait for animation frames, which a background tab does not get.
  await first.bringToFront();
  for (const description of ["a", "b", "c", "d"]) await fileReport(first, { description });
  await second.reload();
  await expect(second.getByTestId("sync-status")).toHaveText(waitingStatus(4));
  // Both tabs get the `online` event and try to send at once.
  await browser.setOffline(false);
  await expect(first.getByTestId("sync-status")).toHaveText("Allt är skickat");
  await second.reload();
  await expect(second.getByTestId("sync-status")).toHaveText("Allt är skickat");
  expect(server.register()).toHaveLength(4);
});

test("a revoked phone keeps its reports and sends them after enrolling again", async ({ server, phone: browser }) => {
  const page = await browser.page();
  await enroll(page, server);
  const deviceId = (await idbValue(page, "meta", "device")).device_id;
  server.cli("revoke", "--device", deviceId);
  await fileReport(page, { description: "efter spärr" });
  await expect(page.getByTestId("sync-status")).toContainText("inte längre registrerad");
  expect(server.register()).toHaveLength(0);
  await page.getByRole("link", { name: "Registrera igen" }).click();
  await page.getByLabel("Registreringskod").fill(server.code());
  await page.getByRole("button", { name: "Registrera telefonen" }).click();
  await expect(page.getByTestId("sync-status")).toHaveText("Allt är skickat");
  expect(server.register()).toHaveLength(1);
});

test("without usable storage the app says so instead of pretending to save", async ({ server, phone: browser }) => {
  await browser.context.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  const page = await browser.page();
  await page.goto(server.url + "/");
  await expect(page.getByRole("heading", { name: "Vaksam kan inte spara här" })).toBeVisible();
});

test("reports left unsent for days bring a warning", async ({ server, phone: browser }) => {
  const page = await browser.page();
  await enroll(page, server);
  await browser.setOffline(true);
  await fileReport(page, { description: "gammal" });
  await expect(page.getByText("väntat i mer än tre dagar")).toHaveCount(0);
  await page.clock.install({ time: Date.now() + 4 * 24 * 3600 * 1000 });
  await page.reload();
  await expect(page.getByText("Vissa rapporter har väntat i mer än tre dagar")).toBeVisible();
});
