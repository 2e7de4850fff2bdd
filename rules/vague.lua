-- vague.lua: weasel attribution to an unspecified crowd of opinion holders,
-- or to nobody at all ("it is believed", "reports say").
--
-- Every regex here is built from the word lists below, and each rule's
-- `needs` (the words the matcher looks for before the regex runs) is derived
-- from the same list, so the two cannot drift apart.

-- Nouns for people who hold or voice opinions as a class (not informed
-- sources: "officials", "sources" and "insiders" are anonymous, see
-- anonymous.lua and the attribution plugin).
local crowd_nouns = {
  "observers", "experts", "critics", "analysts", "commentators", "pundits", "scholars",
  "economists", "watchers", "skeptics", "sceptics", "supporters", "opponents",
  "historians", "strategists", "lawmakers", "onlookers", "academics", "campaigners", "activists", "environmentalists", "conservationists",
  "advocates", "detractors", "proponents", "experts'", "specialists", "forecasters",
  "demographers", "sociologists", "psychologists", "theorists", "ethicists", "legislators",
  "politicians", "lobbyists", "people", "others", "many", "some", "most",
}

-- Reporting (communication) and opinion (cognition) verbs a crowd is said
-- to use, in their base, third-person and past forms: reporting senses from
-- WordNet 3's verb.communication and verb.cognition files, with "fear" and
-- "worry" (verb.emotion).  Written out in full: the file runs at every
-- start, and building forms there costs.
local verb_forms = {
  "say", "says", "said", "argue", "argues", "argued", "believe", "believes", "believed",
  "think", "thinks", "thought", "fear", "fears", "feared", "warn", "warns", "warned",
  "suggest", "suggests", "suggested", "contend", "contends", "contended", "note", "notes",
  "noted", "claim", "claims", "claimed", "view", "views", "viewed", "worry", "worries",
  "worried", "speculate", "speculates", "speculated", "insist", "insists", "insisted", "agree",
  "agrees", "agreed", "predict", "predicts", "predicted", "expect", "expects", "expected",
  "doubt", "doubts", "doubted", "question", "questions", "questioned", "wonder", "wonders",
  "wondered", "see", "sees", "saw", "seen", "describe", "describes", "described", "consider",
  "considers", "considered", "regard", "regards", "regarded", "cite", "cites", "cited",
  "charge", "charges", "charged", "allege", "alleges", "alleged", "maintain", "maintains",
  "maintained", "complain", "complains", "complained", "criticize", "criticizes", "criticized",
  "criticise", "criticises", "criticised", "caution", "cautions", "cautioned", "estimate",
  "estimates", "estimated", "assert", "asserts", "asserted", "reckon", "reckons", "reckoned",
  "suspect", "suspects", "suspected", "point out", "points out", "pointed out", "call",
  "calls", "called", "dispute", "disputes", "disputed", "stress", "stresses", "stressed",
  "acknowledge", "acknowledges", "acknowledged", "observe", "observes", "observed", "urge",
  "urges", "urged", "praise", "praises", "praised", "condemn", "condemns", "condemned",
  "accuse", "accuses", "accused", "blame", "blames", "blamed", "hold", "holds", "held", "feel",
  "feels", "felt", "say so", "says so", "said so", "recommend", "recommends", "recommended",
  "deem", "deems", "deemed",
}

-- A regex alternation of literal words (letters, apostrophes, hyphens; a
-- space matches any run of blanks).  Every use is followed by \b or \s, so
-- the order of the words does not matter.  Few string calls: the rule file
-- runs at every start, and each call costs there.
local function alternation(words)
  local alt = "(?:" .. table.concat(words, "|"):gsub(" ", [[\s+]]) .. ")"
  return alt
end

