// Page object of the report flow ("Rapportera"), the saved page and "Mina rapporter" with a
// report's own page and "Lägg till information". It takes the `page` fixture (or any page
// on the app) and knows the screens' roles, labels and test ids in Swedish and English, so
// specs say what the employee does ("choose", "send", "tellMore"), never how many "Nästa".
import { expect } from "@playwright/test";

const either = (sv, en) => new RegExp(`^(${sv}|${en})$`);

export const LOST_PHONE = "Borttappad eller stulen telefon, surfplatta eller dator";

export class ReportFlow {
  /** @param {import("@playwright/test").Page} page
   *  @param {{ tap?: boolean }} options `tap: true` uses touch taps (a page with hasTouch). */
  constructor(page, { tap = false } = {}) {
    this.page = page;
    this.useTap = tap;
    this.heading = page.locator("main h1");
    this.reportLink = page.getByRole("link", { name: /^(Rapportera|Report)/ }).first();
    this.draftPrompt = page.getByTestId("draft-prompt");
    this.continueButton = page.getByRole("button", { name: either("Fortsätt", "Continue") });
    this.startOverButton = page.getByRole("button", { name: either("Börja om", "Start over") });
    this.cancelButton = page.getByRole("button", { name: either("Avbryt", "Cancel") });
    this.confirmCancelButton = page.getByRole("button", { name: either("Ja, ta bort rapporten", "Yes, delete the report") });
    this.sendButton = page.getByRole("button", { name: either("Skicka rapporten", "Send the report") });
    this.tellMoreButton = page.getByRole("button", { name: either("Berätta mer", "Tell us more") });
    this.chosenCategory = page.getByTestId("chosen-category");
    this.guidance = page.getByTestId("guidance");
    this.callButtons = page.getByTestId("call");
    this.tellManager = page.getByTestId("tell-manager");
    this.savedHeading = page.getByRole("heading", { name: /Rapporten är sparad|The report is saved/ });
    this.reportState = page.getByTestId("report-state");
    this.doneButton = page.getByRole("link", { name: either("Klar", "Done") });
    this.addInformationButton = page.getByRole("link", { name: either("Lägg till information", "Add information") });
    this.correcting = page.getByTestId("correcting");
  }

  async press(locator) {
    if (this.useTap) await locator.tap();
    else await locator.click();
  }

  /** Taps "Rapportera" on home (opening home first unless it is shown). */
  async open() {
    if (!(await this.reportLink.isVisible())) await this.page.goto("/");
    await this.press(this.reportLink);
    await expect(this.heading).toBeVisible();
  }

  /** Opens `/report` directly. */
  async openDirectly() {
    await this.page.goto("/report");
    await expect(this.heading).toBeVisible();
  }

  /** The row of a category on "Vad har hänt?". */
  category(label) {
    return this.page.getByRole("button", { name: label, exact: true });
  }

  /** Taps what happened; the flow moves on to "Gör så här nu" by itself. */
  async choose(label) {
    await this.press(this.category(label));
    await expect(this.sendButton).toBeVisible();
  }

  /** Taps "Skicka rapporten" and waits for "Tack! Rapporten är sparad". */
  async send() {
    await this.press(this.sendButton);
    await expect(this.savedHeading).toBeVisible();
  }

