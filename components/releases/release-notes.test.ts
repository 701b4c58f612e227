import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReleaseNotes } from "./release-notes";

const render = (text: string) => renderToStaticMarkup(createElement(ReleaseNotes, { text }));

describe("release notes", () => {
  it("render as Markdown: lists, inline code, emphasis, links", () => {
    const html = render("First release of Support ticket triage.\n\nWhat it pins:\n- Prompt role `triage`: ticket-classifier v2\n- **Model**: nova-lite\n\nSee [SUP-42](https://tickets.example.com/SUP-42).");
    expect(html).toContain("<li>Prompt role <code");
    expect(html).toContain(">triage</code>: ticket-classifier v2</li>");
    expect(html).toContain("<strong>Model</strong>");
    expect(html).toContain('href="https://tickets.example.com/SUP-42"');
  });

  it("never render the author's HTML as markup: a script or an onerror image shows as text", () => {
    const html = render('Fixes <script>alert("x")</script> and <img src=x onerror="alert(1)"> here.\n\n<div onclick="steal()">block</div>\n\n![pixel](https://tracker.example.com/p.png)\n\n[click](javascript:alert(1))');
    expect(html).not.toMatch(/<script|<img|<div onclick/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("javascript:");
  });
});