-- The same, grouped by first letter ("s(?:ay|aid)", in order), for a long
-- list: the engine then tries one group per position, not every word.
local function grouped(words)
  local groups, letters = {}, {}
  for _, w in ipairs(words) do
    local first = w:sub(1, 1)
    if first ~= "" then
      if not groups[first] then
        groups[first] = {}
        letters[#letters + 1] = first
      end
      local g = groups[first]
      g[#g + 1] = w:sub(2)
    end
  end
  local parts = {}
  for i, c in ipairs(letters) do parts[i] = c .. "(?:" .. table.concat(groups[c], "|") .. ")" end
  return "(?:" .. table.concat(parts, "|"):gsub(" ", [[\s+]]) .. ")"
end

local VERB = grouped(verb_forms)
local CROWD = grouped(crowd_nouns)
-- "often", "now", "widely", "increasingly" ... between the crowd and its verb
local ADV = [[(?:(?:\w+ly|often|also|now|still|long|even|generally|already|mostly)\s+)?]]
-- perfect and emphatic auxiliaries only: "are/were + participle" is a passive
-- ("several plans were considered") and a modal is a guess, not a report
local AUX = [[(?:(?:have|had|do|did)\s+)?]]


-- A quantified group of any plural noun, or "some in the party", voicing an
-- opinion: "many voters believe", "some in the party have criticized".
-- Informed sources ("some officials said") are anonymous, not vague.
local informed = { "officials", "sources", "aides", "staffers", "insiders", "officers",
                   "witnesses", "investigators", "employees", "spokespeople", "spokesmen", "diplomats",
                   "authorities", "police" }
local quantifiers = { "some", "many", "most", "several", "numerous", "certain", "few" }
local NOT_INFORMED = [[(?!]] .. grouped(informed) .. [[\b)]]
-- a plural noun: "-s", or a compound of "people"/"folk" ("townspeople")
local PLURAL = [[[\w-]+(?:s|people|folk)]]
-- The words the regex needs: a crowd noun or a quantifier.
local crowd_needs = {}
for _, list in ipairs({ crowd_nouns, quantifiers }) do
  for _, w in ipairs(list) do crowd_needs[#crowd_needs + 1] = w end
end

rule {
  id = "vague-crowd", marker = "vague",
  message = "Who, exactly? Name the observers, experts or critics, or cut the claim",
  regex = [[\b(?:]] ..
          -- a quantified group: "some in the party", "many Federalists", "some
          -- local farmers", "many farmers in the valley"
          alternation(quantifiers) .. [[\s+(?:]] ..
            [[(?:in|within|among|inside|across)\s+(?:the\s+)?[\w-]+]] ..
            [[|(?:]] .. NOT_INFORMED .. PLURAL .. [[|(?:]] .. NOT_INFORMED .. [[(?-i:[a-z-]+)\s+){1,2}?]] ..
            NOT_INFORMED .. [[(?-i:[a-z-]+(?:s|people|folk)))]] ..
            [[(?:\s+(?:in|of|from|at|across|within|among|inside)\s+(?:[\w-]+\s+){0,3}?[\w-]+)?]] ..
          [[)]] ..
          -- a crowd noun: "critics of the plan in the capital say"
          [[|]] .. CROWD ..
          [[(?:\s+(?:of|in|at|from|among|within|across|on)\s+(?:[\w.-]+\s+){0,4}?[\w.-]+)?]] ..
          [[)\s+]] .. ADV .. AUX .. ADV ..
          [[(?:]] .. VERB .. [[|(?:are|were)\s+(?:increasingly\s+)?(?:uneasy|concerned|divided|sceptical|skeptical|critical|worried))\b]],
  needs = crowd_needs,
  starts_with_needs = true, -- both branches begin with a crowd noun or a quantifier
  unless = { "said in a statement" },
  examples = {
    hit = { "Some observers argue that the deal will collapse.",
            "Critics say the plan is rushed.",
            "Many believe the vote was rigged.",
            "Analysts are increasingly uneasy about the treaty.",
            "Diplomats and other watchers expect a reshuffle.",
            "Economists often cite the harbour as a model.",
            "Many outside observers had expected a draw.",
            "Critics of the plan in the capital say it is rushed.",
            "Many governments in the region view the pact as harmless.",
            "Some in the party have criticized the leader.",
            "Many farmers believe the river is polluted." },
    miss = { "The analysts at the central bank published their forecast.",
             "Some residents left the town.",
             "Economists met in the capital on Monday.",
             "Many governments signed the treaty in May.",
             "Some officials said the bridge was unsafe." },
  },
}
-- Impersonal attribution: a cognition or report verb in the passive with no
-- agent.  "It is believed that ...", "the charm is believed to bring luck",
-- "it has been suggested".  "Is said to" / "is reported to" distance the
-- writer and are hedged (hedged.lua); "is expected to" is a forecast.
local impersonal_verbs = { "believed", "thought", "feared", "understood", "rumoured", "rumored",
                           "assumed", "presumed", "suspected", "speculated", "suggested",
                           "claimed", "reckoned", "held", "accepted", "agreed", "argued",
                           "estimated", "considered", "regarded", "seen", "viewed" }
local IMPERSONAL = alternation(impersonal_verbs)
local BE = [[(?:is|are|was|were|has\s+been|have\s+been|had\s+been|is\s+being|are\s+being)]]
local WIDELY = [[(?:(?:widely|generally|commonly|popularly|often|long|increasingly|now|also|still|traditionally|privately|locally)\s+)?]]

rule {
  id = "vague-impersonal", marker = "vague", weight = -4,
  message = "Passive attribution hides the source: say who believes or says it",
  regex = [[\b(?:it\s+]] .. BE .. [[\s+]] .. WIDELY .. IMPERSONAL .. [[\b(?!\s+by\b)]] .. -- (one \b, not one per branch)
          [[|]] .. BE .. [[\s+(?:]] .. WIDELY .. [[(?:believed|thought|feared|understood|presumed|assumed|suspected|reckoned)\s+to\s+\w+]] ..
          [[|(?:widely|generally|commonly|popularly|often|increasingly)\s+(?:seen|viewed|regarded|considered)\s+as\b))]], -- (one BE for both)
  needs = impersonal_verbs, needs_within = 27, -- ("it have been traditionally")
  unless = { "by the" },
  examples = {
    hit = { "It is widely believed that the factory will close.",
            "The charm is believed to bring good luck.",
            "It has been suggested that the count was rigged.",
            "The archive is thought to hold the only copy." },
    miss = { "The inspector believed the witness.",
             "It was suggested by the chairman that the vote wait.",
             "The vote is expected to pass." },
  },
}

-- Unnamed reports, estimates and "media" as the source: "reports say",
-- "estimates suggest", "recent reports have revealed", "according to
-- reports", a headline "Reports: ...".  Reports with an owner ("police
-- reports", "the ministry's estimates") are not vague.
local report_nouns = { "reports", "estimates", "accounts", "rumours", "rumors", "media",
                       "speculation", "speculations", "suggestions", "claims", "research",
                       "studies" }
local report_quals = { "recent", "unconfirmed", "early", "earlier", "initial", "latest",
                       "conflicting", "several", "various", "some", "many", "other",
                       "numerous", "widespread", "unofficial", "rough", "local", "press",
                       "news", "media", "new" }
local report_verbs = {
  "say", "says", "said", "suggest", "suggests", "suggested", "indicate", "indicates",
  "indicated", "claim", "claims", "claimed", "reveal", "reveals", "revealed", "show", "shows",
  "showed", "state", "states", "stated", "put", "puts", "place", "places", "placed",
  "describe", "describes", "described", "allege", "alleges", "alleged", "report", "reports",
  "reported", "range", "ranges", "ranged", "vary", "varies", "varied", "estimate", "estimates",
  "estimated", "note", "notes", "noted",
}

-- Where a clause starts: the start or a punctuation mark, then at most one
-- of the qualifiers ("Recent reports"), or a conjunction; one fixed-length
-- look-behind branch each, tried only before a report noun.
local starts = { [[^]], [=[[.;:!?"\x{201C}]\s]=] }
for _, q in ipairs(report_quals) do -- "Recent reports", ". Unconfirmed reports"
  starts[#starts + 1] = [[^]] .. q .. [[\s]]
  starts[#starts + 1] = [=[[.;:!?"\x{201C}]\s]=] .. q .. [[\s]]
end
for _, c in ipairs({ "but", "and", "while", "yet", "as", "although", "though", "since",
                     "because", "which", "that" }) do
  starts[#starts + 1] = [[\b]] .. c .. [[\s]]
end
local CLAUSE_BEHIND = "(?<=" .. table.concat(starts, "|") .. ")"

local NOUNS, QUALS = grouped(report_nouns), alternation(report_quals)
-- beliefs held by nobody named
local belief_nouns = { "belief", "suspicion", "perception", "assumption", "notion" }
local belief_plurals = { "suspicions", "beliefs" }
local BELIEF, BELIEFS = alternation(belief_nouns), alternation(belief_plurals)

-- The words the regex below needs, from the same lists ("report": a headline
-- "Report: ...").
local report_needs = { "report" }
for _, list in ipairs({ report_nouns, belief_nouns, belief_plurals }) do
  for _, w in ipairs(list) do report_needs[#report_needs + 1] = w end
end

rule {
  id = "vague-reports", marker = "vague", weight = -4,
  message = "Which reports? Name the outlet, study or office behind the claim",
  -- The reports stand first in their clause (after the start, a punctuation
  -- mark or a conjunction), not after an owner as in "police reports say";
  -- the look-ahead lets the clause-start test run only before a report noun.
  regex = [[\b(?:(?=]] .. NOUNS .. [[\b)(?:^|]] .. CLAUSE_BEHIND .. [[)]] .. NOUNS ..
          -- "research in the archives shows"; "research by the institute" has an owner
          [[(?:\s+(?:in|on|into|of|from|across)\s+(?:[\w-]+\s+){0,5}?[\w-]+)?]] ..
          [[\s+]] .. ADV .. [[(?:have\s+|had\s+|also\s+)?]] .. ADV .. alternation(report_verbs) .. [[\b]] ..
          [[|according\s+to\s+(?:]] .. QUALS .. [[\s+)*(?:reports|estimates|accounts|rumou?rs)\b]] ..
          [[|^reports?\s*:]] .. -- (no \s* after ^: passages are trimmed; a blank is no start)
          -- a belief held by nobody named: "the belief that", "suspicions that"
          [[|(?:the|a)\s+(?:(?:widespread|growing|common|popular|general|prevailing|lingering)\s+)?]] ..
          BELIEF .. [[\s+that\b]] ..
          [[|(?=]] .. BELIEFS .. [[)(?<!his\s)(?<!her\s)(?<!its\s)(?<!their\s)(?<!our\s)(?<!['\x{2019}]s\s)]] ..
          BELIEFS .. [[\s+that\b]] ..
          [[|there\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+){0,2}?(?:speculations?|rumou?rs|suggestions|reports)\s+(?:that|of)\b)]],
  needs = report_needs, holds_needs = true, -- (every branch holds one of them)
  examples = {
    hit = { "Estimates suggest that four thousand people left.",
            "Recent reports have revealed that the mine flooded.",
            "According to various estimates, thousands left.",
            "Reports: the ferry service will end in May",
            "There have been speculations that he will resign.",
            "But media have said the plan is costly.",
            "Studies in three countries show the drug works.",
            "The move reinforces suspicions that the port will be sold." },
    miss = { "Police reports say the driver was sober.",
             "The ministry's estimates suggest a surplus.",
             "Research by the Tarnova institute shows the drug works.",
             "Her belief that the port will be sold is firm.",
             "She read the reports of the commission." },
  },
}

-- Fixed weasel phrases: a view held by nobody in particular.
rule {
  id = "vague-passive", marker = "vague", weight = -4,
  message = "Passive attribution hides the source: say who believes or says it",
  phrases = { "the consensus view", "the consensus is", "the conventional wisdom",
              "the prevailing view", "the received wisdom", "the common view",
              "one theory is", "some theorize", "some theorise", "people are saying",
              "many people believe", "some people say", "widely circulating",
              "is widely seen as", "are widely seen as", "is widely regarded as",
              "are widely regarded as", "is widely viewed as", "are widely viewed as",
              "has been widely reported", "it has been reported", "it was reported",
              "it is reported", "reports of", "some reports", "unconfirmed reports",
              "speculation", "speculations", "speculated",
              -- a view or worry held by an unnamed crowd: "the consensus in the
              -- capital is", "there is growing concern among ecologists"
              "the consensus in", "the consensus among", "concern among", "concerns among",
              "fears among", "unease among", "belief among" },
  unless = { "reports of the", "report of the commission", "speculation in shares",
             "speculation on the", "property speculation", "currency speculation",
             "was reported to police", "was reported to the police", "is reported to police",
             "is reported to the police", "was reported missing", "was reported stolen" },
  examples = {
    hit = { "The consensus view in the capital is that the truce holds.",
            "Reports of looting in the port are alarming.",
            "There is speculation that the ferry will be sold.",
            "It was reported last night that the strike would end.",
            "There is growing concern among farmers that the river will flood." },
    miss = { "She read the reports of the commission.",
             "Currency speculation drove the price down.",
             "It was reported to police on Monday by a neighbour." },
  },
}
