// The status the municipality gives a case reaches the employee's phone: "Mina rapporter"
// and the report's own page show it after the phone's next contact with the server, and
// a phone offline keeps showing the last status it heard, without an error.
import { test, expect } from "./fixtures.mjs";
import { ReportFlow, MyReports, LOST_PHONE } from "./pages/report.mjs";

test("a case's status set by the municipality shows on the phone, in Swedish and English", async ({ enrolled: page, server, phone }) => {
  const report = new ReportFlow(page);
  await report.open();
  await report.choose(LOST_PHONE);
  await report.send();

  const mine = new MyReports(page);
  await mine.open();
  await expect(mine.received).toHaveCount(1, { timeout: 15_000 });
  await expect(mine.caseStatus).toHaveText("Mottagen");
  const [row] = server.register();
  expect(row.case_number).toBe(`${new Date().getFullYear()}-0001`);

  // The municipality starts handling the case (the console will do this; today the CLI).
  server.cli("incidents", "status", "--kommunkod", "0428", row.case_number, "in_progress");
  await page.reload(); // a start flushes, and after a flush the phone asks for its reports' status
  await mine.open();
  await expect(mine.caseStatus).toHaveText("Under handläggning", { timeout: 15_000 });
  await mine.openReport("telefon");
  await expect(mine.caseStatus).toHaveText("Under handläggning");
  await expect(mine.caseNumber).toContainText(row.case_number);

  // Closed while the phone is offline: it keeps the last status it heard, calmly.
  await phone.setOffline(true);
  server.cli("incidents", "status", "--kommunkod", "0428", row.case_number, "closed");
  await page.reload();
  await expect(mine.caseStatus).toHaveText("Under handläggning");
  await expect(page.getByRole("alert")).toHaveCount(0);

  await phone.setOffline(false);
  await page.reload();
  await expect(mine.caseStatus).toHaveText("Avslutad", { timeout: 15_000 });
  await page.getByRole("link", { name: /Inställningar|Settings/ }).first().click();
  await page.getByText("English", { exact: true }).click();
  await page.goBack();
  await expect(mine.caseStatus).toHaveText("Closed");
});
