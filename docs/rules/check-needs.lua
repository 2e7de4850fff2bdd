-- A check with `needs`, run once per sentence (scope = "sentence"): p.text
-- is then one sentence and p.hits lists where the needs phrases matched in
-- it, each { from =, to =, text =, before =, after = } (before and after:
-- the words right before and after the phrase, lower-cased, or "").  The
-- finding sets its own message and confidence.
rule {
  id = "doc-hedge-in-heading", marker = "hedged", scope = "sentence",
  select = { "heading" },              -- only headings (tested as "# ..." lines)
  needs = { "allegedly", "reportedly" },
  check = function(p)
    local h = p.hits[1]
    return {
      from = h.from, to = h.to,
      message = "A headline says \"" .. h.text .. " " .. h.after .. "\": say who reports it",
      confidence = 0.8,
    }
  end,
  examples = {
    hit = { "Minister allegedly lied about the ferry contract" },
    miss = { "Minister denies lying about the ferry contract" },
  },
}
