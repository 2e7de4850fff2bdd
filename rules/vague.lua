-- vague.lua: weasel attribution to an unspecified crowd of opinion holders.

local crowd = [[(?:observers|experts|critics|analysts|commentators|pundits|scholars|economists|diplomats? watchers|insiders|people|many|some|others|most|skeptics|sceptics|supporters|opponents|residents|voices|governments|commentary|onlookers|historians|strategists|lawmakers)]]

rule {
  id = "vague-crowd", marker = "vague", weight = -5,
  message = "Who, exactly? Name the observers, experts or critics, or cut the claim",
  regex = [[\b(?:some|many|most|several|other|few|numerous|certain|a number of|a growing number of|western|independent|military|political|chinese|russian|american|european|ukrainian|foreign|local|industry)?\s*]] .. crowd ..
          [[\s+(?:have\s+|had\s+|are\s+|were\s+)?(?:say|said|argue|argued|believe|believed|think|thought|fear|feared|warn|warned|suggest|suggested|contend|contended|note|noted|claim|claimed|view|viewed|worry|worried|speculate|speculated|point out|pointed out|insist|insisted|agree|agreed|predict|predicted|expect|expected|doubt|doubted|question|questioned|increasingly|uneasy|concerned|wonder|wondered|see|saw|describe|described|consider|considered)\b]],
  needs = { "observers", "experts", "critics", "analysts", "commentators", "pundits",
            "scholars", "economists", "watchers", "insiders", "many", "some", "others",
            "skeptics", "sceptics", "governments", "historians", "strategists", "most" },
  unless = { "said in a statement" },
  examples = {
    hit = { "Some observers argue that the deal will collapse.",
            "Critics say the plan is rushed.",
            "Many believe the vote was rigged.",
            "Analysts are increasingly uneasy about the treaty." },
    miss = { "The analysts at the central bank published their forecast.",
             "Some residents left the town." },
  },
}

rule {
  id = "vague-crowd-qualified", marker = "vague", weight = -5,
  message = "Who, exactly? A quantified crowd (\"many governments\") is not a source",
  regex = [[\b(?:some|many|most|several|numerous|certain)\s+]] .. crowd ..
          [[(?:\s+(?!say|said|argue|believe|think|view)[\w'\x{2019}-]+){1,5}?\s+(?:say|said|argue|argued|believe|believed|think|thought|fear|feared|warn|warned|suggest|suggested|contend|note|noted|view|viewed|see|saw|consider|considered|regard|regarded|insist|insisted)\b]],
  needs = { "some", "many", "most", "several", "numerous", "certain" },
  examples = {
    hit = { "Many governments in the region view the pact as harmless." },
    miss = { "Many governments signed the treaty in May." },
  },
}

rule {
  id = "vague-passive", marker = "vague", weight = -4,
  message = "Passive attribution hides the source: say who believes or says it",
  phrases = { "it is believed", "it is widely believed", "it was believed", "it is thought",
              "it is widely thought", "it is feared", "it is widely feared",
              "it is understood", "it is widely understood", "it is rumoured", "it is rumored",
              "it is widely assumed", "it is generally accepted", "it is widely accepted",
              "it is widely expected", "is widely seen as", "are widely seen as",
              "is widely regarded as", "are widely regarded as", "is widely viewed as",
              "speculation", "speculations", "speculated", "one theory is", "one theory",
              "some theorize", "some theorise",
              "the consensus view", "the conventional wisdom", "the prevailing view",
              "many people believe", "some people say", "people are saying",
              "the belief that", "suspicions that", "it has been suggested",
              "it has been claimed", "it has been reported", "has been widely reported",
              "widely circulating", "reports of", "according to reports",
              "according to various estimates", "according to some estimates",
              "according to estimates", "according to unconfirmed reports",
              "according to some accounts", "according to media reports",
              "according to local reports", "reports suggest",
              "reports say", "reports said", "some reports" },
  unless = { "reports of the", "reporters", "report of the commission" },
  examples = {
    hit = { "It is widely believed that the factory will close.",
            "According to various estimates, thousands left.",
            "Reports of looting in the port are alarming." },
    miss = { "The inspector believed the witness.", "She read the reports of the commission." },
  },
}
