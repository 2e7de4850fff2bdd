-- media.lua: reporting credited to the press in general or to a named kind
-- of outlet.  The attribution plugin recognises outlets by name.

rule {
  id = "media-reports", marker = "media",
  message = "Credited to press reports: name the outlet and say whether the report was confirmed",
  phrases = { "media reports", "press reports", "news reports", "according to media",
              "according to local media", "according to state media", "state media reported",
              "state media said", "state-run media", "state television", "state tv",
              "local media reported", "local media said", "local media", "state news agency",
              "news agency reported", "news agency said", "the newspaper reported",
              "the newspaper said", "the broadcaster reported", "the broadcaster said",
              "the outlet reported", "the agency reported", "first reported by",
              "was first reported", "as reported by", "reported by the" },
  unless = { "police reported", "reported by police" },
  examples = {
    hit = { "He rejected media reports that he was ill.",
            "State television showed the convoy leaving." },
    miss = { "The media centre opened on Monday." },
  },
}

-- The press as the subject of a reporting verb, whoever's press it is:
-- "state media ran the video", "local newspapers reported", "Karnian media
-- began questioning his health", "television showed the convoy".  Not
-- "social media" (social.lua) and not the press as a place ("media centre").
local press_nouns = { "media", "press", "newspapers", "tabloids", "broadcasters", "outlets",
                      "news agencies", "television", "tv", "state tv", "radio" }
local press_verbs = {
  "report", "reported", "reports", "reporting", "say", "said", "says", "quote", "quoted",
  "quotes", "quoting", "cite", "cited", "cites", "citing", "claim", "claimed", "claims",
  "speculate", "speculated", "speculating", "question", "questioned", "questioning",
  "publish", "published", "publishes", "run", "ran", "runs", "carry", "carried", "carries",
  "air", "aired", "airs", "broadcast", "broadcasts", "show", "showed", "shown", "shows",
  "describe", "described", "describes", "suggest", "suggested", "suggests", "reveal",
  "revealed", "reveals", "note", "noted", "notes", "write", "wrote", "writes", "dub", "dubbed",
  "call", "called", "label", "labelled", "labeled", "portray", "portrayed", "highlight",
  "highlighted", "identify", "identified", "name", "named", "allege", "alleged",
}
local function words_regex(list)
  local t = {}
  for i, w in ipairs(list) do t[i] = (w:gsub(" ", [[\s+]])) end
  table.sort(t, function(a, b) return #a > #b end)
  return "(?:" .. table.concat(t, "|") .. ")"
end

rule {
  id = "media-as-subject", marker = "media",
  message = "Credited to the press: name the outlet and say whether its report was confirmed",
  regex = [[\b]] .. words_regex(press_nouns) ..
          [[\s+(?:outlets\s+|reports\s+)?(?:(?:\w+ly|also|have|has|had|later|then|widely|first)\s+){0,2}]] ..
          [[(?:(?:began|begun|started|kept|continued)\s+)?]] .. words_regex(press_verbs) .. [[\b]],
  needs = press_nouns, starts_with_needs = true, -- (every branch begins with a press noun)
  unless = { "were told", "was told", "media centre", "media center", "press conference",
             "social media", "social-media" },
  examples = {
    hit = { "State media ran the video of the launch.",
            "Local newspapers reported that the mill had closed.",
            "Karnian media began questioning his health after the trip.",
            "Television showed the convoy leaving the port." },
    miss = { "Social media showed the blast.", "The media centre opened on Monday.",
             "The press was kept out of the hall." },
  },
}
