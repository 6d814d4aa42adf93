// Vaksam's browser tests run against the real server binary and Debian's Chromium.
//
// Fixtures: `import { test, expect } from "./fixtures.mjs"`, then ask for what a test needs:
//
//   server    A real vaksam-server on a fresh SQLite file, stopped and its files removed
//             after the test. Options (`test.use`): `serverArgs`, more `serve` options such
//             as `["--base", file]`; `staticDir`, a trunk build to serve instead of the app
//             embedded in the binary (default: VAKSAM_STATIC_DIR); `serverPerWorker: true`
//             to share one server among the tests of a worker that use the same options
//             (its database then carries over from test to test).
//   phone     Debian's Chromium with a persistent profile (a `Browser`): `phone.close()` and
//             `phone.open()` close and reopen the browser, IndexedDB and the service worker
//             survive. Its pages start at the server (`page.goto("/reports")` works). Sized
//             360×640 unless the spec sets `viewport`; Playwright's `colorScheme`, `locale`
//             (default sv-SE), `isMobile`, `hasTouch` and `deviceScaleFactor` apply. After
//             the test it fails on any uncaught error of its pages, unless the spec sets
//             `pageErrors: "allowed"`. `textSize: 2` makes the root font twice as large on
//             every page (a user's "200 % text").
//   page      The phone's first page, nothing loaded yet.
//   enrolled  That page, enrolled through the UI with a code of `kommunkod` (option, default
//             "0428") and controlled by the service worker; it shows home.
//   app       The app shell's page object (`pages/app.mjs`) on `page`.
//
// Example:
//   test.use({ colorScheme: "dark" });
//   test("home in the dark", async ({ enrolled, app }) => { await app.scan("home"); });
//
// The classes and functions below (`Server`, `Browser`, `enroll`, ...) are what the
// fixtures are made of; specs that have not moved to the fixtures still use them directly.
import { test as base, chromium, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { App } from "./pages/app.mjs";
import { ReportFlow } from "./pages/report.mjs";

export { expect };

export const ROOT = resolve(import.meta.dirname, "../..");
const BIN = process.env.VAKSAM_SERVER_BIN || join(ROOT, "target/release/vaksam-server");
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on("error", fail);
  });
}

/** A real server process on a fresh database. */
export class Server {
  /** `args`: more `serve` options, e.g. `["--base", file]`. */
  static async start({ staticDir, args = [] } = {}) {
    const s = new Server();
    // VAKSAM_STATIC_DIR serves a trunk build from a directory instead of the app embedded
    // in the binary: iterate on the app without rebuilding the server.
    s.staticDir = staticDir || process.env.VAKSAM_STATIC_DIR;
    s.args = args;
    s.dir = mkdtempSync(join(tmpdir(), "vaksam-e2e-"));
    s.db = `sqlite://${join(s.dir, "vaksam.db")}`;
    s.port = await freePort();
    s.url = `http://127.0.0.1:${s.port}`;
    await s.up();
    return s;
  }

