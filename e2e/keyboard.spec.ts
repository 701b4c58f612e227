import { expect, signIn, test } from "./fixtures";

// Keyboard users: the shared dialog keeps focus inside, closes on Escape and hands focus back to
// what opened it; the primary button's focus ring is visible from the first frame.

test.describe("keyboard", () => {
  /** Regression: Tab reached the page behind every dialog, and Cancel dropped focus to <body>. */
  test("a dialog keeps Tab inside, closes on Escape, and returns focus to its opener on Escape and on Cancel", async ({ page }) => {
    await signIn(page, "owner");
    await page.goto("/evaluations/gates");
    await page.getByLabel("Use case").selectOption({ label: "Support ticket triage" });
    const opener = page.getByRole("button", { name: /^Edit gate accuracy/ });
    const dialog = page.getByRole("dialog", { name: "Edit gate" });

    await opener.focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Metric")).toBeFocused();
    // Metric, comparison, threshold, Cancel, Save: forward past the last wraps to the first…
    const inside = () => dialog.evaluate((d) => d.contains(document.activeElement));
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press("Tab");
      expect(await inside(), `after Tab ${i + 1}`).toBe(true);
    }
    // …and backwards from the first goes to the last.
    await dialog.getByLabel("Metric").focus();
    await page.keyboard.press("Shift+Tab");
    await expect(dialog.getByRole("button", { name: "Save gate" })).toBeFocused();

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  /** Regression: the outline faded in from the button's white text, so the first frames showed no ring. */
  test("a primary button's focus ring contrasts with the page from the first frame", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/audit");
    const button = page.getByRole("button", { name: "Verify chain" });
    // Arrive by keyboard, as :focus-visible needs.
    await button.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(button).toBeFocused();
    // Read the ring as it is the moment focus lands (any transition rewound to its start),
    // converted to sRGB by the browser itself.
    const ratio = await button.evaluate((el) => {
      for (const animation of el.getAnimations()) {
        animation.pause();
        animation.currentTime = 0;
      }
      const rgb = (color: string) => {
        const ctx = Object.assign(document.createElement("canvas"), { width: 1, height: 1 }).getContext("2d")!;
        ctx.fillStyle = color;
        ctx.fillRect(0, 0, 1, 1);
        return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const luminance = (c: number[]) => c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const style = getComputedStyle(el);
      if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) return 0;
      const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(getComputedStyle(document.body).backgroundColor))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(3);
  });
});
