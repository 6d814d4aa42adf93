// Time from tapping "Skicka rapporten" to the report being committed in IndexedDB ("saved on this
// phone"), in headless Chromium, offline so the network plays no part. The app marks
// `vaksam-submit` in the click handler and measures `vaksam-save` when the transaction has
// committed. Usage: node bench/save_latency.mjs [runs]   (needs tools/build.sh first)
import { Browser, Server, enroll } from "../tests/e2e/fixtures.mjs";

const runs = Number(process.argv[2] || 60);
const server = await Server.start();
const browser = await Browser.launch();
try {
  const page = await browser.page();
  await enroll(page, server);
  await browser.setOffline(true);
  const toUi = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(server.url + "/report");
    // What happened (one tap moves on), then "Skicka rapporten" on "Gör så här nu".
    await page.getByRole("button", { name: "Nätfiske eller misstänkt meddelande", exact: true }).click();
    await page.evaluate(() => { performance.clearMeasures(); performance.clearMarks(); });
    const started = Date.now();
    await page.getByRole("button", { name: "Skicka rapporten" }).click();
    await page.waitForFunction(() => document.querySelector("[data-testid=report-state]")?.textContent.startsWith("Den är sparad på telefonen"), null, { polling: "raf" });
    toUi.push(Date.now() - started);
    await page.waitForFunction(() => performance.getEntriesByName("vaksam-saved-shown").length === 1);
    const [commit, shown] = await page.evaluate(() => ["vaksam-save", "vaksam-saved-shown"].map((n) => performance.getEntriesByName(n)[0].duration));
    toUi[i] = { commit, shown, ui: toUi[i] };
  }
  const pct = (list, p) => { const s = [...list].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
  const commit = toUi.map((r) => r.commit);
  const ui = toUi.map((r) => r.ui);
  const shown = toUi.map((r) => r.shown);
  console.log(`runs: ${runs} (offline, one report each, ${runs} already in the outbox at the end)`);
  console.log(`tap → committed in IndexedDB (in-page measure): p50 ${pct(commit, 50).toFixed(1)} ms, p95 ${pct(commit, 95).toFixed(1)} ms, max ${Math.max(...commit).toFixed(1)} ms`);
  console.log(`tap → "Sparad på telefonen" rendered (in-page measure, next frame): p50 ${pct(shown, 50).toFixed(1)} ms, p95 ${pct(shown, 95).toFixed(1)} ms, max ${Math.max(...shown).toFixed(1)} ms`);
  console.log(`tap → "Sparad på telefonen" visible (Playwright, includes its polling): p50 ${pct(ui, 50)} ms, p95 ${pct(ui, 95)} ms`);
} finally {
  await browser.dispose();
  await server.stop();
}