  async up() {
    const extra = [...(this.staticDir ? ["--static-dir", this.staticDir] : []), ...this.args];
    this.proc = spawn(BIN, ["--db", this.db, "serve", "--addr", `127.0.0.1:${this.port}`, ...extra], { stdio: ["ignore", "ignore", "pipe"] });
    this.proc.stderr.on("data", () => {});
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(`${this.url}/api/v1/health`)).ok) return; } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("server did not start");
  }

  async down() {
    if (!this.proc) return;
    const exited = new Promise((r) => this.proc.once("exit", r));
    this.proc.kill("SIGKILL");
    await exited;
    this.proc = null;
  }

  /** The database file (for the `sqlite3` CLI). */
  get dbFile() {
    return join(this.dir, "vaksam.db");
  }

  cli(...args) {
    return execFileSync(BIN, ["--db", this.db, ...args], { encoding: "utf8" }).trim();
  }

  code(kommunkod = "0428", name = "Anna Andersson") {
    return this.cli("enroll", "--kommunkod", kommunkod, "--name", name);
  }

  register(kommunkod = "0428") {
    return JSON.parse(this.cli("incidents", "--kommunkod", kommunkod, "--format", "json"));
  }

  async stop() {
    await this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Chromium with a profile directory that survives close and reopen. */
export class Browser {
  /** `options`: more options of `launchPersistentContext` (viewport, colorScheme,
   *  locale, baseURL, ...) and `textSize` (see `enlargeText`), kept for every reopen. */
  static async launch({ textSize = 1, ...options } = {}) {
    const b = new Browser();
    b.options = options;
    b.textSize = textSize;
    b.profile = mkdtempSync(join(tmpdir(), "vaksam-profile-"));
    await b.open();
    return b;
  }

  async open({ offline = false } = {}) {
    this.context = await chromium.launchPersistentContext(this.profile, {
      ...this.options,
      executablePath: "/usr/bin/chromium",
      headless: true,
      args: CHROMIUM_ARGS,
      offline,
    });
    if (this.textSize !== 1) await enlargeText(this.context, this.textSize);
    this.errors = [];
    this.context.on("weberror", (e) => this.errors.push(String(e.error())));
    if (offline) await this.blockApi();
    return this.context;
  }

  // Chromium's offline emulation has been seen to let a request from a service-worker
  // controlled page through right after it was switched on; refusing API calls at the
  // routing layer as well makes "offline" certain for the app's sync.
  async blockApi() {
    this.apiBlock = (route) => route.abort("internetdisconnected");
    await this.context.route("**/api/**", this.apiBlock);
  }

  /** Cuts or restores the network for every page of the browser. */
  async setOffline(offline) {
    if (offline) {
      await this.blockApi();
      await this.context.setOffline(true);
    } else {
      if (this.apiBlock) await this.context.unroute("**/api/**", this.apiBlock);
      this.apiBlock = null;
      await this.context.setOffline(false);
    }
  }

  async page() {
    const page = this.context.pages()[0] || (await this.context.newPage());
    page.on("pageerror", (e) => this.errors.push(e.message));
    return page;
  }

  async close() {
    await this.context.close();
  }

  async dispose() {
    await this.context.close().catch(() => {});
    rmSync(this.profile, { recursive: true, force: true });
  }
}

/** Makes the root font `factor` times the browser's default on every page of `context`
 *  (what a user's larger text setting does to an app sized in rem). Set on the root's
 *  style from script: the app's CSP refuses an injected <style>. */
export async function enlargeText(context, factor) {
  await context.addInitScript((factor) => {
    const apply = () => document.documentElement.style.setProperty("font-size", `${factor * 100}%`, "important");
    if (document.documentElement) return apply();
    // The script runs before the page has its root element.
    new MutationObserver((_, watch) => {
      if (document.documentElement) { watch.disconnect(); apply(); }
    }).observe(document, { childList: true });
  }, factor);
}

/** Enrolls through the UI and waits until the service worker controls the page. */
export async function enroll(page, server, kommunkod = "0428") {
  await page.goto(server.url + "/");
  await page.getByLabel("Registreringskod").fill(server.code(kommunkod));
  await page.getByRole("button", { name: "Registrera telefonen" }).click();
  await expect(page.getByRole("link", { name: /^Rapportera/ }).first()).toBeVisible();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 }).catch(async () => {
    // First load is not controlled until reload (no clients.claim race on install).
    await page.reload();
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Opens the report flow from home and taps what happened; the flow then shows "Gör så
 *  här nu" with "Skicka rapporten" (see pages/report.mjs). */
export async function startReport(page, category) {
  const flow = new ReportFlow(page);
  await flow.open();
  if (await flow.draftPrompt.isVisible()) await flow.press(flow.startOverButton);
  await flow.choose(category);
}

/** One value of the phone's IndexedDB, as the app stored it. */
export async function idbValue(page, store, key) {
  return page.evaluate(([store, key]) => new Promise((ok, fail) => {
    const req = indexedDB.open("vaksam");
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction(store).objectStore(store).get(key);
      get.onsuccess = () => { db.close(); ok(get.result); };
      get.onerror = () => { db.close(); fail(get.error); };
    };
  }), [store, key]);
}

/** The pack cached on the phone (stored as the server's JSON text), or undefined. */
export async function cachedPack(page) {
  const stored = await idbValue(page, "meta", "pack");
  return stored ? JSON.parse(stored.body) : undefined;
}

/** Waits until the phone has cached its municipality's pack, with its classification
 *  matrix and quiz bank; returns the pack. */
export async function waitForPack(page) {
  let pack;
  await expect.poll(async () => {
    pack = await cachedPack(page);
    return Math.min(pack?.classification?.kinds?.length ?? 0, pack?.quiz?.questions?.length ?? 0);
  }, { timeout: 15_000 }).toBeGreaterThanOrEqual(24);
  return pack;
}

/** Files a report the quick way (pages/report.mjs), with a description if given; returns
 *  on home once it is saved on the phone. */
export async function fileReport(page, { category = "Borttappad eller stulen telefon, surfplatta eller dator", description = "" } = {}) {
  const flow = new ReportFlow(page);
  await flow.fileQuickly(category, description ? { description } : undefined);
  await flow.done();
}

/** What this phone's IndexedDB holds. */
export async function phoneStorage(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const req = indexedDB.open("vaksam");
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(["outbox", "receipts"], "readonly");
      const out = {};
      tx.objectStore("outbox").getAll().onsuccess = (e) => { out.outbox = e.target.result; };
      tx.objectStore("receipts").getAll().onsuccess = (e) => { out.receipts = e.target.result; };
      tx.oncomplete = () => { db.close(); ok(out); };
    };
  }));
}

