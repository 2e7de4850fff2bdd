// 79-playground.js BASE_URL OUT_DIR - drive the playground of `credscore
// serve` in headless Chromium (puppeteer-core, Debian's /usr/bin/chromium)
// the way an editor would, and print what was seen as one JSON object for
// tests/cli/79-playground.t to check.  Screenshots and downloads go to
// OUT_DIR.  Every step waits for the page's own signal (the status line,
// the report's marks, the examples' tally) with a time limit; a step that
// times out is recorded as {"timeout": ...} instead of ending the run.
"use strict";
const path = require("path");
const fs = require("fs");
const puppeteer = require("puppeteer-core");

const [base, out] = process.argv.slice(2);
const seen = {requests: [], foreign: [], console: [], steps: {}};
const CHROME = process.env.CHROME || "/usr/bin/chromium";

// The marks of the report pane: each finding's words (with the continuation
// pieces of a crossing finding), rule and marker, as 85-html.t reads them.
function marks() {
  const view = document.getElementById("report-view");
  return Array.from(view.querySelectorAll("mark.f")).map((m) => {
    let text = m.textContent;
    view.querySelectorAll("mark.fx").forEach((p) => {
      if (p.dataset.of === m.id) text += p.textContent;
    });
    return {rule: m.dataset.rule, marker: m.dataset.marker, text: text,
            line: +m.dataset.line, col: +m.dataset.col};
  });
}

// The report shows the answer to the page's latest text and draft.
async function waitReport(page, ms = 15000) {
  await page.waitForFunction(() => !document.getElementById("report").hasAttribute("aria-busy"),
                             {timeout: ms});
}

// Type into a field with the keyboard (select all first: replace).
async function typeInto(page, sel, text) {
  await page.focus(sel);
  await page.keyboard.down("Control");
  await page.keyboard.press("a");
  await page.keyboard.up("Control");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text, {delay: 0});
}

async function step(name, fn) {
  try {
    seen.steps[name] = await fn();
  } catch (e) {
    seen.steps[name] = {timeout: String(e && e.message || e).split("\n")[0]};
  }
}

async function shot(page, name) {
  const file = path.join(out, name + ".png");
  await page.screenshot({path: file, fullPage: true});
  return file;
}

