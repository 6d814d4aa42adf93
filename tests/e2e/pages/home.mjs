// Page object of the home screen and the top bar around every screen: the report button,
// the function rows, the to-do card, the sync status and its "Skicka nu", the install
// cards. Takes the same `page` as `App` (pages/app.mjs).
import { expect } from "@playwright/test";

export class Home {
  /** @param {import("@playwright/test").Page} page */
  constructor(page) {
    this.page = page;
    this.report = page.getByRole("link", { name: /^(Rapportera|Report)/ }).first();
    this.rows = page.locator("main ul.rows a");
    this.todo = page.getByTestId("todo");
    this.syncBox = page.locator(".sync-status");
    this.syncStatus = page.getByTestId("sync-status");
    this.sendNow = page.getByRole("button", { name: /^(Skicka nu|Send now)$/ });
    this.sendNowAnswer = page.getByTestId("send-now-answer");
    this.installCard = page.getByTestId("install-card");
    this.iosGuide = page.getByTestId("ios-install");
    this.banner = page.getByRole("banner");
    this.brand = this.banner.getByRole("link", { name: /^Vaksam/ });
    this.back = this.banner.getByRole("button", { name: /^(Tillbaka|Back)$/ });
    this.settings = this.banner.getByRole("link", { name: /^(Inställningar|Settings)$/ });
  }

  /** Opens home and waits for the report button. */
  async open() {
    await this.page.goto("/");
    await expect(this.report).toBeVisible();
  }
}

/** Every visible control on the screen smaller than `min`×`min` CSS px, described. A
 *  radio or checkbox inside a `<label>` counts as its label (the whole row is the target). */
export async function smallTapTargets(page, min = 44) {
  return page.evaluate((min) => {
    const seen = new Set();
    const out = [];
    for (const el of document.querySelectorAll("a[href], button, input, select, textarea, summary, label.choice")) {
      if (el.closest(".skip") || el.closest("details:not([open]) > :not(summary)")) continue;
      const target = el.matches("input[type=radio], input[type=checkbox]") && el.closest("label") ? el.closest("label") : el;
      if (seen.has(target)) continue;
      seen.add(target);
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (getComputedStyle(target).visibility === "hidden") continue;
      if (r.width < min - 0.5 || r.height < min - 0.5) {
        out.push(`${target.tagName.toLowerCase()} "${(target.textContent || target.getAttribute("aria-label") || "").trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  }, min);
}

/** The screen a top bar's "Tillbaka" leads to from each route, as the app derives it. */
export const PARENTS = [
  ["/report", "/"],
  ["/report/saved/00000000-0000-4000-8000-000000000000", "/"],
  ["/reports", "/"],
  ["/reports/00000000-0000-4000-8000-000000000000", "/reports"],
  ["/settings", "/"],
  ["/policy", "/"],
  ["/sign", "/"],
  ["/signed", "/"],
  ["/quiz", "/"],
  ["/lookup", "/"],
  ["/lookup/guide", "/lookup"],
  ["/lookup/kind/x", "/lookup"],
  ["/lookup/place/x", "/lookup"],
];
