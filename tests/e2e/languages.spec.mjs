// Vaksam in every shipped language: the phone's language as the default, the first screen
// painted in it before the wasm, axe on every screen in lättläst svenska and in Arabic
// (right to left) and English, the report flow end to end in each, and a language switch that keeps
// what was typed. Swedish is scanned screen by screen, light and dark, in a11y.spec.mjs.
import { ROUTES } from "./pages/app.mjs";
import { test, expect, enroll, waitForPack } from "./fixtures.mjs";
import { LOST_PHONE } from "./pages/report.mjs";
import { exactly, texts } from "./pages/texts.mjs";

test.describe("the phone's language", () => {
  test.use({ locale: "ar-SE" });

  test.describe("before the wasm", () => {
    // The blocked wasm makes the loader fail: that error is the point here.
    test.use({ pageErrors: "allowed" });

    test("the first screen is painted in Arabic, right to left", async ({ page }) => {
      const ar = texts("ar");
      await page.route("**/*.wasm", (route) => route.abort());
      await page.goto("/", { waitUntil: "load" });
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.locator("html")).toHaveAttribute("lang", "ar");
      await expect(page.locator("#splash h1")).toHaveText(ar("enroll-title"));
      await expect(page.locator("#splash [role=status]")).toHaveText(ar("app-starting"));
    });
  });

  test("without its texts the crash screen still speaks Arabic, right to left", async ({ page }) => {
    const ar = texts("ar");
    await page.route("**/i18n/**", (route) => route.abort());
    await page.goto("/");
    const screen = page.locator("#vaksam-crash");
    await expect(screen).toBeVisible({ timeout: 20_000 });
    await expect(screen.locator("h1")).toHaveText(ar("crash-title"));
    await expect(screen.locator("p")).toHaveText(ar("crash-text"));
    await expect(screen.locator("button")).toHaveText(ar("reload"));
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  });

  test("is the default when Vaksam has it: Arabic, right to left", async ({ page }) => {
    const ar = texts("ar");
    await page.goto("/");
    await expect(page.getByLabel(ar("enroll-code-label"))).toBeVisible();
    await expect(page.locator("main h1")).toHaveText(ar("enroll-title"));
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // The picker names each language in its own name and marks the unreviewed ones.
    const picker = page.getByRole("group", { name: ar("language") });
    for (const name of ["Svenska", "Lättläst svenska", "English", "العربية"]) {
      await expect(picker.getByRole("radio", { name: new RegExp(`^${name}`) })).toHaveCount(1);
    }
    await expect(picker.getByTestId("not-reviewed")).toHaveCount(2);
    await expect(picker.locator("label", { hasText: "العربية" }).getByTestId("not-reviewed")).toHaveText(ar("language-not-reviewed"));
    await expect(picker.locator("label", { hasText: "English" }).getByTestId("not-reviewed")).toHaveCount(0);
  });

  test("a choice made in Vaksam wins over the phone's language", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("radio", { name: /^Svenska/ }).check();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await page.reload();
    await expect(page.getByLabel("Registreringskod")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  });
});

test.describe("a phone language Vaksam does not have", () => {
  test.use({ locale: "fi-FI" });

  test("falls back to Swedish", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByLabel("Registreringskod")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  });
});

test("a language whose texts cannot be had: the app stays in its language and says so", async ({ enrolled: page, app }) => {
  await app.goto("/settings");
  // As on a page older than the app's current version: its catalog's name is gone.
  await page.evaluate(() => { window.__vaksamI18n.files.en = "/i18n/en-0000000000000000.json"; });
  await page.getByRole("radio", { name: /^English/ }).check();
  await expect(page.getByTestId("language-failed")).toHaveText(texts("sv")("language-failed"));
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("radio", { name: /^Svenska/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /^English/ })).not.toBeChecked();
  // Another language still switches, and the note goes.
  await page.getByRole("radio", { name: /^Lättläst svenska/ }).check();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv-x-lattlast");
  await expect(page.getByTestId("language-failed")).toHaveCount(0);
});

test("without any texts the app shows its crash screen, not screens without words", async ({ page }) => {
  // A first visit (no service worker yet) where no catalog arrives.
  await page.route("**/i18n/**", (route) => route.abort());
  await page.goto("/");
  await expect(page.locator("#vaksam-crash")).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("#vaksam-crash h1")).toHaveText("Något gick fel i Vaksam");
  await expect(page.locator("#vaksam-crash button")).toHaveText("Ladda om");
  await expect(page.locator("main")).toHaveCount(0);
});

test("switching language keeps what was typed: the code on enrollment, a report's draft", async ({ page, server, app }) => {
  await page.goto("/");
  await page.getByLabel("Registreringskod").fill("7K2M-Q9XD");
  await page.getByRole("radio", { name: /^English/ }).check();
  await expect(page.getByLabel("Enrollment code")).toHaveValue("7K2M-Q9XD");
  await page.getByRole("radio", { name: /^العربية/ }).check();
  await expect(page.getByLabel(texts("ar")("enroll-code-label"))).toHaveValue("7K2M-Q9XD");
  await page.getByRole("radio", { name: /^Svenska/ }).check();

  await enroll(page, server);
  await page.goto("/report");
  await page.getByRole("button", { name: LOST_PHONE, exact: true }).click();
  await page.getByRole("button", { name: "Berätta mer" }).click();
  await page.locator("#description").fill("Telefonen låg kvar på bussen");
  await app.setLanguage("Lättläst svenska");
  await page.goto("/report");
  await page.getByRole("button", { name: texts("sv-x-lattlast")("draft-continue") }).click();
  await expect(page.locator("#description")).toHaveValue("Telefonen låg kvar på bussen");
});

