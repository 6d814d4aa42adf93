// Repeat training in real Chromium against a real server, offline and online, in Swedish
// and English: one question per screen, the employee's own answer beside the right one,
// a round under way offered as "Fortsätt" after a reload, a result that lists what went
// wrong and offers five more, delivered exactly once. The session is the page's draft
// (use_persisted_draft): kept on every change, stopped after the round is saved,
// discarded by "Börja om".
import { test, expect, idbValue, waitForPack } from "./fixtures.mjs";
import { QuizPage } from "./pages/quiz.mjs";

test("a round taken offline shows your answer, resumes with Fortsätt and is delivered once", async ({ enrolled: page, server, phone, app }) => {
  const pack = await waitForPack(page);
  await expect(page.getByTestId("training-status")).toContainText("Du har inte börjat utbildningen än.");
  await phone.setOffline(true);

  await page.getByRole("link", { name: /Utbildning/ }).first().click();
  const quiz = new QuizPage(page, pack);
  await expect(quiz.heading).toHaveText("Utbildning");
  // Asked once: where the employee works decides the course.
  await expect(page.getByRole("group", { name: "Var arbetar du?" })).toBeVisible();
  await app.scan("quiz: sector");
  await quiz.chooseSector("Skola");
  // One way to start, not a "Starta" link above a "Starta" button.
  await expect(page.locator("main").getByText("Starta", { exact: true })).toHaveCount(1);
  // Sources belong to what is on screen: none before a question is asked.
  await expect(page.getByTestId("page-sources")).toHaveCount(0);
  await app.scan("quiz: start");
  await quiz.start();
  await expect(quiz.progress).toHaveText("Fråga 1 av 5");
  // No answer chosen: a clear message, nothing lost.
  await quiz.answerButton.click();
  await expect(quiz.error).toHaveText("Välj ett svar innan du går vidare.");
  await expect(quiz.error).toBeFocused();
  await app.scan("quiz: question with error");

  const asked = [];
  let missed;
  for (let i = 1; i <= 5; i++) {
    await expect(quiz.progress).toHaveText(`Fråga ${i} av 5`);
    const right = i !== 2;
    if (i === 3) {
      // A reload with an option ticked but not answered offers to go on, and keeps the tick.
      const { q, chosen } = await quiz.choose(true);
      await expect.poll(async () => (await idbValue(page, "drafts", "quiz"))?.picked?.length).toBe(chosen.length);
      await page.reload();
      await expect(quiz.resume).toContainText("fråga 3 av 5");
      await expect(quiz.continueButton).toBeVisible();
      await app.scan("quiz: resume");
      await quiz.continueButton.click();
      await expect(quiz.progress).toHaveText("Fråga 3 av 5");
      await expect(page.getByLabel(chosen[0].text.sv, { exact: true })).toBeChecked();
      await quiz.answerButton.click();
      asked.push(q.id);
    } else {
      const { q } = await quiz.answer(right);
      asked.push(q.id);
    }
    const q = (await idbValue(page, "drafts", "quiz")).session.answers.at(-1);
    const bankQ = pack.quiz.questions.find((x) => x.id === q.question);
    await expect(quiz.feedback).toContainText(right ? "Rätt!" : "Inte riktigt.");
    await expect(quiz.feedback).toContainText(bankQ.explanation.sv);
    await expect(quiz.feedback).not.toContainText("Källa i policyn");
    // Your own answer stays on screen beside the right one.
    for (const o of bankQ.options) {
      const row = quiz.optionRow(o);
      await expect(row.first()).toHaveAttribute("data-correct", String(Boolean(o.correct)));
      await expect(row.first()).toHaveAttribute("data-chosen", String(q.chosen.includes(o.id)));
      if (q.chosen.includes(o.id)) await expect(row.first()).toContainText("Ditt svar");
      if (o.correct) await expect(row.first()).toContainText("Rätt svar");
    }
    // "Nästa fråga" is in view without scrolling.
    await expect(quiz.nextButton).toBeInViewport();
    if (i === 2) {
      missed = bankQ;
      await app.scan("quiz: feedback");
      await app.expectNoSideScroll("quiz: feedback");
      // A reload on the feedback screen comes back to it after "Fortsätt".
      await page.reload();
      await quiz.continueButton.click();
      await expect(quiz.feedback).toContainText("Inte riktigt.");
    }
    await expect(quiz.nextButton).toHaveText(i === 5 ? "Se resultatet" : "Nästa fråga");
    await quiz.next();
  }
  await expect(quiz.score).toHaveText("4 av 5 rätt");
  // What went wrong, with the right answer.
  await expect(quiz.wrongList.locator("li")).toHaveCount(1);
  await expect(quiz.wrongList).toContainText(missed.scenario.sv);
  await expect(quiz.wrongList).toContainText("Ditt svar");
  await expect(quiz.wrongList).toContainText(missed.options.find((o) => o.correct).text.sv);
  // One calm sync line, not "skickas när online" beside it.
  await expect(page.getByTestId("sync-status")).toHaveText("1 sparad uppgift väntar på nätverk");
  await expect(page.locator("main")).not.toContainText("skickas till kommunen när telefonen är online");
  await app.scan("quiz: result");
  // The round's transaction deleted the session draft; the page saves it no more.
  expect(await idbValue(page, "drafts", "quiz")).toBeUndefined();
  // New employees start with the basics; a school employee gets no other sector's.
  for (const id of asked) expect(pack.quiz.questions.find((x) => x.id === id).basics).toBe(true);
  const forSchool = pack.quiz.questions.filter((x) => !x.sectors?.length || x.sectors.includes("school"));
  for (const id of asked) expect(forSchool.map((x) => x.id)).toContain(id);
  expect((await idbValue(page, "meta", "quiz-progress")).sector).toBe("school");
  expect(Object.keys((await idbValue(page, "meta", "quiz-progress")).cards).sort()).toEqual([...asked].sort());

  await phone.setOffline(false);
  await expect.poll(() => server.cli("training", "questions", "--kommunkod", "0428").split("\n").filter(Boolean).length, { timeout: 20_000 }).toBe(6);
  const rows = server.cli("training", "questions", "--kommunkod", "0428").split("\n").filter(Boolean).slice(1).map((l) => l.split(","));
  expect(rows[0].slice(0, 3)).toEqual([asked[1], "1", "1"]);
  const status = server.cli("training", "status", "--kommunkod", "0428").split("\n")[1].split(",");
  expect([status[2], status[6]]).toEqual(["not_completed", "1"]);
  await expect(page.getByTestId("sync-status")).toHaveText("Allt är skickat");

  // Five more: a new round, saved again as it goes.
  await quiz.practiceMore.click();
  await expect(quiz.progress).toHaveText("Fråga 1 av 5");
  await quiz.choose(true);
  await expect.poll(async () => (await idbValue(page, "drafts", "quiz"))?.picked?.length ?? 0).toBeGreaterThan(0);
  // "Börja om" on resume discards the round.
  await page.reload();
  await quiz.startOverButton.click();
  await expect(page.locator("#quiz-start")).toBeVisible();
  await expect.poll(async () => await idbValue(page, "drafts", "quiz")).toBeUndefined();
  await page.reload();
  await expect(quiz.resume).toHaveCount(0);
  await expect(page.locator("#quiz-start")).toBeVisible();
  // Sent once: a second sync changes nothing.
  await app.home();
  await expect(page.getByTestId("sync-status")).toHaveText("Allt är skickat");
  expect(server.cli("training", "status", "--kommunkod", "0428").split("\n")[1].split(",")[6]).toBe("1");
  await expect(page.getByTestId("training-status")).toContainText(`Du har klarat 4 av ${forSchool.length} frågor.`);
});