  /** Answers on "Berätta mer" (opened if needed). Every key optional:
   *  { occurredAt, discoveredAt, place, description, personalData: "Ja"|"Nej"|"Vet inte"
   *    (or English), kinds: [labels], people: label, sensitive, secrecy, harm, ongoing,
   *    actions }. */
  async tellMore(answers = {}) {
    if (await this.tellMoreButton.isVisible()) await this.press(this.tellMoreButton);
    await expect(this.heading).toHaveText(either("Berätta mer", "Tell us more"));
    const p = this.page;
    if (answers.occurredAt) await p.getByLabel(either("Det hände", "It happened")).fill(answers.occurredAt);
    if (answers.discoveredAt) await p.getByLabel(either("Jag upptäckte det", "I discovered it")).fill(answers.discoveredAt);
    if (answers.place !== undefined) await p.locator("#place").fill(answers.place);
    if (answers.description !== undefined) await p.locator("#description").fill(answers.description);
    if (answers.personalData) await this.answer("q-pd-involved", answers.personalData);
    for (const kind of answers.kinds ?? []) await p.getByRole("checkbox", { name: kind }).check();
    if (answers.people) await p.getByRole("radio", { name: answers.people }).check();
    if (answers.sensitive) await this.answer("q-pd-sensitive", answers.sensitive);
    if (answers.secrecy) await this.answer("q-pd-secrecy", answers.secrecy);
    if (answers.harm) await this.answer("q-harm", answers.harm);
    if (answers.ongoing) await this.answer("q-ongoing", answers.ongoing);
    if (answers.actions !== undefined) await p.locator("#actions_taken").fill(answers.actions);
  }

  /** The chosen answer of a yes / no / don't know question (its block id). */
  async answer(id, label) {
    await this.page.locator(`#${id}`).getByRole("radio", { name: label, exact: true }).check();
  }

  /** Reports `label` the quick way (Rapportera → what happened → Skicka), with `more`
   *  answers first when given; returns on the saved page. */
  async fileQuickly(label = LOST_PHONE, more = undefined) {
    await this.open();
    if (await this.draftPrompt.isVisible()) await this.press(this.startOverButton);
    await this.choose(label);
    if (more) await this.tellMore(more);
    await this.send();
  }

  /** "Avbryt", then confirms. */
  async cancel() {
    await this.press(this.cancelButton);
    await this.press(this.confirmCancelButton);
    // Home comes once the draft is deleted: a spec that went on at once (and reloaded the
    // page to open the report) could cut the deletion off and find the draft still there.
    await expect(this.reportLink).toBeVisible();
  }

  /** "Klar" on the saved page: home. */
  async done() {
    await this.press(this.doneButton);
    await expect(this.reportLink).toBeVisible();
  }
}

/** "Mina rapporter", a report's page and "Lägg till information". */
export class MyReports {
  constructor(page) {
    this.page = page;
    this.heading = page.locator("main h1");
    this.waiting = page.getByTestId("waiting-report");
    this.received = page.getByTestId("received-report");
    this.caseNumber = page.getByTestId("case-number");
    this.caseStatus = page.getByTestId("case-status");
    this.sent = page.getByTestId("sent");
    this.supplements = page.getByTestId("supplement");
    this.supplementSaved = page.getByTestId("supplement-saved");
    this.addInformationButton = page.getByRole("link", { name: either("Lägg till information", "Add information") });
    this.sendSupplementButton = page.getByRole("button", { name: either("Skicka", "Send") });
    this.tellManager = page.getByTestId("tell-manager");
    this.callButtons = page.getByTestId("call");
  }

  async open() {
    await this.page.goto("/reports");
    await expect(this.heading).toHaveText(/Mina rapporter|My reports/);
  }

  /** Opens the report whose row contains `text` (a category, place or first words). */
  async openReport(text) {
    await this.page.locator(".report-item a.report-link", { hasText: text }).first().click();
    await expect(this.heading).toBeVisible();
  }

  /** On a report's page: "Lägg till information", fills what is given
   *  ({ description, place, actions }) and sends the supplement. */
  async addInformation({ description, place, actions } = {}) {
    await this.addInformationButton.click();
    await expect(this.heading).toHaveText(either("Lägg till information", "Add information"));
    if (description !== undefined) await this.page.locator("#description").fill(description);
    if (place !== undefined) await this.page.locator("#place").fill(place);
    if (actions !== undefined) await this.page.locator("#actions_taken").fill(actions);
    await this.sendSupplementButton.click();
    await expect(this.supplementSaved).toBeVisible();
  }
}