for (const [name, tag] of [["Lättläst svenska", "sv-x-lattlast"], ["English", "en"], ["العربية", "ar"]]) {
  test.describe(name, () => {
    test(`every screen passes axe (${tag})`, async ({ enrolled: page, app }) => {
      const t = texts(tag);
      await waitForPack(page);
      await app.setLanguage(name);
      await expect(page.locator("html")).toHaveAttribute("dir", tag === "ar" ? "rtl" : "ltr");
      for (const [screen, path] of ROUTES) {
        await app.goto(path);
        await app.scan(`${screen} (${tag})`);
        await app.expectNoSideScroll(`${screen} (${tag})`);
      }
      // The policy is the municipality's text, in Swedish and English only: in another
      // language that is said once, quietly, in that language.
      await app.goto("/policy");
      if (tag === "en") await expect(page.getByTestId("in-swedish")).toHaveCount(0);
      else await expect(page.getByTestId("in-swedish").first()).toHaveText(t("in-swedish"));
      // The screens only taps reach: the quiz's question, signing with its errors.
      await app.goto("/quiz");
      const sector = page.getByRole("group", { name: t("sector-question") });
      if (await sector.isVisible()) await sector.getByRole("button", { name: t("sector-school") }).click();
      await page.getByRole("button", { name: new RegExp(`^(${t("quiz-start")}|${t("quiz-practice")})$`) }).click();
      await expect(page.locator("legend#question")).toBeVisible();
      await app.scan(`quiz: question (${tag})`);
      await app.goto("/sign");
      await page.getByRole("button", { name: exactly(t("sign-button")) }).click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
      await app.scan(`sign: with errors (${tag})`);
    });

    test(`the report flow works end to end (${tag})`, async ({ enrolled: page, app }) => {
      const t = texts(tag);
      await waitForPack(page);
      await app.setLanguage(name);
      await app.goto("/");
      await page.getByRole("link", { name: new RegExp(`^${t("fn-report")}`) }).click();
      await expect(page.locator("main h1")).toHaveText(t("q-category"));
      await app.scan(`report: what happened (${tag})`);
      await page.getByRole("button", { name: t("category-lost-device"), exact: true }).click();
      await expect(page.getByRole("button", { name: exactly(t("send-report")) })).toBeVisible();
      await app.scan(`report: what to do now (${tag})`);
      await page.getByRole("button", { name: exactly(t("tell-more")) }).click();
      await expect(page.locator("main h1")).toHaveText(t("tell-more-title"));
      await page.locator("#description").fill("Telefonen låg kvar på bussen");
      await app.scan(`report: tell more (${tag})`);
      await page.getByRole("button", { name: exactly(t("send-report")) }).click();
      await expect(page.getByRole("heading", { name: t("saved-title") })).toBeVisible();
      await app.scan(`saved (${tag})`);
      // Online: the municipality receives it; "Mina rapporter" says so with its case number.
      await app.goto("/reports");
      await expect(page.getByTestId("received-report")).toHaveCount(1, { timeout: 15_000 });
      await expect(page.getByTestId("received-report").getByTestId("case-status")).toHaveText(t("status-received"));
      await app.scan(`my reports, received (${tag})`);
      await page.locator(".report-item a.report-link").first().click();
      await expect(page.getByTestId("case-number")).toHaveText(`${new Date().getFullYear()}-0001`);
      await app.scan(`a report's page (${tag})`);
      await app.expectNoSideScroll(`a report's page (${tag})`);
    });
  });
}

test("right to left: the layout and what points the way turn with the direction", async ({ enrolled: page, app }) => {
  await app.setLanguage("العربية");
  await app.goto("/settings");
  // The way back sits at the start of the bar, which is on the right in Arabic.
  const back = await page.getByTestId("back").boundingBox();
  const viewport = page.viewportSize();
  expect(back.x + back.width / 2).toBeGreaterThan(viewport.width / 2);
  expect(await page.getByTestId("back").locator(".mirror").evaluate((el) => getComputedStyle(el).transform)).not.toBe("none");
  // A row that leads on points left.
  await app.goto("/");
  const chevron = page.locator("main .icon.mirror").first();
  await expect(chevron).toBeVisible();
  expect(await chevron.evaluate((el) => getComputedStyle(el).transform)).toBe("matrix(-1, 0, 0, 1, 0, 0)");
  // Back to Swedish: left to right again, nothing mirrored.
  await app.setLanguage("Svenska");
  await app.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  expect(await page.locator("main .icon.mirror").first().evaluate((el) => getComputedStyle(el).transform)).toBe("none");
});
