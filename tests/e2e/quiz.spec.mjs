// Repeat training offline in real Chromium against a real server: one question per
// screen with feedback, progress kept across reloads, the result delivered exactly once.
import { test, expect } from "@playwright/test";
import { Browser, Server, enroll, idbValue, scan, waitForPack } from "./fixtures.mjs";

let server;
let browser;
test.beforeEach(async () => {
  server = await Server.start();
  browser = await Browser.launch();
});
test.afterEach(async () => {
  await browser.dispose();
  await server.stop();
});

/** The bank question on screen, found by its scenario. */
async function current(page, pack) {
  const scenario = (await page.locator("legend#question").textContent()).trim();
  const q = pack.quiz.questions.find((x) => x.scenario.sv === scenario);
  expect(q, scenario).toBeTruthy();
  return q;
}

/** Ticks the right options of the question on screen, or one wrong one. */
async function choose(page, pack, right) {
  const q = await current(page, pack);
  const options = q.options.filter((o) => Boolean(o.correct) === right).slice(0, right ? 4 : 1);
  for (const o of options) await page.getByLabel(o.text.sv, { exact: true }).check();
  return q;
}

test("a quiz taken offline keeps its place across reloads and is delivered once", async () => {
  const page = await browser.page();
  await enroll(page, server);
  const pack = await waitForPack(page);
  await expect(page.getByTestId("training-status")).toContainText("Du har inte börjat utbildningen än.");
  await browser.setOffline(true);

  await page.getByRole("link", { name: /Utbildning/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Utbildning");
  // Asked once: where the employee works decides the course.
  await expect(page.getByRole("group", { name: "Var arbetar du?" })).toBeVisible();
  await scan(page, "quiz: sector");
  await page.getByRole("button", { name: "Skola" }).click();
  await scan(page, "quiz: start");
  await page.getByRole("button", { name: "Starta" }).click();
  await expect(page.getByText("Fråga 1 av 5")).toBeVisible();
  // No answer chosen: a clear message, nothing lost.
  await page.getByRole("button", { name: "Svara" }).click();
  await expect(page.getByRole("alert")).toHaveText("Välj ett svar innan du går vidare.");
  await scan(page, "quiz: question with error");

  const asked = [];
  for (let i = 1; i <= 5; i++) {
    await expect(page.getByText(`Fråga ${i} av 5`)).toBeVisible();
    const right = i !== 2;
    const q = await choose(page, pack, right);
    asked.push(q.id);
    if (i === 3) {
      // A reload with an option ticked but not answered keeps the tick.
      await page.reload();
      await expect(page.getByText("Fråga 3 av 5")).toBeVisible();
      const ticked = q.options.find((o) => o.correct);
      await expect(page.getByLabel(ticked.text.sv, { exact: true })).toBeChecked();
    }
    await page.getByRole("button", { name: "Svara" }).click();
    await expect(page.getByTestId("feedback")).toContainText(right ? "Rätt!" : "Inte riktigt.");
    await expect(page.getByTestId("feedback")).toContainText(q.explanation.sv);
    // "Källa i policyn" only for a question the policy really says.
    if (q.cite?.length && !q.default) {
      await expect(page.getByTestId("feedback")).toContainText(`Källa i policyn: ${q.cite.join(", ")}`);
    } else {
      await expect(page.getByTestId("feedback")).not.toContainText("Källa i policyn");
    }
    if (i === 2) {
      await scan(page, "quiz: feedback");
      // A reload on the feedback screen comes back to it.
      await page.reload();
      await expect(page.getByTestId("feedback")).toContainText("Inte riktigt.");
    }
    await page.getByRole("button", { name: i === 5 ? "Se resultatet" : "Nästa fråga" }).click();
  }
  await expect(page.getByTestId("score")).toHaveText("4 av 5 rätt");
  await expect(page.getByTestId("sync-status")).toHaveText("1 sparad uppgift väntar på nätverk");
  await scan(page, "quiz: result");
  // New employees start with the basics.
  for (const id of asked) expect(pack.quiz.questions.find((q) => q.id === id).basics).toBe(true);
  // A school employee is not asked another sector's questions.
  const forSchool = pack.quiz.questions.filter((q) => !q.sectors?.length || q.sectors.includes("school"));
  for (const id of asked) expect(forSchool.map((q) => q.id)).toContain(id);
  expect((await idbValue(page, "meta", "quiz-progress")).sector).toBe("school");
  const waiting = (await idbValue(page, "meta", "quiz-progress")).cards;
  expect(Object.keys(waiting).sort()).toEqual([...asked].sort());

  await browser.setOffline(false);
  await expect.poll(() => server.cli("training", "questions", "--kommunkod", "0428").split("\n").filter(Boolean).length, { timeout: 20_000 }).toBe(6);
  const rows = server.cli("training", "questions", "--kommunkod", "0428").split("\n").filter(Boolean).slice(1).map((l) => l.split(","));
  expect(rows[0].slice(0, 3)).toEqual([asked[1], "1", "1"]);
  const status = server.cli("training", "status", "--kommunkod", "0428").split("\n")[1].split(",");
  expect([status[2], status[6]]).toEqual(["not_completed", "1"]);
  // Sent once: a second sync changes nothing.
  await page.getByRole("link", { name: "Till start" }).click();
  await expect(page.getByTestId("sync-status")).toHaveText("Allt är skickat");
  expect(server.cli("training", "status", "--kommunkod", "0428").split("\n")[1].split(",")[6]).toBe("1");
  await expect(page.getByTestId("training-status")).toContainText(`Du har klarat 4 av ${forSchool.length} frågor.`);
  expect(browser.errors).toEqual([]);
});
