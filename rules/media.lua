-- media.lua: reporting credited to the press in general or to a named kind
-- of outlet.  The attribution plugin recognises outlets by name.

rule {
  id = "media-reports", marker = "media", weight = 1,
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