export const waitingStatus = (n) => new RegExp(`${n} rapport(er)? väntar`);

/** Fails with every axe violation (WCAG 2.1 A and AA) on the page, labelled with `name`. */
export async function scan(page, name) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = result.violations.map((v) => `${name}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(found).toEqual([]);
}

// ---- Playwright fixtures (documented at the top of this file) ----

export const test = base.extend({
  serverArgs: [[], { option: true }],
  staticDir: [undefined, { option: true }],
  serverPerWorker: [false, { option: true }],
  kommunkod: ["0428", { option: true }],
  pageErrors: ["fail", { option: true }],
  textSize: [1, { option: true }],
  viewport: [{ width: 360, height: 640 }, { option: true }],
  locale: ["sv-SE", { option: true }],

  // The worker's shared servers, by their options; stopped when the worker ends.
  _sharedServers: [async ({}, use) => {
    const servers = new Map();
    await use(servers);
    for (const s of servers.values()) await (await s).stop();
  }, { scope: "worker" }],

  server: async ({ serverArgs, staticDir, serverPerWorker, _sharedServers }, use) => {
    const options = { args: serverArgs, staticDir };
    if (serverPerWorker) {
      const key = JSON.stringify(options);
      if (!_sharedServers.has(key)) _sharedServers.set(key, Server.start(options));
      await use(await _sharedServers.get(key));
      return;
    }
    const server = await Server.start(options);
    await use(server);
    await server.stop();
  },

  phone: async ({ server, viewport, colorScheme, locale, isMobile, hasTouch, deviceScaleFactor, pageErrors, textSize }, use) => {
    const phone = await Browser.launch({
      baseURL: server.url, viewport, colorScheme, locale, isMobile, hasTouch, deviceScaleFactor, textSize,
    });
    try {
      await use(phone);
      if (pageErrors !== "allowed") expect(phone.errors, "uncaught errors in the app's pages").toEqual([]);
    } finally {
      await phone.dispose();
    }
  },

  page: async ({ phone }, use) => {
    await use(await phone.page());
  },

  enrolled: async ({ page, server, kommunkod }, use) => {
    await enroll(page, server, kommunkod);
    await use(page);
  },

  app: async ({ page }, use) => {
    await use(new App(page));
  },
});
