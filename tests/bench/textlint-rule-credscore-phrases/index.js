// textlint-rule-credscore-phrases: the textlint peer of `make bench`.
//
// Reports every hit of the phrase lists of credscore's rules of kind
// "phrases" (their `unless` and `needs` lists are ignored), read from the
// output of `credscore rules -f json` named by the `rules` option (or the
// CREDSCORE_RULES_JSON environment variable).  Matching follows credscore's
// matcher: case-insensitive; a phrase starting or ending with a word
// character (ASCII letter or digit, or any non-ASCII character) must not
// touch another word character there; a trailing "*" makes the phrase a
// word prefix; white space in a phrase matches any run of white space;
// straight quotes and hyphens also match their typographic forms.  Hits may
// overlap, as credscore's do.  One regular expression per rule, alternatives
// longest first.  No dependencies, CommonJS.
"use strict";

const fs = require("fs");

const WORD = "A-Za-z0-9\\u0080-\\uFFFF";

function isWord(ch) {
  return /[A-Za-z0-9]/.test(ch) || ch.charCodeAt(0) >= 0x80;
}

function phraseSource(phrase) {
  let p = phrase.trim();
  let prefix = false;
  if (p.endsWith("*")) {
    prefix = true;
    p = p.slice(0, -1).trimEnd();
  }
  let src = "";
  let space = false;
  for (const ch of p) {
    if (/\s/.test(ch)) {
      space = true;
      continue;
    }
    if (space) src += "\\s+";
    space = false;
    if (ch === "'" || ch === "\u2019" || ch === "\u2018") src += "['\\u2018\\u2019]";
    else if (ch === '"') src += '["\\u201c\\u201d]';
    else if (ch === "-") src += "[-\\u2013\\u2014]";
    else src += ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  }
  const chars = Array.from(p);
  const start = isWord(chars[0]) ? `(?<![${WORD}])` : "";
  const end = prefix ? `[${WORD}]*` : isWord(chars[chars.length - 1]) ? `(?![${WORD}])` : "";
  return { src: start + src + end, len: p.length };
}

let cache = null;

function loadRules(path) {
  if (cache && cache.path === path) return cache.rules;
  const doc = JSON.parse(fs.readFileSync(path, "utf8"));
  const rules = [];
  for (const r of doc.rules || []) {
    if (r.kind !== "phrases" || r.enabled === false || !Array.isArray(r.phrases)) continue;
    const parts = r.phrases.map(phraseSource).sort((a, b) => b.len - a.len);
    rules.push({
      id: r.id,
      marker: r.marker,
      re: new RegExp(parts.map((x) => `(?:${x.src})`).join("|"), "gi"),
    });
  }
  cache = { path, rules };
  return rules;
}

module.exports = function (context, options = {}) {
  const { Syntax, RuleError, report, getSource, locator } = context;
  const path = options.rules || process.env.CREDSCORE_RULES_JSON;
  if (!path) throw new Error("textlint-rule-credscore-phrases: set the `rules` option");
  const rules = loadRules(path);
  return {
    [Syntax.Str](node) {
      const text = getSource(node);
      for (const rule of rules) {
        rule.re.lastIndex = 0;
        let m;
        while ((m = rule.re.exec(text)) !== null) {
          const msg = `${rule.marker}: "${m[0]}" [${rule.id}]`;
          const at = locator
            ? { padding: locator.range([m.index, m.index + m[0].length]) }
            : { index: m.index };
          report(node, new RuleError(msg, at));
          rule.re.lastIndex = m.index + 1; // overlapping hits, as credscore reports them
        }
      }
    },
  };
};
