// A randomized fault run (issue 10): at least 100 reports filed through the real app in
// headless Chromium against the real server binary while, at random, the network flaps,
// the server is killed with SIGKILL (also in the middle of a sync request) and restarted on
// the same database, sync responses are lost after the server answered, pages reload in
// the middle of the form and of the save, the browser restarts, and a second tab of the
// same phone reloads, sends and files. At the end, with everything back, the phone's outbox
// empties and the register holds every report exactly once, numbered 0001..n.
//
// The schedule comes from a seeded generator; the seed is printed so a failing run can be
// replayed: FAULT_SEED=<seed> npx --no-install playwright test fault.spec.mjs
// (timing still varies between runs). FAULT_REPORTS=<n> changes the number of reports.
import { test, expect, enroll, idbValue, phoneStorage } from "./fixtures.mjs";

const SEED = Number(process.env.FAULT_SEED || Math.floor(Math.random() * 2 ** 31));
const REPORTS = Number(process.env.FAULT_REPORTS || 100);
const CATEGORY = "Borttappad eller stulen telefon, surfplatta eller dator";

/** A small seeded generator (mulberry32): the same seed gives the same schedule. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How often each fault happens. Per report unless said otherwise. */
const P = {
  secondTab: 0.3, // the report is filed in the second tab
  reloadMidForm: 0.02, // per question: reload before pressing "Nästa"
  reloadOnSubmit: 0.1, // reload a few ms after pressing "Skicka"
  reloadAfterSave: 0.08, // reload the saved page while its sync is under way
  killMidRequest: 0.08, // the next sync request reaches the server, which is then killed
  killNow: 0.04, // kill the server between reports
  revive: 0.4, // a killed server comes back
  flapOff: 0.1, // the network goes away (at a random question)
  flapOn: 0.4, // and comes back, between reports
  lossyOn: 0.1, // sync responses start getting lost after the server answered
  lossyOff: 0.3,
  lose: 0.6, // per sync request while lossy
  otherTabReload: 0.08, // the other tab reloads while this one files
  otherTabSend: 0.15, // the other tab presses "Skicka nu" while this one files
  browserRestart: 0.015,
};

// The test's server and phone (fixtures.mjs), shared with the fault helpers in the tests.
let server;
let browser;
let log;
test.beforeEach(({ server: testServer, phone }) => {
  server = testServer;
  browser = phone;
  log = [];
});
test.afterEach(async ({}, info) => {
  if (info.status !== info.expectedStatus && log.length) {
    console.log(`fault run failed; seed ${SEED}; last events:\n  ${log.slice(-40).join("\n  ")}`);
  }
});

