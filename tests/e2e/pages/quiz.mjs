// Page object of the training quiz. It knows the bank (from the pack cached on the phone),
// so a spec can answer the question on screen rightly or wrongly by meaning, in Swedish or
// English, instead of counting taps.
import { expect } from "@playwright/test";

export class QuizPage {
  /** @param pack the pack on the phone (`waitForPack`), for the bank's questions. */
  constructor(page, pack, lang = "sv") {
    this.page = page;
    this.pack = pack;
    this.lang = lang;
    this.heading = page.locator("main h1");
    this.question = page.locator("legend#question");
    this.progress = page.locator(".quiz .progress");
    this.answerButton = page.getByRole("button", { name: /^(Svara|Answer)$/ });
    this.nextButton = page.getByTestId("quiz-next");
    this.feedback = page.getByTestId("feedback");
    this.options = page.getByTestId("answer-options").locator("li");
    this.error = page.locator("#quiz-error");
    this.resume = page.getByTestId("quiz-resume");
    this.continueButton = page.getByRole("button", { name: /^(Fortsätt|Continue)$/ });
    this.startOverButton = page.getByRole("button", { name: /^(Börja om|Start over)$/ });
    this.score = page.getByTestId("score");
    this.wrongList = page.getByTestId("wrong-list");
    this.practiceMore = page.getByTestId("practice-more");
    this.status = page.getByTestId("training-status");
  }

  async open() {
    await this.page.goto("/quiz");
    await expect(this.heading).toBeVisible();
  }

  /** Answers "Var arbetar du?" with the button `name` ("Skola", ...). */
  async chooseSector(name) {
    await this.page.getByRole("button", { name }).click();
  }

  /** Taps the start screen's one button ("Starta" / "Öva ändå" / "Start" ...). */
  async start() {
    await this.page.locator("#quiz-start").click();
    await expect(this.question).toBeVisible();
  }

  /** The bank question on screen. */
  async current() {
    const scenario = (await this.question.textContent()).trim();
    const q = this.pack.quiz.questions.find((x) => (x.scenario[this.lang] ?? x.scenario.sv) === scenario);
    expect(q, scenario).toBeTruthy();
    return q;
  }

  /** Ticks the right options of the question on screen (`right`), or one wrong one;
   *  returns the question and the options ticked. */
  async choose(right) {
    const q = await this.current();
    const chosen = q.options.filter((o) => Boolean(o.correct) === right).slice(0, right ? 4 : 1);
    for (const o of chosen) await this.page.getByLabel(o.text[this.lang] ?? o.text.sv, { exact: true }).check();
    return { q, chosen };
  }

  /** Chooses, answers, and waits for the feedback; returns what `choose` returns. */
  async answer(right) {
    const picked = await this.choose(right);
    await this.answerButton.click();
    await expect(this.feedback).toBeVisible();
    return picked;
  }

  /** The feedback's row for option `o` of the bank. */
  optionRow(o) {
    return this.options.filter({ hasText: o.text[this.lang] ?? o.text.sv });
  }

  /** Taps "Nästa fråga" / "Se resultatet". */
  async next() {
    await this.nextButton.click();
  }
}
