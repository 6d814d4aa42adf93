// Onboarding at municipal scale in Chromium against the real server: the coordinator
// imports the staff from CSV (preview, then import), prints enrollment letters, and a phone
// scans a letter's QR code (decoded from the printed SVG with jsQR) and is enrolled with
// the code filled in from the URL's fragment. Coverage is seen by the coordinator with
// names and by a manager with names for their own workplace only. Every page passes axe.
import { createRequire } from "node:module";
import { test, expect, scan } from "./fixtures.mjs";
import { consoleBrowser, invite, register } from "./pages/console.mjs";

const require = createRequire(import.meta.url);

const STAFF = [
  "Namn;E-post;Anställningsnummer;Enhet;Chef",
  "Anna Andersson;anna@vingaker.se;1001;Hemtjänst Norr;chef.norr@vingaker.se",
  "Björn Berg;bjorn@vingaker.se;1002;Hemtjänst Norr;",
  "Cecilia Ceder;cecilia@vingaker.se;1003;Skola Väst;rektor@vingaker.se",
].join("\n");

/** Reads the QR code of an SVG the way a phone's camera would: rendered to pixels, then
 *  decoded. A separate blank page (the console's CSP allows only its own scripts). */
async function scanQr(context, svg) {
  const scanner = await context.newPage();
  try {
    await scanner.setContent("<!doctype html><title>scanner</title>");
    await scanner.addScriptTag({ path: require.resolve("jsqr/dist/jsQR.js") });
    return await scanner.evaluate(async (markup) => {
      const img = new Image();
      img.src = "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(markup)));
      await img.decode();
      const size = 400;
      const canvas = document.createElement("canvas");
      canvas.width = size;
      canvas.height = size;
      const g = canvas.getContext("2d");
      g.fillStyle = "#fff";
      g.fillRect(0, 0, size, size);
      g.drawImage(img, 0, 0, size, size);
      const pixels = g.getImageData(0, 0, size, size);
      const found = window.jsQR(pixels.data, size, size);
      return found ? found.data : null;
    }, svg);
  } finally {
    await scanner.close();
  }
}

test("import, letters with a QR code that enrolls a phone, and coverage per role", async ({ server, page }) => {
  const c = await consoleBrowser(server);
  try {
    await register(c, invite(server));
    await c.page.getByRole("link", { name: "Personal" }).first().click();
    await expect(c.page.getByRole("heading", { level: 1 })).toHaveText("Personal");
    await scan(c.page, "people (empty)");

    // Import: a mistake first, shown at its line with the text kept.
    await c.page.getByRole("link", { name: "Importera från fil" }).click();
    await c.page.getByLabel("Filens innehåll (CSV)").fill(STAFF.replace("bjorn@vingaker.se", "bjorn-at-vingaker"));
    await c.page.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(c.page.getByRole("alert")).toContainText("Rad 3: E-post");
    await expect(c.page.getByLabel("Filens innehåll (CSV)")).toHaveValue(/bjorn-at-vingaker/);
    await scan(c.page, "import errors");
    await c.page.getByLabel("Filens innehåll (CSV)").fill(STAFF);
    await c.page.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(c.page.getByText("3 läggs till").first()).toBeVisible();
    await scan(c.page, "import preview");
    await c.page.getByRole("button", { name: "Importera", exact: true }).click();
    await expect(c.page.getByText("Importen är klar.")).toBeVisible();
    await c.page.getByRole("link", { name: "Till personalen" }).first().click();
    await expect(c.page.getByRole("link", { name: "Björn Berg" })).toBeVisible();
    await scan(c.page, "people");

    // Letters for Hemtjänst Norr.
    await c.page.getByRole("link", { name: "Brev med koder" }).click();
    await scan(c.page, "letters form");
    await c.page.getByLabel("Vilka ska få brev?").selectOption({ label: "Hemtjänst Norr" });
    await c.page.getByRole("button", { name: "Gör breven" }).click();
    await expect(c.page.getByText("2 brev är klara.")).toBeVisible();
    await expect(c.page.locator("article.letter")).toHaveCount(2);
    await scan(c.page, "letters");
    const letter = c.page.locator("article.letter").filter({ hasText: "Hej Anna Andersson!" });
    const svg = await letter.locator(".qr svg").evaluate((e) => e.outerHTML);
    const printed = await letter.locator(".code-big").innerText();
    const url = await scanQr(c.context, svg);
    expect(url).toBe(`${c.origin}/enroll#code=${printed}`);

    // The phone's camera opens the URL: the app fills in the code and enrolls.
    await page.goto(url);
    await expect(page.getByRole("link", { name: /^Rapportera/ }).first()).toBeVisible({ timeout: 15_000 });
    expect(page.url()).not.toContain("code=");
    await page.goto(`${c.origin}/settings`);
    await expect(page.getByText("Anna Andersson").first()).toBeVisible();

    // The coordinator sees Anna's phone, and coverage with names.
    await c.page.goto(`${c.origin}/admin/people?q=anna`);
    await expect(c.page.getByRole("row", { name: /Anna Andersson/ }).getByRole("cell").last()).toHaveText("1");
    await c.page.getByRole("link", { name: "Täckning" }).first().click();
    await expect(c.page.getByRole("heading", { level: 1 })).toHaveText("Täckning");
    await scan(c.page, "coverage");
    await c.page.getByLabel("Policyn").selectOption("never");
    await c.page.getByRole("button", { name: "Visa", exact: true }).click();
    await expect(c.page.getByRole("rowheader", { name: /Cecilia Ceder/ })).toBeVisible();
    await scan(c.page, "coverage drill-down");
    await c.page.getByRole("link", { name: "Årssammanställning" }).click();
    await expect(c.page.getByRole("heading", { level: 1 })).toHaveText(/^Sammanställning \d{4}$/);
    await scan(c.page, "coverage report");
    expect(c.errors).toEqual([]);
  } finally {
    await c.browser.close();
  }

  // The manager of Hemtjänst Norr sees their own names and counts elsewhere.
  const m = await consoleBrowser(server);
  try {
    await register(m, invite(server, { email: "chef.norr@vingaker.se", role: "manager", name: "Chef Norr" }));
    await expect(m.page.getByRole("link", { name: "Personal" })).toHaveCount(0);
    await m.page.getByRole("link", { name: "Täckning" }).first().click();
    await m.page.getByLabel("Policyn").selectOption("never");
    await m.page.getByRole("button", { name: "Visa", exact: true }).click();
    await expect(m.page.getByRole("rowheader", { name: /Björn Berg/ })).toBeVisible();
    await expect(m.page.getByText("Cecilia Ceder")).toHaveCount(0);
    await expect(m.page.getByText("Du ser namn bara för de arbetsplatser där du är chef.")).toBeVisible();
    await scan(m.page, "manager coverage");
    expect(m.errors).toEqual([]);
  } finally {
    await m.browser.close();
  }
});
