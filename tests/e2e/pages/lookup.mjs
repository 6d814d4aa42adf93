// Page object of "Var får jag spara?": the search, the answer card of a kind or a place,
// the sector asked inline, and the guided path. Words in Swedish or English.
import { expect } from "@playwright/test";

export class Lookup {
  /** @param {import("@playwright/test").Page} page */
  constructor(page) {
    this.page = page;
    this.heading = page.locator("main h1").first();
    this.box = page.getByRole("searchbox");
    this.count = page.getByTestId("hit-count");
    this.hits = page.getByTestId("hits").locator("li.hit");
    this.card = page.getByTestId("answer-card");
    // Every "yes", also those folded under "Mer som går bra här" on a place's card.
    this.yes = page.getByTestId("answer-card").locator("ul.card-yes li");
    this.no = page.getByTestId("answer-card").locator("li.no-row");
    this.onlyIf = page.getByTestId("card-only-if").locator("li");
    this.askSector = page.getByTestId("ask-sector");
    this.places = page.getByTestId("places").locator("li");
    this.why = page.getByTestId("why");
    this.sources = page.getByTestId("page-sources");
  }

  /** Opens the search (optionally with a query in the URL). */
  async open(query) {
    await this.page.goto(query ? `/lookup?q=${encodeURIComponent(query)}` : "/lookup");
    await expect(this.box).toBeVisible();
  }

  /** Types like a person, one key at a time; returns the hits' titles in order. */
  async search(text) {
    await this.box.fill("");
    await this.box.pressSequentially(text);
    await expect(this.count).not.toBeEmpty();
    return this.hits.locator(".hit-title").allInnerTexts();
  }

  /** The hit titled `title`. */
  hit(title) {
    return this.hits.filter({ has: this.page.locator(".hit-title", { hasText: title }) });
  }

  /** Answers "Var arbetar du?" inline ("Hemtjänst eller omsorg", "Skola", "Annat arbete"). */
  async chooseSector(label) {
    await this.askSector.getByRole("button", { name: label }).click();
    await expect(this.askSector).toBeHidden();
  }

  /** The "no" row of a place (or kind) named `name`. */
  noRow(name) {
    return this.no.filter({ has: this.page.locator("summary", { hasText: name }) });
  }

  /** The place names of the "no" rows, in order. */
  async noNames() {
    return this.no.locator("summary").allInnerTexts();
  }

  /** "Visa allt (…)" / "Show all (…)", or back. */
  showAll() {
    return this.page.getByRole("button", { name: /^(Visa allt|Show all)/ }).first();
  }

  /** Every visible text of the main area (for "no KLASSA codes" checks). */
  async text() {
    return this.page.locator("main").innerText();
  }
}