test("a randomized fault run delivers every report exactly once, numbered without gaps", async () => {
  test.setTimeout(20 * 60_000);
  console.log(`fault run: seed ${SEED}, ${REPORTS} reports (replay with FAULT_SEED=${SEED})`);
  const rng = seeded(SEED);
  // Decisions made inside request handlers happen in network order, which varies: they get
  // their own generator so the main schedule stays the same for a seed.
  const netRng = seeded(SEED ^ 0x5eed);
  const chance = (p) => rng() < p;
  const state = { offline: false, lossy: false, killNextSync: false };
  const count = { flaps: 0, kills: 0, killsMidRequest: 0, requestsCut: 0, lost: 0, reloads: 0, restarts: 0, secondTab: 0, otherTab: 0, resubmits: 0 };
  const started = Date.now();
  const event = (what) => log.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${what}`);

  // kill -9 and restart, one at a time (a request handler may kill while the loop revives).
  let serverQueue = Promise.resolve();
  const serially = (op) => (serverQueue = serverQueue.then(op, op));
  const kill = (why) => serially(async () => {
    if (!server.proc) return false;
    await server.down();
    count.kills++;
    event(`server killed (${why})`);
    return true;
  });
  const revive = () => serially(async () => {
    if (server.proc) return;
    await server.up();
    event("server up");
  });

  // Every sync request passes here. Offline requests fall through to the fixture's block.
  // A browser restart closes routes under way; that is not a failure of the run.
  const faultySync = (route) => faultyRoute(route).catch((e) => event(`sync route: ${e.message.split("\n")[0]}`));
  async function faultyRoute(route) {
    if (state.offline) return route.fallback();
    if (state.killNextSync) {
      state.killNextSync = false;
      const answer = route.fetch().catch(() => null);
      await new Promise((r) => setTimeout(r, Math.floor(netRng() * 10)));
      const killed = await kill("in the middle of a sync request");
      const response = await answer;
      if (killed) {
        count.killsMidRequest++;
        if (!response) count.requestsCut++;
        event(`sync request ${response ? "answered before" : "cut by"} the kill`);
      }
      if (response) return route.fulfill({ response });
      return route.abort("connectionreset");
    }
    if (state.lossy && netRng() < P.lose) {
      const response = await route.fetch().catch(() => null);
      if (response) {
        count.lost++;
        event(`sync response lost after the server answered ${response.status()}`);
      }
      return route.abort("connectionreset");
    }
    return route.fallback();
  }

  /** Opens the phone's two tabs on the home screen (`first` may be open already). */
  async function openTabs(first) {
    // Whichever of this route and the fixture's offline block runs first, an offline
    // request ends blocked: this one falls back to the block while offline.
    await browser.context.route("**/api/v1/sync", faultySync);
    first ??= await browser.page();
    const second = await browser.context.newPage();
    second.on("pageerror", (e) => browser.errors.push(e.message));
    for (const page of [second, first]) {
      await page.goto(server.url + "/");
      await expect(page.getByRole("link", { name: /Rapportera incident/ }).first()).toBeVisible();
    }
    return [first, second];
  }

  async function setOffline(offline) {
    if (state.offline === offline) return;
    state.offline = offline;
    await browser.setOffline(offline);
    if (offline) count.flaps++;
    event(offline ? "network off" : "network on");
  }

  // The report flow's screens, in order (pages/report.mjs): the prompt about a started
  // report or "Vad har hänt?", then "Gör så här nu", then "Berätta mer".
  const stage = (page) => page.locator("section.report").getAttribute("data-stage");
  const STEP = { prompt: 1, category: 1, act: 2, more: 3 };
  const home = async (page) => {
    await page.locator("header a.brand").click();
    await expect(page.getByRole("link", { name: /Rapportera incident/ }).first()).toBeVisible();
  };

  /** Waits until the form has read its saved draft (if any) and shows a screen. */
  async function formLoaded(page) {
    await expect(page.locator("section.report")).toHaveAttribute("data-stage", /^(prompt|category|act|more)$/);
  }

  /** Whether a report with this marker is on the phone's outbox or in the register. The
   *  outbox is read first: an entry leaves it only after the server committed it. */
  async function savedSomewhere(page, marker) {
    const { outbox } = await phoneStorage(page);
    if (outbox.some((e) => e.record.payload.description === marker)) return true;
    return server.register().some((r) => r.report.description === marker);
  }

  /** Clicks "Skicka nu" in a page through the DOM (works in a background tab). */
  const sendNow = (page) => page.evaluate(() => {
    [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Skicka nu")?.click();
  });

  /** Files one report with `marker` as its description, with faults on the way. */
  async function file(page, other, marker) {
    await page.getByRole("link", { name: /Rapportera incident/ }).first().click();
    await formLoaded(page);
    const flapAt = chance(P.flapOff) && !state.offline ? 1 + Math.floor(rng() * 3) : 0;
    const background = [];
    if (chance(P.otherTabReload)) {
      count.otherTab++;
      event("other tab reloads");
      background.push(other.reload().catch((e) => event(`other tab: reload failed: ${e.message}`)));
    }
    if (chance(P.otherTabSend)) {
      count.otherTab++;
      event("other tab presses Skicka nu");
      background.push(sendNow(other).catch(() => event("other tab: Skicka nu missed (page navigating)")));
    }
    for (let guard = 0; guard < 60; guard++) {
      const now = await stage(page);
      const n = STEP[now];
      if (n === flapAt) await setOffline(true);
      if (now === "more") {
        const description = page.getByLabel("Beskrivning");
        if ((await description.inputValue()) !== marker) await description.fill(marker);
        if (await submit(page, marker)) {
          await Promise.all(background);
          return;
        }
        count.resubmits++;
        continue;
      }
      if (chance(P.reloadMidForm)) {
        count.reloads++;
        event(`${marker}: reload at screen ${now}`);
        await page.reload();
        await formLoaded(page);
        continue;
      }
      // A started report (this one, after a reload) is continued, never started over.
      if (now === "prompt") await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
      else if (now === "category") await page.getByRole("button", { name: CATEGORY, exact: true }).click();
      else if (now === "act") await page.getByRole("button", { name: "Berätta mer", exact: true }).click();
      await expect(page.locator("section.report")).not.toHaveAttribute("data-stage", now, { timeout: 3_000 }).catch(() => {});
    }
    throw new Error(`${marker}: the form did not reach the end`);
  }

  /** Presses "Skicka". Returns true when the report is saved on the phone, false when a
   *  reload interrupted the save before it committed (the form is then back, draft kept). */
  async function submit(page, marker) {
    const button = page.getByRole("button", { name: "Skicka rapporten", exact: true });
    if (chance(P.killMidRequest)) state.killNextSync = true;
    if (chance(P.reloadOnSubmit)) {
      // Pressed and reloaded from inside the page, so the reload can land before the save
      // has committed (as when a phone kills the tab right after the tap).
      const delay = Math.floor(rng() * 25);
      count.reloads++;
      const reloaded = page.waitForEvent("load");
      await page.evaluate((delay) => {
        [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Skicka rapporten").click();
        setTimeout(() => location.reload(), delay);
      }, delay);
      await reloaded;
      const draft = await idbValue(page, "drafts", "incident");
      // The draft and the outbox entry change in one transaction: exactly one of them.
      const saved = await savedSomewhere(page, marker);
      event(`${marker}: reload ${delay} ms after Skicka, ${saved ? "saved" : "not saved"}, at ${new URL(page.url()).pathname}, draft ${JSON.stringify(draft)}`);
      expect(saved, `${marker}: draft kept and report saved at once`).toBe(!draft);
      if (draft) {
        if (!new URL(page.url()).pathname.endsWith("/report")) await page.goto(server.url + "/report");
        await formLoaded(page);
        return false;
      }
      await page.goto(server.url + "/");
      return true;
    }
    await button.click();
    await expect(page.getByRole("heading", { name: /Rapporten är sparad/ })).toBeVisible();
    if (chance(P.reloadAfterSave)) {
      count.reloads++;
      event(`${marker}: reload of the saved page`);
      await page.reload();
      await expect(page.getByRole("heading", { name: /Rapporten är sparad/ })).toBeVisible();
    }
    await home(page);
    return true;
  }

  // Enrolled and with the pack, then two tabs of the same phone.
  let first = await browser.page();
  await enroll(first, server);
  let second;
  [first, second] = await openTabs(first);

  const filed = [];
  for (let i = 1; i <= REPORTS; i++) {
    // Between reports: the server, the network and the loss of answers change state.
    if (!server.proc && chance(P.revive)) await revive();
    else if (server.proc && chance(P.killNow)) await kill("between reports");
    if (state.offline && chance(P.flapOn)) await setOffline(false);
    if (!state.lossy && chance(P.lossyOn)) { state.lossy = true; event("responses get lost"); }
    else if (state.lossy && chance(P.lossyOff)) { state.lossy = false; event("responses arrive"); }
    if (chance(P.browserRestart)) {
      count.restarts++;
      event("browser restart");
      await browser.close();
      await browser.open({ offline: state.offline });
      [first, second] = await openTabs();
    }

    const inSecond = chance(P.secondTab);
    if (inSecond) count.secondTab++;
    const [page, other] = inSecond ? [second, first] : [first, second];
    await page.bringToFront();
    const marker = `fault-${SEED}-${String(i).padStart(3, "0")}`;
    await file(page, other, marker);
    filed.push(marker);
  }

  // Everything back: the phone delivers what waits.
  state.lossy = false;
  state.killNextSync = false;
  await revive();
  await setOffline(false);
  await first.bringToFront();
  event("all faults off");
  await expect.poll(async () => {
    await sendNow(first);
    return (await phoneStorage(first)).outbox.length;
  }, { timeout: 120_000, intervals: [500, 1_000, 2_000] }).toBe(0);
  console.log(`fault run: ${REPORTS} reports in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
    Object.entries(count).map(([k, v]) => `${k} ${v}`).join(", "));

  // Each report exactly once: no loss, no duplicate, nothing else.
  const register = server.register();
  expect(register.map((r) => r.report.description).sort()).toEqual([...filed].sort());
  expect(new Set(register.map((r) => r.id)).size).toBe(REPORTS);
  // Case numbers 0001..n with no gap and no repeat, although the server was killed.
  const year = new Date().getFullYear();
  const expected = filed.map((_, i) => `${year}-${String(i + 1).padStart(4, "0")}`);
  expect(register.map((r) => r.case_number).sort()).toEqual(expected);
  // The phone holds a receipt per report with the server's case number, and nothing else.
  const stored = await phoneStorage(first);
  expect(stored.outbox).toEqual([]);
  const receipts = new Map(stored.receipts.map((r) => [r.id, r.case_number]));
  expect(receipts.size).toBe(REPORTS);
  for (const r of register) expect(receipts.get(r.id), r.id).toBe(r.case_number);
  await first.reload();
  await expect(first.getByTestId("sync-status")).toHaveText("Allt är skickat");
  expect(browser.errors).toEqual([]);
});

