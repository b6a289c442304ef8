// Injected (inline) into a copy of an HTML preview by tests/test_html_browser.py. Once the
// fonts have loaded or failed, appends to the body a pre element (id « sonde ») with what the browser itself saw, as JSON:
// the @font-face faces and their status, the visible text, the generated content of visible
// elements, and each note call with where its link leads.
(async () => {
  await document.fonts.ready;
  const visible = (el) => {
    const style = getComputedStyle(el);
    return style.display !== "none" && style.visibility !== "hidden" && el.getClientRects().length > 0;
  };
  const faces = [...document.fonts].map((f) => ({ family: f.family, weight: f.weight, style: f.style, status: f.status }));
  const generated = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!visible(el)) continue;
    for (const pseudo of ["::before", "::after"]) {
      const content = getComputedStyle(el, pseudo).content;
      if (content && content !== "none" && content !== "normal") generated.push(content);
    }
  }
  const main = document.querySelector("main");
  const blocks = [...main.children];
  const calls = [...document.querySelectorAll("a.appel-note")].map((call) => {
    const target = document.getElementById(call.getAttribute("href").slice(1));
    const back = target && target.querySelector("a.retour-note");
    const section = target && target.closest("section.notes");
    return {
      id: call.id,
      text: call.innerText,
      sentence: call.closest("p, li, td, th, h1, h2, h3").innerText,
      target: target && target.id,
      target_visible: !!target && visible(target),
      target_text: target && target.innerText,
      in_notes_section: !!section,
      notes_section_last: !!section && blocks[blocks.length - 1] === section,
      after_the_call: !!target && !!(call.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING),
      back: back && back.getAttribute("href"),
    };
  });
  const out = document.createElement("pre");
  out.id = "sonde";
  out.textContent = JSON.stringify({ faces, text: document.body.innerText, generated, calls });
  document.body.append(out);
})();
