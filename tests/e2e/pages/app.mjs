// Page object of the app shell: what every screen shares (top bar, sync status, the way
// back, language) and the checks every screen must pass (axe, no sideways scroll). Screens
// have their own page objects beside this file; they take the same `page`.
import { expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Screens reached by their address once the phone is enrolled and has its pack. */
export const ROUTES = [
  ["home", "/"],
  ["report: what happened", "/report"],
  ["my reports", "/reports"],
  ["settings", "/settings"],
  ["policy", "/policy"],
  ["sign", "/sign"],
  ["quiz: start", "/quiz"],
  ["lookup: search", "/lookup"],
  ["lookup: kind", "/lookup/kind/nyckelkod"],
  ["lookup: place", "/lookup/place/email_secure"],
  ["lookup: guide", "/lookup/guide"],
  ["not found", "/no-such-page"],
];

/** The shipped languages: own name → tag. */
export const LANGUAGES = { "Svenska": "sv", "Lättläst svenska": "sv-x-lattlast", "English": "en", "العربية": "ar" };

export class App {
  /** @param {import("@playwright/test").Page} page a page whose context has the server as
   *  its baseURL (the `page` fixture), so paths like "/reports" work. */
  constructor(page) {
    this.page = page;
    this.syncStatus = page.getByTestId("sync-status");
    this.settingsLink = page.getByRole("banner").getByRole("link", { name: /^(Inställningar|Settings)$/ });
    this.homeLink = page.getByRole("banner").getByRole("link").first();
    this.backButton = page.getByRole("banner").getByTestId("back");
    this.heading = page.locator("main h1");
    this.reportLink = page.getByRole("link", { name: /^(Rapportera|Report)/ }).first();
  }

  /** Opens `path` and waits until the screen has its heading. */
  async goto(path) {
    await this.page.goto(path);
    await expect(this.heading.first()).toBeVisible();
  }

  /** Opens home and waits for its report button. */
  async home() {
    await this.page.goto("/");
    await expect(this.reportLink).toBeVisible();
  }

  /** Taps the top bar's "Tillbaka" (installed apps have no browser back button). */
  async back() {
    await this.backButton.click();
  }

  /** Chooses the app's language in settings by its own name ("Svenska", "Lättläst svenska",
   *  "English", "العربية"); waits until the page has switched (its catalog loaded). */
  async setLanguage(name) {
    await this.goto("/settings");
    await this.page.getByRole("radio", { name: new RegExp(`^${name}`) }).check();
    await expect(this.page.locator("html")).toHaveAttribute("lang", LANGUAGES[name]);
  }

  /** Expects the sync status to say that `n` reports wait to be sent. */
  async expectWaiting(n) {
    await expect(this.syncStatus).toContainText(new RegExp(`${n} rapport(er)? väntar|${n} reports? (is |are )?waiting`));
  }

  /** Fails with every axe violation (WCAG 2.1 A and AA) on the screen, labelled `name`. */
  async scan(name) {
    const result = await new AxeBuilder({ page: this.page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const found = result.violations.map((v) =>
      `${name}: ${v.id} (${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join("; ")})`);
    expect(found, `axe on ${name}`).toEqual([]);
  }

  /** Fails if the screen is wider than the window (content would scroll sideways) or
   *  an element cuts its content off at the side (as a top bar that does not wrap
   *  would), naming the elements. */
  async expectNoSideScroll(name) {
    const out = await this.page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const label = (e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : ""}`;
      const shown = [...document.querySelectorAll("body *")].filter((e) => e.getClientRects().length > 0);
      const over = shown
        .filter((e) => e.getBoundingClientRect().right > width + 1)
        .slice(0, 5)
        .map((e) => `${label(e)} (to ${Math.round(e.getBoundingClientRect().right)} px)`);
      // Text fields scroll their own text by design; anything else that hides what it holds
      // at the side is cut off.
      const clipped = shown
        .filter((e) => !e.matches("input, textarea, select"))
        .filter((e) => {
          const s = getComputedStyle(e);
          return ["hidden", "clip"].includes(s.overflowX) && s.textOverflow !== "ellipsis"
            && e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1;
        })
        .map((e) => `${label(e)} (${e.scrollWidth} px in ${e.clientWidth} px)`);
      return { scroll: document.documentElement.scrollWidth, width, over, clipped };
    });
    expect(out.scroll, `${name} scrolls sideways at ${out.width} px: ${out.over.join(", ")}`).toBeLessThanOrEqual(out.width);
    expect(out.clipped, `${name} cuts content off at the side`).toEqual([]);
  }
}
