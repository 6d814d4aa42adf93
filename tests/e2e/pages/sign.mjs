// Page objects of the policy, the signing form and the signature receipt. They take the
// `page` fixture (the server is its baseURL) and know the screens' roles, labels and test
// ids in Swedish and English, so specs say what the employee does, not how to find it.
import { expect } from "@playwright/test";

/** "Policyn i korthet": sections that open, contacts with call buttons, the training. */
export class PolicyPage {
  constructor(page) {
    this.page = page;
    this.heading = page.locator("main h1");
    this.sections = page.locator(".policy-sections details");
    this.callButtons = page.getByTestId("call");
    this.trainingInterval = page.getByTestId("training-interval");
    this.about = page.getByTestId("policy-about");
    this.sources = page.getByTestId("page-sources");
  }

  async open() {
    await this.page.goto("/policy");
    await expect(this.heading).toBeVisible();
  }

  /** The section whose heading is `title`. */
  section(title) {
    return this.sections.filter({ has: this.page.locator("summary", { hasText: title }) });
  }

  /** The contact with the pack id `id`. */
  contact(id) {
    return this.page.getByTestId(`contact-${id}`);
  }
}

/** The signing form. */
export class SignPage {
  constructor(page) {
    this.page = page;
    this.heading = page.locator("main h1");
    this.errorSummary = page.getByTestId("error-summary");
    this.signButton = page.getByTestId("sign");
    this.statements = page.locator(".statements input[type=checkbox]");
    this.name = page.getByLabel(/^(Namn|Name)$/);
    this.employeeRef = page.getByLabel(/^(Anställningsnummer eller e-post|Employee number or e-mail)$/);
    this.workplace = page.getByLabel(/^(Arbetsplats|Workplace)$/);
    this.whatChanged = page.getByTestId("what-changed");
    this.policyLink = page.locator("main").getByRole("link").filter({ hasText: /policy/i }).first();
  }

  async open() {
    await this.page.goto("/sign");
    await expect(this.signButton).toBeVisible();
  }

  /** Ticks every statement. */
  async confirmAll() {
    for (const box of await this.statements.all()) await box.check();
  }

  /** Fills the details given (`name`, `employeeRef`, `workplace`). */
  async fill({ name, employeeRef, workplace } = {}) {
    if (name !== undefined) await this.name.fill(name);
    if (employeeRef !== undefined) await this.employeeRef.fill(employeeRef);
    if (workplace !== undefined) await this.workplace.fill(workplace);
  }

  /** Taps "Skriv under". */
  async sign() {
    await this.signButton.click();
  }

  /** The error summary's link that says `text`. */
  summaryLink(text) {
    return this.errorSummary.getByRole("link", { name: text });
  }
}

/** The receipt after signing ("/signed"). */
export class ReceiptPage {
  constructor(page) {
    this.page = page;
    this.heading = page.locator("main h1");
    this.waiting = page.getByTestId("signature-waiting");
    this.received = page.getByTestId("signature-received");
    this.logEntry = page.getByTestId("log-entry");
    this.what = page.getByTestId("signed-what");
    this.done = page.getByTestId("signed-done");
  }

  async open() {
    await this.page.goto("/signed");
    await expect(this.heading).toBeVisible();
  }
}

/** A date as the app writes it in words: "6 december 2026", "6 December 2026". */
export function dateInWords(date, lang = "sv") {
  return date.toLocaleDateString(lang === "sv" ? "sv-SE" : "en-GB", { day: "numeric", month: "long", year: "numeric" });
}
