-- hedged.lua: distancing words attached to a claim.

rule {
  id = "hedged-adverbs", marker = "hedged",
  message = "Distancing word: say who reports or alleges this, or verify it",
  phrases = { "reportedly", "allegedly", "purportedly", "supposedly", "ostensibly",
              "rumoured", "rumored", "rumours", "rumors" },
  examples = {
    hit = { "The convoy reportedly crossed the border at night.",
            "The official allegedly took bribes." },
    miss = { "The convoy crossed the border at night, the police said." },
  },
}

rule {
  id = "hedged-said-to", marker = "hedged",
  message = "\"Is said to\": by whom? Name the source of the claim",
  -- ("is believed to" / "is thought to" name no believer: vague.lua)
  phrases = { "is said to", "are said to", "was said to", "were said to", "is alleged to", "are alleged to", "was alleged to", "is reported to",
              "are reported to", "was reported to", "were reported to" },
  -- a crime reported to the police is a fact, not a distanced claim
  unless = { "reported to police", "reported to the police", "reported to authorities",
             "reported to the authorities" },
  examples = {
    hit = { "The general is said to have resigned.",
            "The ferry was reported to have sunk near the cape." },
    miss = { "The general said he would resign.",
             "The theft was reported to police on Monday." },
  },
}

rule {
  id = "hedged-reported-event", marker = "hedged", weight = -2,
  message = "\"The reported/alleged ...\": say who reported or alleges it",
  regex = [[\b(?:the|a|an|amid|after|following|over|despite|its|their|his|her|this|these|those|[\w-]+['\x{2019}]s)\s+(?:reported|alleged|purported|rumou?red|apparent|supposed)\s+(?!by\b|to\b|that\b|in\b|on\b|at\b|for\b|from\b|and\b|or\b)[\w-]+]],
  needs = { "reported", "alleged", "purported", "rumoured", "rumored", "apparent", "supposed" }, holds_needs = true,
  examples = {
    hit = { "The reported attack came two days before the vote.",
            "The talks were delayed amid reported health problems.",
            "Police foiled an apparent plot to bomb the depot.",
            "The ministry's alleged cover-up is under review." },
    miss = { "The attack was reported by the fire brigade.",
             "It was apparent to everyone that the vote was lost." },
  },
}

rule {
  id = "hedged-appeared", marker = "hedged", weight = -2,
  message = "\"Appeared to\" / \"seemed to\": say who examined the evidence and what it shows",
  -- "appeared to show"; a cause or an agent read from the evidence ("appears
  -- to be due to", "appeared to be the work of"); not "appeared to the crowd"
  -- nor a plain state ("seems to be fine", "appears to now be limited")
  regex = [[\b(?:appeared|appears|appear|seemed|seems|seem) to (?:(?:\w+ly|now|still|also|even)\s+)?+]] ..
          [[(?:be\s+(?:due\s+to|caused\s+by|linked\s+to|connected\s+to|related\s+to|the\s+(?:result|work|cause)\s+of|responsible\s+for)\b|]] ..
          [[(?!the\b|a\b|an\b|me\b|him\b|her\b|us\b|them\b|you\b|be\b|have been\b|his\b|their\b)\w+)]],
  needs = { "appeared to", "appears to", "appear to", "seemed to", "seems to", "seem to" }, starts_with_needs = true,
  examples = {
    hit = { "A video appeared to show smoke over the depot.",
            "The calls seemed to end the plan.",
            "The rise appears to be due to a faulty pump." },
    miss = { "She appeared to the crowd at noon.", "It seems to me a fair deal.",
             "The damage appears to now be limited to the roof." },
  },
}

-- "claimed" as an attribution verb distances the writer from the claim; the
-- noun ("the claims", "verify the claims") and winning ("claimed the title")
-- are not hedging.
local determiners = {
  ["the"]=true, ["these"]=true, ["those"]=true, ["this"]=true, ["his"]=true,
  ["her"]=true, ["their"]=true, ["its"]=true, ["our"]=true, ["such"]=true, ["a"]=true,
  ["an"]=true, ["any"]=true, ["of"]=true, ["no"]=true, ["verify"]=true, ["deny"]=true,
  ["denied"]=true, ["rejected"]=true, ["dismissed"]=true, ["investigate"]=true,
  ["insurance"]=true, ["territorial"]=true, ["land"]=true, ["compensation"]=true,
  ["false"]=true, ["similar"]=true, ["repeated"]=true, ["new"]=true, ["such"]=true,
  ["disputed"]=true, ["unfounded"]=true, ["baseless"]=true, ["wild"]=true, ["your"]=true,
  ["my"]=true, ["legal"]=true, ["to"]=true, ["rival"]=true, ["competing"]=true,
  ["conflicting"]=true, ["unverified"]=true, ["unsubstantiated"]=true,
}
local won = {
  ["trophy"]=true, ["title"]=true, ["prize"]=true, ["medal"]=true, ["crown"]=true,
  ["championship"]=true, ["seat"]=true, ["lives"]=true, ["life"]=true, ["gold"]=true,
  ["silver"]=true, ["bronze"]=true, ["record"]=true, ["throne"]=true, ["cup"]=true,
  ["pole"]=true, ["win"]=true, ["victory"]=false, ["refund"]=true, ["asylum"]=true,
  ["benefits"]=true, ["compensation"]=true, ["damages"]=true, ["expenses"]=true,
  ["homes"]=true, ["houses"]=true, ["victims"]=true, ["jobs"]=true,
}

-- Words after which "claim(s)" is a noun: "a claim that", "the claim was".
local function is_noun_use(before, word)
  if determiners[before] then return true end
  return before == "" and (word == "claims" or word == "claim")
end

-- A "win" within the next six words: "claimed the title", "claimed over
-- eight million lives" (the text lower-cased once: each string call costs).
local function claims_a_win(rest)
  local n = 0
  for w in rest:lower():gmatch("%a+") do
    if won[w] then return true end
    n = n + 1
    if n >= 6 then break end
  end
  return false
end

-- After "claims", these words show a noun: "claims can be returned", "claims
-- against the firm", "claims were paid".
local noun_next = {
  ["of"]=true, ["about"]=true, ["were"]=true, ["was"]=true, ["are"]=true, ["is"]=true,
  ["have"]=true, ["had"]=true, ["has"]=true, ["can"]=true, ["could"]=true, ["will"]=true,
  ["would"]=true, ["should"]=true, ["may"]=true, ["might"]=true, ["must"]=true,
  ["against"]=true, ["for"]=true, ["from"]=true, ["on"]=true, ["in"]=true, ["by"]=true,
  ["under"]=true, ["over"]=true, ["and"]=true, ["or"]=true, ["process"]=true,
  ["court"]=true, ["made"]=true, ["filed"]=true, ["rose"]=true, ["fell"]=true,
}
-- Negated, "claim" asserts nothing: "does not claim to belong".
local negators = { ["not"]=true, ["never"]=true, ["don't"]=true, ["doesn't"]=true,
                   ["didn't"]=true, ["cannot"]=true, ["can't"]=true, ["won't"]=true,
                   ["no"]=true }
local subject_pronouns = { ["they"]=true, ["we"]=true, ["i"]=true, ["you"]=true }

-- A plural subject right before a bare "claim": "the authorities claim".
local function plural_subject(before)
  if subject_pronouns[before] then return true end
  return #before > 3 and before:match("[^s']s$") ~= nil and not determiners[before]
end

rule {
  id = "hedged-claimed", marker = "hedged",
  message = "\"Claimed\" signals doubt: attribute plainly (\"said\") or say why the claim is disputed",
  needs = { "claimed", "claims", "claiming", "claim" },
  check = function(p)
    local found = {}
    for _, h in ipairs(p.hits) do
      local word = h.text:lower()
      -- the words right before and after the hit (h.before, h.after)
      local before, after = h.before, h.after
      -- the cheap verdicts first: "the claim", "does not claim"
      if not negators[before] and not is_noun_use(before, word) then
        local verb_after = after == "that" or after == "to" or after == "responsibility"
        -- the bare form "claim" is a verb only after a plural subject or "to"
        local bare_ok = word ~= "claim" or verb_after and not determiners[before]
                        or plural_subject(before) and after ~= "" and not noun_next[after]
        -- (the 60 bytes after the hit are cut out only when they decide)
        if bare_ok and not (word == "claims" and noun_next[after])
           and not claims_a_win(p.text:sub(h.to + 1, h.to + 60)) then
          found[#found + 1] = { from = h.from, to = h.to }
        end
      end
    end
    return found
  end,
  examples = {
    hit = { "The ministry claimed the downing of four drones.",
            "The governor has repeatedly claimed that the figures were inflated.",
            "It is a country that claims to be neutral.",
            "The authorities claim that the paper spreads lies.",
            "A local official claims the dam is safe.",
            "The authorities claim our reporting is biased." },
    miss = { "She claimed the trophy on Sunday.", "Reporters could not verify the claims.",
             "The insurance claims rose.", "The flood claimed over forty lives.",
             "He made a claim that could not be checked.", "Claims of fraud were dismissed.",
             "The storm claimed over eight hundred village homes.",
             "She does not claim to speak for the party.",
             "Unpaid claims can be sent back to the insurer.",
             "The farm claim was rejected.", "The CLUB CLAIMED THE TITLE." },
  },
}