// Found by the fault run (seed 1): the form's auto-save wrote the draft back after the save
// had deleted it, so the next "Rapportera incident" opened on the last report's review and
// one more "Skicka" filed it twice.
test("a saved report leaves no draft behind, so the next report starts empty", async () => {
  const page = await browser.page();
  await enroll(page, server);
  await page.getByRole("link", { name: /Rapportera incident/ }).first().click();
  await page.getByRole("button", { name: CATEGORY, exact: true }).click();
  await page.getByRole("button", { name: "Berätta mer", exact: true }).click();
  await page.getByLabel("Beskrivning").fill("bara en gång");
  await page.getByRole("button", { name: "Skicka rapporten", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Rapporten är sparad/ })).toBeVisible();
  // An auto-save still under way lands within milliseconds; give it ample time to show.
  await page.waitForTimeout(500);
  expect(await idbValue(page, "drafts", "incident")).toBeUndefined();
  await page.locator("header a.brand").click();
  await page.getByRole("link", { name: /Rapportera incident/ }).first().click();
  await page.waitForTimeout(300);
  // No "continue your report?": the next report starts empty.
  await expect(page.getByRole("heading", { name: "Vad har hänt?" })).toBeVisible();
  await expect(page.getByTestId("draft-prompt")).toHaveCount(0);
  await expect(page.getByRole("button", { name: CATEGORY, exact: true })).toHaveAttribute("aria-pressed", "false");
});
