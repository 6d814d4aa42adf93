#!/usr/bin/env node
// Pictures of the app's main screens for reviewers who do not run it: starts the real
// server (the release binary, on a fresh database), enrolls a phone through the UI, files a
// report, signs the policy and takes the quiz, and saves each screen as a PNG at 360×640
// (device scale 2, a touch phone, sv-SE) in docs/screens/, with docs/screens/README.md
// saying what each picture shows; a few screens in Arabic (right to left) and in lättläst
// svenska at the end.
//
//   tools/build.sh && node tools/screenshots.mjs
//
// VAKSAM_STATIC_DIR=<trunk build> serves that build instead of the app in the binary.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Browser, ROOT, Server, enroll, expect, waitForPack } from "../tests/e2e/fixtures.mjs";
import { Home } from "../tests/e2e/pages/home.mjs";
import { Lookup } from "../tests/e2e/pages/lookup.mjs";
import { QuizPage } from "../tests/e2e/pages/quiz.mjs";
import { LOST_PHONE, MyReports, ReportFlow } from "../tests/e2e/pages/report.mjs";
import { ReceiptPage, SignPage } from "../tests/e2e/pages/sign.mjs";
import { texts } from "../tests/e2e/pages/texts.mjs";

const OUT = join(ROOT, "docs/screens");
const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "sv-SE" };

/** The pictures, in order: a new employee's first screen, then the four functions as an
 *  employee in home care uses them, then a few in dark mode. */
async function shots({ server, open, shoot }) {
  // Vingåker's policy names no IT support desk; an example number for it shows the call
  // button the report flow gives where a pack has one.
  const overlay = join(server.dir, "vingaker.toml");
  writeFileSync(overlay, readFileSync(join(ROOT, "packs/vingaker.toml"), "utf8")
    .replace(/^version = "([^"]+)"/m, 'version = "$1-screens"')
    .replace('[[contacts]]\nid = "it_chief"', '[[contacts]]\nid = "it"\nphone = "0151-193 00"\n\n[[contacts]]\nid = "it_chief"'));
  if (!server.cli("pack", "publish", overlay).includes("published 0428")) throw new Error("the pack with an IT number was not published");

  const phone = await open("light");
  const page = await phone.page();
  const shot = shoot(page);
  await page.goto("/");
  await expect(page.getByLabel("Registreringskod")).toBeVisible();
  await shot("enroll", "Enrollment: the code from the manager registers the phone.");
  await enroll(page, server);
  const pack = await waitForPack(page);
  const home = new Home(page);
  await home.open();
  await shot("home", "Home: the report button first, then the other functions and one to-do card.");

  const flow = new ReportFlow(page, { tap: true });
  await flow.open();
  await shot("report-what-happened", "Report, tap 2: what happened.");
  await flow.choose(LOST_PHONE);
  await shot("report-act-now", "Report: what to do now for a lost phone, a call button (an example number added to Vingåker's pack) and \"Skicka rapporten\" right there: the third tap sends.");
  await flow.tellMore();
  await shot("report-tell-more", "Report: \"Berätta mer\", every other question, all optional.");
  await flow.send();
  await shot("report-saved", "Report: saved on the phone and sent.");
  const reports = new MyReports(page);
  await reports.open();
  await expect(reports.received.first()).toBeVisible();
  await shot("my-reports", "Mina rapporter: each report with its case number.");
  await reports.openReport(/./);
  await expect(reports.caseNumber).toBeVisible();
  await shot("report-detail", "A report's own page: what was sent, its case number, steps and deadline, and \"Lägg till information\".");

  const lookup = new Lookup(page);
  await lookup.open();
  // Asked once, where the employee works: home care here.
  if (await lookup.askSector.isVisible()) await lookup.chooseSector("Hemtjänst eller omsorg");
  await lookup.search("bild på brukare");
  await shot("lookup-search", "Var får jag spara?: search as you type, offline.");
  await page.goto("/lookup/kind/foto_brukare");
  await expect(lookup.card).toBeVisible();
  if (await lookup.askSector.isVisible()) await lookup.chooseSector("Hemtjänst eller omsorg");
  await shot("lookup-answer", "Lookup: the answer first (yes / only if / no), the likely place's \"no\" near the top.");

  await page.goto("/policy");
  await expect(page.locator("main h1")).toBeVisible();
  await shot("policy", "The policy in short, sections that open, contacts with call buttons.");
  const sign = new SignPage(page);
  await sign.open();
  await sign.fill({ name: "Anna Andersson", employeeRef: "anna.andersson@vingaker.se", workplace: "Hemtjänst Norr" });
  await shot("sign", "Signing the undertaking (ansvarsförbindelse).");
  await sign.confirmAll();
  await sign.sign();
  await page.waitForURL(/\/signed$/);
  await expect(new ReceiptPage(page).heading).toBeVisible();

  const quiz = new QuizPage(page, pack);
  await quiz.open();
  if (await page.getByRole("group", { name: "Var arbetar du?" }).isVisible()) await quiz.chooseSector("Hemtjänst eller omsorg");
  await quiz.start();
  await shot("quiz-question", "Training: a question from everyday work.");
  await quiz.answer(false);
  await shot("quiz-feedback", "Training: your answer beside the right one, and why.");
  for (let i = 0; !(await quiz.score.isVisible()) && i < 10; i++) {
    await quiz.next();
    await expect(quiz.question.or(quiz.score)).toBeVisible();
    if (await quiz.question.isVisible()) await quiz.answer(true);
  }
  await expect(quiz.score).toBeVisible();
  await shot("quiz-result", "Training: the result, with the questions to look at again.");

  await page.goto("/settings");
  await expect(page.locator("main h1")).toBeVisible();
  await shot("settings", "Settings: language and where you work.");

  await phone.setOffline(true);
  await new ReportFlow(page).fileQuickly(LOST_PHONE);
  await shot("report-saved-offline", "Offline is normal: the report is saved on the phone and goes when there is network.");

  const dark = await open("dark");
  const darkPage = await dark.page();
  const darkShot = shoot(darkPage);
  await enroll(darkPage, server);
  await waitForPack(darkPage);
  await new Home(darkPage).open();
  await darkShot("home-dark", "Home in dark mode.");
  const darkFlow = new ReportFlow(darkPage);
  await darkFlow.open();
  await darkFlow.choose(LOST_PHONE);
  await darkShot("report-act-now-dark", "Report: what to do now, in dark mode.");
  await darkPage.goto("/lookup/kind/foto_brukare");
  const darkLookup = new Lookup(darkPage);
  await expect(darkLookup.card).toBeVisible();
  if (await darkLookup.askSector.isVisible()) await darkLookup.chooseSector("Hemtjänst eller omsorg");
  await darkShot("lookup-answer-dark", "Lookup's answer in dark mode.");

  // Arabic, chosen because the phone's language is Arabic: right to left throughout.
  const arabic = await open("light", "ar-SE");
  const arPage = await arabic.page();
  const arShot = shoot(arPage);
  const ar = texts("ar");
  await arPage.goto("/");
  await expect(arPage.locator("#code")).toBeVisible();
  await arShot("enroll-ar", "Arabic (the phone's language): enrollment, right to left; the picker names each language in its own name and marks translations not yet reviewed.");
  await arPage.locator("#code").fill(server.code("0428"));
  await arPage.locator("main form button[type=submit]").click();
  await expect(arPage.getByRole("link", { name: new RegExp(`^${ar("fn-report")}`) })).toBeVisible();
  await waitForPack(arPage);
  await arShot("home-ar", "Arabic: home.");
  await arPage.getByRole("link", { name: new RegExp(`^${ar("fn-report")}`) }).click();
  await arPage.getByRole("button", { name: ar("category-lost-device"), exact: true }).click();
  await expect(arPage.getByRole("button", { name: ar("send-report") })).toBeVisible();
  await arShot("report-act-now-ar", "Arabic: what to do now; the pack's own texts (contacts) are Swedish and say so.");
  await arPage.goto("/policy");
  await expect(arPage.locator("main h1")).toBeVisible();
  await arShot("policy-ar", "Arabic: the policy is the municipality's Swedish text, left to right inside the Arabic page, with a quiet \"(in Swedish)\".");

  // Lättläst svenska: short sentences, one instruction each.
  const easy = await open("light");
  const easyPage = await easy.page();
  const easyShot = shoot(easyPage);
  const ll = texts("sv-x-lattlast");
  await enroll(easyPage, server);
  await waitForPack(easyPage);
  await easyPage.goto("/settings");
  await easyPage.getByRole("radio", { name: /^Lättläst svenska/ }).check();
  await expect(easyPage.locator("html")).toHaveAttribute("lang", "sv-x-lattlast");
  await easyShot("settings-lattlast", "Lättläst svenska chosen in settings.");
  await easyPage.goto("/");
  await easyShot("home-lattlast", "Lättläst svenska: home.");
  await easyPage.getByRole("link", { name: new RegExp(`^${ll("fn-report")}`) }).click();
  await easyPage.getByRole("button", { name: ll("category-lost-device"), exact: true }).click();
  await expect(easyPage.getByRole("button", { name: ll("send-report") })).toBeVisible();
  await easyShot("report-act-now-lattlast", "Lättläst svenska: what to do now, one instruction per sentence.");
}