test.describe("in English", () => {
  test.use({ colorScheme: "dark" });

  test("a round in English, in the dark: one hint, your answer, practise more", async ({ enrolled: page, app }) => {
    const pack = await waitForPack(page);
    await app.setLanguage("English");
    await app.goto("/quiz");
    const quiz = new QuizPage(page, pack, "en");
    await quiz.chooseSector("Home care or care");
    await quiz.start();
    for (let i = 1; i <= 5; i++) {
      await expect(quiz.progress).toHaveText(`Question ${i} of 5`);
      // "Choose all that apply." once, even where the question already says it.
      const said = (await page.locator(".question").innerText()).split("Choose all that apply.").length - 1;
      expect(said).toBeLessThanOrEqual(1);
      await quiz.answer(i % 2 === 0);
      await expect(quiz.feedback).toContainText(i % 2 === 0 ? "Right!" : "Not quite.");
      await expect(quiz.feedback).toContainText("Your answer");
      await expect(quiz.nextButton).toBeInViewport();
      if (i === 1) await app.scan("quiz: feedback (en, dark)");
      await quiz.next();
    }
    await expect(quiz.score).toContainText("of 5");
    await expect(page.getByRole("heading", { name: "What went wrong" })).toBeVisible();
    await expect(quiz.wrongList).toContainText("Your answer");
    await expect(quiz.practiceMore).toHaveText("Practise 5 more");
    await app.scan("quiz: result (en, dark)");
  });
});
