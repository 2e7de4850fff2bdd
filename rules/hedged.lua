-- hedged.lua: distancing words attached to a claim.

rule {
  id = "hedged-adverbs", marker = "hedged", weight = -3,
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
  id = "hedged-said-to", marker = "hedged", weight = -3,
  message = "\"Is said to\": by whom? Name the source of the claim",
  phrases = { "is said to", "are said to", "was said to", "were said to", "is believed to have",
              "are believed to have", "is thought to have", "are thought to have",
              "is alleged to", "are alleged to", "was alleged to", "is reported to",
              "are reported to", "was reported to", "were reported to" },
  examples = {
    hit = { "The general is said to have resigned." },
    miss = { "The general said he would resign." },
  },
}

rule {
  id = "hedged-reported-event", marker = "hedged", weight = -2,
  message = "\"The reported ...\": say who reported it",
  regex = [[\bthe (?:reported|alleged|purported|rumou?red) (?:attack|strike|meeting|deal|talks|incident|explosion|blast|shooting|killing|deaths?|visit|plan|agreement|offer|leak|arrest|raid|drone|drones|downing)\b]],
  needs = { "the reported", "the alleged", "the purported", "the rumoured", "the rumored" },
  examples = {
    hit = { "The reported attack came two days before the vote." },
    miss = { "The attack was reported by the fire brigade." },
  },
}

rule {
  id = "hedged-appeared", marker = "hedged", weight = -2,
  message = "\"Appeared to\" about evidence: say who examined it and what it shows",
  regex = [[\b(?:appeared|appears|appear|seemed|seems) to (?:show|capture|confirm|depict|reveal|indicate|suggest|record|prove)\b]],
  needs = { "appeared to", "appears to", "appear to", "seemed to", "seems to" },
  examples = {
    hit = { "A video appeared to show smoke over the depot." },
    miss = { "She appeared to the crowd at noon." },
  },
}

-- "claimed" as an attribution verb distances the writer from the claim; the
-- noun ("the claims", "verify the claims") and winning ("claimed the title")
-- are not hedging.
local determiners = {
  ["the"]=true, ["these"]=true, ["those"]=true, ["this"]=true, ["that"]=true, ["his"]=true,
  ["her"]=true, ["their"]=true, ["its"]=true, ["our"]=true, ["such"]=true, ["a"]=true,
  ["an"]=true, ["any"]=true, ["of"]=true, ["no"]=true, ["verify"]=true, ["deny"]=true,
  ["denied"]=true, ["rejected"]=true, ["dismissed"]=true, ["investigate"]=true,
  ["insurance"]=true, ["territorial"]=true, ["land"]=true, ["compensation"]=true,
  ["false"]=true, ["similar"]=true, ["repeated"]=true, ["these"]=true, ["new"]=true,
}
local won = {
  ["trophy"]=true, ["title"]=true, ["prize"]=true, ["medal"]=true, ["crown"]=true,
  ["championship"]=true, ["seat"]=true, ["lives"]=true, ["life"]=true, ["gold"]=true,
  ["silver"]=true, ["bronze"]=true, ["record"]=true, ["throne"]=true, ["cup"]=true,
  ["pole"]=true, ["win"]=true, ["victory"]=false, ["refund"]=true, ["asylum"]=true,
  ["benefits"]=true, ["compensation"]=true, ["damages"]=true, ["expenses"]=true,
}

rule {
  id = "hedged-claimed", marker = "hedged", weight = -3,
  message = "\"Claimed\" signals doubt: attribute plainly (\"said\") or say why the claim is disputed",
  needs = { "claimed", "claims", "claiming" },
  check = function(p)
    local found = {}
    for _, h in ipairs(p.hits) do
      local before = p.text:sub(1, h.from - 1):match("([%a']+)%W*$")
      local after = p.text:sub(h.to + 1):match("^%W*the%s+([%a]+)") or
                    p.text:sub(h.to + 1):match("^%s+([%a]+)")
      local b = before and before:lower() or ""
      local a = after and after:lower() or ""
      local noun_use = determiners[b] or b == "" and h.text:lower() == "claims"
      if not noun_use and not won[a] then
        found[#found + 1] = { from = h.from, to = h.to }
      end
    end
    return found
  end,
  examples = {
    hit = { "The ministry claimed the downing of four drones.",
            "The governor has repeatedly claimed that the figures were inflated." },
    miss = { "She claimed the trophy on Sunday.", "Reporters could not verify the claims.",
             "The insurance claims rose." },
  },
}
