// The upgrade to format-2 packs, in real Chromium against the real server: a phone that
// holds a format-1 pack and records made against it (an incident and a signature, waiting
// offline in the outbox) meets a server that has moved on to a format-2 pack. Nothing is
// lost: both records are delivered and accepted, and the app then shows the new pack.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, ROOT, cachedPack, enroll, fileReport, idbValue, phoneStorage } from "./fixtures.mjs";

// Small invented packs the server's own tests use, so this test does not change whenever
// the shipped content does: a base, and an overlay for Vingåker (0428) resolved with it.
const PACKS = join(ROOT, "crates/server/tests/fixtures/packs");
const BASE = join(PACKS, "base-a.toml");
// Vingåker's pack 2026.11.3 as the format-1 server stored and served it.
const V1 = join(ROOT, "tests/fixtures/pack-v1/0428.json");

// The server resolves overlays with the invented base: the shipped Vingåker overlay does
// not resolve with it, so the format-1 pack stays Vingåker's current one until a new
// pack is published below.
test.use({ serverArgs: ["--base", BASE] });

// The test and the helper below share this test's server and phone (fixtures.mjs).
let server;
let browser;
test.beforeEach(({ server: testServer, phone }) => {
  server = testServer;
  browser = phone;
});

/** Stores the format-1 pack as the format-1 server did: the JSON text byte for byte, its
 *  ETag, origin "shipped", and no overlay or base version (columns that server lacked). */
function storeFormat1Pack() {
  const body = readFileSync(V1, "utf8").trimEnd();
  const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`;
  const quoted = (s) => `'${s.replaceAll("'", "''")}'`;
  const sql = "INSERT INTO packs (kommunkod, version, body, etag, published_at, origin) " +
    `VALUES ('0428', '2026.11.3', ${quoted(body)}, ${quoted(etag)}, '2026-11-20T08:00:00Z', 'shipped');\n` +
    "SELECT version, overlay IS NULL, base_version IS NULL FROM packs WHERE kommunkod = '0428';\n";
  return execFileSync("sqlite3", [server.dbFile], { input: sql, encoding: "utf8" }).trim();
}

test("a phone with a format-1 pack and records waiting loses nothing and then shows the new pack", async () => {
  // The database as a format-1 server left it: only the format-1 pack for Vingåker.
  await server.down();
  expect(storeFormat1Pack()).toBe("2026.11.3|1|1");
  await server.up();

  // The phone enrolls and caches the format-1 pack, as phones did before the upgrade.
  let page = await browser.page();
  await enroll(page, server);
  await expect.poll(async () => (await cachedPack(page))?.version, { timeout: 15_000 }).toBe("2026.11.3");
  expect((await cachedPack(page)).format).toBe(1);

  // Offline, it reports an incident and signs against that pack: both wait in the outbox.
  await browser.setOffline(true);
  await fileReport(page, { description: "Telefonen glömdes på bussen." });
  await page.goto(server.url + "/sign");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByLabel("Anställningsnummer eller e-post").fill("anna.andersson@vingaker.se");
  await page.getByLabel("Arbetsplats").fill("Hemtjänst Norr");
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await page.getByRole("button", { name: "Skriv under" }).click();
  await expect(page.getByTestId("signature-waiting")).toBeVisible();
  const waiting = await phoneStorage(page);
  expect(waiting.outbox.map((e) => e.record.kind).sort()).toEqual(["incident", "signature"]);
  const signed = (await idbValue(page, "meta", "signature")).record;
  expect(signed.pack_version).toBe("2026.11.3");
  // A format-1 pack is signed with version-1 digests (plain hex).
  expect(signed.undertaking_sha256).toMatch(/^[0-9a-f]{64}$/);
  await browser.close();

  // Meanwhile the municipality publishes its format-2 pack (an overlay on the base).
  await server.down();
  expect(server.cli("pack", "publish", join(PACKS, "kommun.toml"), "--base", BASE)).toContain("published 0428");
  await server.up();

  // The phone opens the app again, online: it delivers what waited, then takes the new pack.
  await browser.open();
  page = await browser.page();
  await page.goto(server.url + "/");
  await expect.poll(async () => (await phoneStorage(page)).outbox.length, { timeout: 20_000 }).toBe(0);
  const { receipts } = await phoneStorage(page);
  expect(receipts.length).toBe(1);
  expect(receipts[0].case_number).toBeTruthy();
  const register = server.register();
  expect(register.length).toBe(1);
  expect(register[0].report.description).toBe("Telefonen glömdes på bussen.");
  await expect.poll(async () => (await idbValue(page, "meta", "signature"))?.log_entry, { timeout: 15_000 }).toBe(1);
  const status = server.cli("signatures", "status", "--kommunkod", "0428").split("\n").slice(1);
  // In the log, and (the current pack being newer) due to sign again.
  expect(status.map((l) => l.split(",").slice(1, 3))).toEqual([["Anna Andersson", "sign_again"]]);
  expect(server.cli("signatures", "verify", "--kommunkod", "0428")).toContain("1 signatures, chain intact");

  await expect.poll(async () => (await cachedPack(page))?.version, { timeout: 15_000 }).toBe("3+2026.12.1");
  expect((await cachedPack(page)).format).toBe(2);
  await page.goto(server.url + "/policy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Informationssäkerhetspolicy");
  await page.locator("#section-why summary").click();
  await expect(page.locator("#section-why")).toContainText("Information är viktig.");
  await page.getByTestId("page-sources").locator("summary").click();
  await expect(page.getByTestId("page-sources")).toContainText("Källa i policyn: §4");
  // The signature was of the format-1 pack: the new pack asks to sign again.
  await expect(page.getByTestId("sign-status")).toContainText("Det finns en ny version");
  await page.goto(server.url + "/sign");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bekräftelse");
  expect(browser.errors).toEqual([]);
});