const server = await Server.start();
const phones = [];
const taken = [];
try {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const open = async (colorScheme, locale = PHONE.locale) => {
    const phone = await Browser.launch({ ...PHONE, colorScheme, locale, baseURL: server.url });
    phones.push(phone);
    return phone;
  };
  /** Saves the screen as `NN-name.png` once its fonts and pictures have loaded. */
  const shoot = (page) => async (name, what) => {
    await page.evaluate(async () => { await document.fonts.ready; });
    // No caret or focus ring blinking into the picture.
    await page.evaluate(() => document.activeElement?.blur?.());
    // Each picture shows its screen from the top, as it opens.
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = `${String(taken.length + 1).padStart(2, "0")}-${name}.png`;
    await page.screenshot({ path: join(OUT, file), animations: "disabled", caret: "hide" });
    taken.push([file, what]);
    console.log(file);
  };
  await shots({ server, open, shoot });
  for (const phone of phones) {
    if (phone.errors.length) throw new Error(`errors in the app: ${phone.errors.join("; ")}`);
  }

  const index = [
    "# Vaksam's screens",
    "",
    "Generated by `node tools/screenshots.mjs` (after `tools/build.sh`): the real app and server,",
    "a phone 360 px wide (device scale 2, Swedish; the last pictures in Arabic and in lättläst",
    "svenska). Regenerate them after a change to a screen.",
    "Date and time fields show the browser's own English format: Debian's Chromium here has no",
    "Swedish user interface (package chromium-l10n); a Swedish phone shows them in Swedish.",
    "",
    ...taken.map(([file, what]) => `- [${file}](${file}): ${what}`),
    "",
  ].join("\n");
  writeFileSync(join(OUT, "README.md"), index);
  for (const file of readdirSync(OUT).filter((f) => f.endsWith(".png"))) {
    const kb = Math.round(statSync(join(OUT, file)).size / 1024);
    if (kb > 150) console.warn(`${file}: ${kb} KB (more than 150 KB)`);
  }
} finally {
  for (const phone of phones) await phone.dispose();
  await server.stop();
}
