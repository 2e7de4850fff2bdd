-- anonymous.lua: words that mark an unnamed source whatever the sentence
-- looks like.  The attribution plugin finds the rest (who said what).

rule {
  id = "anonymous-condition", marker = "anonymous", weight = -4,
  message = "Anonymity acknowledged (good): keep the reason in the sentence, or add it, and say how the source knows",
  phrases = { "on condition of anonymity", "on the condition of anonymity",
              "on condition that they not be named", "on condition they not be named",
              "spoke anonymously", "speaking anonymously", "requested anonymity",
              "asked not to be named", "asked not to be identified", "declined to be named",
              "declined to be identified", "who did not want to be named",
              "not authorized to speak publicly", "not authorised to speak publicly",
              "not authorized to discuss", "not authorised to discuss" },
  examples = {
    hit = { "A customs officer, who asked not to be named, said the cargo was seized." },
    miss = { "The customs chief, Ana Ruiz, said the cargo was seized." },
  },
}

rule {
  id = "anonymous-sources", marker = "anonymous",
  message = "Unnamed sources: describe them as precisely as possible and say how they know",
  phrases = { "sources say", "sources said", "sources told", "a source said", "a source told",
              "according to sources", "according to a source", "according to people",
              "according to a person", "according to officials", "according to an official",
              "according to two officials", "according to three officials",
              "according to several officials", "a source familiar with",
              "sources familiar with", "people familiar with", "a person familiar with",
              "people briefed on", "a person briefed on", "people close to",
              "a person close to", "sources close to", "a source close to",
              "an unnamed official", "unnamed officials", "an unnamed source",
              "unnamed sources", "anonymous officials", "an anonymous official",
              "anonymous sources", "an anonymous source", "intelligence sources",
              "security sources", "diplomatic sources", "military sources",
              "government sources", "senior sources", "insiders say", "insiders said" },
  unless = { "sources of funding", "sources of income", "sources of energy",
             "energy sources", "water sources", "sources of revenue" },
  examples = {
    hit = { "A source familiar with the talks said a deal was near.",
            "According to people briefed on the plan, the merger will be delayed." },
    miss = { "Sources of funding for the museum were listed in the report.",
             "The anonymous donor gave the school a library." },
  },
}

rule {
  id = "anonymous-officials", marker = "anonymous",
  message = "Unnamed officials: say why anonymity was granted and how they know",
  phrases = { "officials said", "officials say", "officials told", "officials have said",
              "an official said", "one official said", "a senior official said",
              "officials familiar with", "officials who spoke", "officials briefed on",
              "officials cited", "according to one of the officials",
              "according to the officials", "the officials say", "the officials said" },
  unless = { "declined to be named because", "spoke on condition of anonymity because",
             "not authorized to", "not authorised to" },
  examples = {
    hit = { "Officials said the strike killed 20 soldiers.",
            "Two officials familiar with the plan described it to reporters." },
    miss = { "Officials met on Tuesday.",
             "Officials, who spoke on condition of anonymity because they were not authorized to discuss the plan, said it was ready." },
  },
}