(async () => {
  fs.mkdirSync(out, {recursive: true});
  const browser = await puppeteer.launch({
    executablePath: CHROME, headless: true,
    userDataDir: path.join(out, ".profile"),
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
           "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-default-apps", "--disable-extensions"],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 1280, height: 900});
    page.on("request", (r) => {
      const u = r.url();
      seen.requests.push(r.method() + " " + u.replace(base, ""));
      if (!u.startsWith(base) && !u.startsWith("blob:" + base) && !u.startsWith("data:"))
        seen.foreign.push(u);
    });
    page.on("console", (m) => { if (m.type() === "error") seen.console.push(m.text()); });
    page.on("pageerror", (e) => seen.console.push("pageerror: " + e.message));
    const cdp = await page.createCDPSession();
    const downloads = path.join(out, "downloads");
    fs.mkdirSync(downloads, {recursive: true});
    await cdp.send("Browser.setDownloadBehavior", {behavior: "allow", downloadPath: downloads});

    // 1. the page loads and scores its sample article
    await step("load", async () => {
      await page.goto(base + "/", {waitUntil: "load"});
      await waitReport(page);
      await page.waitForFunction(() => document.querySelectorAll("#rule-pick option").length > 1,
                                 {timeout: 10000});
      return {title: await page.title(),
              options: await page.$$eval("#rule-pick option", (o) => o.map((x) => x.value)),
              groups: await page.$$eval("#rule-pick optgroup", (g) => g.map((x) => x.label))};
    });

    // 2. an article typed in: marks on the exact words
    await step("article", async () => {
      await typeInto(page, "#article", process.env.PG_ARTICLE);
      await waitReport(page);
      return {status: await page.$eval("#status", (s) => s.textContent.replace(/ \(\d+ ms\)$/, "")),
              marks: await page.evaluate(marks), shot: await shot(page, "1280-article")};
    });

    // 3. a bundled rule file loaded through the picker, then edited by typing
    //    a rule at its end: the new phrase is marked in the report
    await step("edit", async () => {
      await page.select("#rule-pick", "anonymous-officials");
      await page.click("#load-rule");
      await page.waitForFunction(() => document.getElementById("rule").value.includes("rule {") &&
                                 document.getElementById("rule-name").value === "anonymous",
                                 {timeout: 10000});
      const loaded = await page.$eval("#rule", (t) => ({start: t.selectionStart,
        line: t.value.slice(0, t.selectionStart).split("\n").length}));
      await page.focus("#rule");
      await page.keyboard.down("Control");
      await page.keyboard.press("End");
      await page.keyboard.up("Control");
      await page.keyboard.type(process.env.PG_RULE_ADD, {delay: 0});
      await waitReport(page);
      return {loaded_line: loaded.line,
              draft_file: await page.$eval("#draft-file", (c) => c.textContent),
              status: await page.$eval("#status", (s) => s.textContent.replace(/ \(\d+ ms\)$/, "")),
              marks: await page.evaluate(marks),
              sources: await page.$$eval("#report-view .notes .src", (s) => s.map((x) => x.textContent)),
              source: await page.$eval("#rule", (t) => t.value),
              shot: await shot(page, "1280-edited-rule")};
    });

    // 4. the rule broken: the error at its line, the report kept (stale)
    await step("broken", async () => {
      await page.focus("#rule");
      await page.keyboard.down("Control");
      await page.keyboard.press("End");
      await page.keyboard.up("Control");
      await page.keyboard.type(process.env.PG_RULE_BREAK, {delay: 0});
      await waitReport(page);
      const r = {error: await page.$eval("#rule-error-text", (e) => e.textContent),
                 gutter_err: await page.$$eval(".gutter span.pg-err-line", (s) => s.map((x) => x.textContent)),
                 invalid: await page.$eval("#rule", (t) => t.getAttribute("aria-invalid")),
                 stale: await page.$eval("#report", (r) => r.classList.contains("stale")),
                 status: await page.$eval("#status", (s) => s.textContent),
                 lines: await page.$eval("#rule", (t) => t.value.split("\n").length),
                 // the marked number beside the broken line: where that line is drawn
                 offset: await page.evaluate(() => {
                   const t = document.getElementById("rule");
                   const g = document.querySelector(".gutter span.pg-err-line");
                   const line = +g.textContent, cs = getComputedStyle(t);
                   const y = t.getBoundingClientRect().top + parseFloat(cs.paddingTop) +
                             (line - 1) * parseFloat(cs.lineHeight) - t.scrollTop;
                   return Math.round(g.getBoundingClientRect().top - y);
                 }),
                 shot: await shot(page, "1280-rule-error")};
      await page.focus("#goto-error");
      await page.keyboard.press("Enter");
      r.goto = await page.evaluate(() => {
        const t = document.getElementById("rule");
        return {focused: document.activeElement === t,
                line: t.value.slice(0, t.selectionStart).split("\n").length,
                selected: t.value.slice(t.selectionStart, t.selectionEnd)};
      });
      // undo the break: delete what was typed
      await page.focus("#rule");
      await page.keyboard.down("Control");
      await page.keyboard.press("End");
      await page.keyboard.up("Control");
      for (let i = 0; i < process.env.PG_RULE_BREAK.length; i++)
        await page.keyboard.press("Backspace");
      await waitReport(page);
      r.fixed = {invalid: await page.$eval("#rule", (t) => t.getAttribute("aria-invalid")),
                 stale: await page.$eval("#report", (x) => x.classList.contains("stale")),
                 gutter_err: await page.$$eval(".gutter span.pg-err-line", (s) => s.length)};
      return r;
    });

    // 5. the examples, one click (by keyboard)
    await step("examples", async () => {
      await page.focus("#run-examples");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#examples-tally", {timeout: 20000});
      return {tally: await page.$eval("#examples-tally", (t) => t.textContent),
              items: await page.$$eval("#examples li", (l) => l.map((x) => x.className + ": " +
                                                               x.textContent)),
              source: await page.$eval("#rule", (t) => t.value),
              shot: await shot(page, "1280-examples")};
    });

    // 6. downloads: the rule file and a config snippet
    await step("download", async () => {
      await page.click("#download-rule");
      await page.click("#download-config");
      const want = ["anonymous.lua", "credscore-snippet.yaml"];
      for (let i = 0; i < 100 && !want.every((f) => fs.existsSync(path.join(downloads, f))); i++)
        await new Promise((r) => setTimeout(r, 100));
      return {files: fs.readdirSync(downloads).sort(),
              snippet: await page.$eval("#snippet", (s) => s.textContent)};
    });

    // 7. 390 px wide: no horizontal overflow; 1280 screenshot of the whole
    await step("narrow", async () => {
      await page.setViewport({width: 390, height: 844});
      await new Promise((r) => setTimeout(r, 300));
      const r = await page.evaluate(() => {
        const clipped = (e) => { /* inside a box that scrolls or clips */
          for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
            if (getComputedStyle(p).overflowX !== "visible") return true;
          return false;
        };
        const wide = Array.from(document.querySelectorAll("body *")).filter((e) => {
          const b = e.getBoundingClientRect();
          return b.width > 0 && (b.right > window.innerWidth + 0.5 || b.left < -0.5) &&
                 !e.closest(".skip") && !clipped(e);
        }).map((e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
                      (e.className && typeof e.className === "string" ? "." + e.className : ""));
        return {inner: window.innerWidth, scroll: document.documentElement.scrollWidth,
                body: document.body.scrollWidth, wide: wide.slice(0, 10),
                columns: getComputedStyle(document.querySelector("main.pg")).gridTemplateColumns
                           .split(" ").length};
      });
      r.shot = await shot(page, "390-playground");
      await page.setViewport({width: 1280, height: 900});
      r.wide_columns = await page.evaluate(() => getComputedStyle(
        document.querySelector("main.pg")).gridTemplateColumns.split(" ").length);
      return r;
    });

    // 8. keyboard only, on a fresh page: the focus order, every control
    //    reached and named, a bundled rule loaded without the mouse
    await step("keyboard", async () => {
      await page.goto(base + "/", {waitUntil: "load"});
      await waitReport(page);
      await page.waitForFunction(() => document.querySelectorAll("#rule-pick option").length > 1,
                                 {timeout: 10000});
      const order = [];
      for (let i = 0; i < 14; i++) {
        await page.keyboard.press("Tab");
        order.push(await page.evaluate(() => {
          const a = document.activeElement;
          return a.id || (a.tagName.toLowerCase() + (a.dataset.rule ? "[" + a.dataset.rule + "]" :
                                                     a.className ? "." + a.className : ""));
        }));
      }
      // back to the picker (Shift+Tab) and load its first bundled rule
      let guard = 0;
      while (await page.evaluate(() => document.activeElement.id) !== "rule-pick" && guard++ < 20) {
        await page.keyboard.down("Shift");
        await page.keyboard.press("Tab");
        await page.keyboard.up("Shift");
      }
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Tab");
      const onLoad = await page.evaluate(() => document.activeElement.id);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => /^Loaded /.test(document.getElementById("status").textContent),
                                 {timeout: 10000});
      const ax = await page.accessibility.snapshot({interestingOnly: true});
      const unnamed = [], named = [];
      (function walk(n) {
        if (["button", "combobox", "textbox", "link", "checkbox"].includes(n.role)) {
          if (!n.name || !n.name.trim()) unnamed.push(n.role); else named.push(n.role + ": " + n.name);
        }
        (n.children || []).forEach(walk);
      })(ax);
      return {order, picker_value: await page.$eval("#rule-pick", (s) => s.value), on_load: onLoad,
              status: await page.$eval("#status", (s) => s.textContent),
              editor_filled: await page.$eval("#rule", (t) => t.value.length > 0),
              unnamed, named};
    });

    // 9. a server with --token-file: the page asks for the token, then works
    if (process.env.PG_TOKEN_URL)
      await step("token", async () => {
        const tp = await browser.newPage();
        tp.on("console", (m) => { if (m.type() === "error") seen.console.push(m.text()); });
        await tp.goto(process.env.PG_TOKEN_URL + "/", {waitUntil: "load"});
        await tp.waitForSelector("#token-row:not([hidden])", {timeout: 15000});
        const r = {asked: await tp.$eval("#status", (x) => x.textContent),
                   focused: await tp.evaluate(() => document.activeElement.id)};
        await tp.keyboard.type(process.env.PG_TOKEN, {delay: 0});
        await tp.keyboard.press("Enter");
        await waitReport(tp);
        await tp.waitForFunction(() => document.querySelectorAll("#rule-pick option").length > 1,
                                 {timeout: 10000});
        r.status = await tp.$eval("#status", (x) => x.textContent.replace(/ \(\d+ ms\)$/, ""));
        r.hidden = await tp.$eval("#token-row", (x) => x.hidden);
        r.marks = (await tp.evaluate(marks)).length;
        await tp.close();
        return r;
      });
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(seen, null, 1) + "\n");
})().catch((e) => {
  process.stdout.write(JSON.stringify(Object.assign(seen, {fatal: String(e.stack || e)})) + "\n");
  process.exit(1);
});
