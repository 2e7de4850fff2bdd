-- social.lua: a social-media post is the source or the evidence.
--
-- A platform named in a sentence is only a channel when something is said,
-- posted or shown through it: a reporting verb next to it ("wrote on X",
-- "on Telegram, the governor said"), a post noun ("in a Facebook post"), or
-- a person's own account ("on his Telegram channel").  A platform as a
-- company ("the social media company's shares") or a place where things
-- happen ("looking for jobs on Telegram") is not a source.

-- Services where people publish posts, and the generic names of such places.
local platforms = {
  "social media", "social network", "social networks", "telegram", "facebook", "twitter",
  "instagram", "tiktok", "youtube", "vkontakte", "vk", "weibo", "wechat", "truth social",
  "threads", "bluesky", "linkedin", "reddit", "snapchat", "whatsapp", "mastodon", "x",
  "blog", "vlog", "message board", "messageboard", "newsgroup", "online forum",
  "internet forum", "livestream", "channel",
}

-- Reporting verbs (communication senses) and verbs of showing, base forms.
local cue_verbs = {
  "say", "write", "post", "share", "announce", "state", "publish", "claim", "comment",
  "upload", "report", "respond", "reply", "declare", "warn", "threaten", "boast", "complain",
  "accuse", "insist", "confirm", "deny", "add", "note", "argue", "urge", "call", "show",
  "appear", "circulate", "emerge", "spread", "pledge", "vow", "praise", "criticize",
  "criticise", "mock", "thank", "apologize", "apologise", "reveal", "explain", "ask",
  "describe", "allege", "suggest", "broadcast", "stream", "read", "joke", "admit", "promise",
  "remark", "tell", "speak", "message", "tweet", "retweet", "livestream", "wish", "condemn",
  "lambast", "denounce", "congratulate",
}
-- Verbs whose base form is also a noun ("a comment", "the post"): only their
-- inflected forms are cues.
local noun_too = { ["post"]=true, ["comment"]=true, ["message"]=true, ["report"]=true,
                   ["call"]=true, ["share"]=true, ["claim"]=true, ["broadcast"]=true,
                   ["stream"]=true, ["note"]=true, ["promise"]=true, ["vow"]=true,
                   ["joke"]=true, ["reply"]=true, ["remark"]=true, ["spread"]=true,
                   ["show"]=true, ["read"]=true, ["livestream"]=true, ["upload"]=true,
                   ["wish"]=true, ["pledge"]=true, ["tweet"]=true, ["retweet"]=true }
local irregular = {
  say = { "says", "said", "saying" }, write = { "writes", "wrote", "written", "writing" },
  show = { "shows", "showed", "shown", "showing" }, spread = { "spreads", "spreading" },
  broadcast = { "broadcasts", "broadcasting" }, read = { "reads", "reading" },
  tell = { "tells", "told", "telling" }, speak = { "speaks", "spoke", "spoken", "speaking" },
  ["share"] = { "shares", "shared", "sharing" },
}

-- Base, third person, past and -ing forms of a verb (regular spelling).
local function inflect(v)
  if irregular[v] then
    local t = { v }
    for _, f in ipairs(irregular[v]) do t[#t + 1] = f end
    return t
  end
  if v:match("e$") then
    return { v, v .. "s", v .. "d", v:sub(1, -2) .. "ing" }
  end
  if v:match("[^aeiou]y$") then
    local stem = v:sub(1, -2)
    return { v, stem .. "ies", stem .. "ied", v .. "ing" }
  end
  if v:match("[sxz]$") or v:match("[cs]h$") then
    return { v, v .. "es", v .. "ed", v .. "ing" }
  end
  return { v, v .. "s", v .. "ed", v .. "ing" }
end

local cue = {}
for _, v in ipairs(cue_verbs) do
  for k, f in ipairs(inflect(v)) do
    if k > 1 or not noun_too[v] then cue[f] = true end
  end
end
-- "the post read": read is a cue after a post noun whatever its form
local read_forms = { ["read"]=true, ["reads"]=true }
cue["according"] = true

local prepositions = { ["on"]=true, ["via"]=true, ["in"]=true, ["to"]=true, ["through"]=true,
                       ["onto"]=true, ["across"]=true, ["from"]=true }
local possessives = { ["his"]=true, ["her"]=true, ["their"]=true, ["its"]=true, ["my"]=true,
                      ["our"]=true }
-- words that may stand between a preposition and the platform
local fillers = { ["the"]=true, ["a"]=true, ["an"]=true, ["his"]=true, ["her"]=true,
                  ["their"]=true, ["its"]=true, ["official"]=true, ["personal"]=true,
                  ["own"]=true, ["verified"]=true, ["public"]=true, ["private"]=true,
                  ["popular"]=true, ["chinese"]=true, ["russian"]=true, ["local"]=true,
                  ["state"]=true, ["several"]=true, ["various"]=true, ["one"]=true }
-- what a post is called once the platform is named
local post_nouns = { ["post"]=true, ["posts"]=true, ["posting"]=true, ["postings"]=true,
                     ["tweet"]=true, ["tweets"]=true, ["video"]=true, ["videos"]=true,
                     ["message"]=true, ["messages"]=true, ["update"]=true, ["entry"]=true,
                     ["thread"]=true, ["statement"]=true, ["live"]=true, ["story"]=true,
                     ["stories"]=true, ["comment"]=true, ["comments"]=true, ["clip"]=true,
                     ["clips"]=true, ["broadcast"]=true }
-- a person's place on a platform
local account_nouns = { ["channel"]=true, ["account"]=true, ["page"]=true, ["feed"]=true,
                        ["profile"]=true, ["handle"]=true, ["blog"]=true, ["vlog"]=true }
-- the platform as a business, not a channel
local business = { ["company"]=true, ["companies"]=true, ["firm"]=true, ["giant"]=true,
                   ["giants"]=true, ["shares"]=true, ["stock"]=true, ["founder"]=true,
                   ["creator"]=true, ["owner"]=true, ["executive"]=true, ["executives"]=true,
                   ["ceo"]=true, ["boss"]=true, ["platforms"]=true, ["ban"]=true,
                   ["banned"]=true, ["regulation"]=true, ["rival"]=true, ["users"]=true,
                   ["headquarters"]=true, ["addiction"]=true, ["app"]=true }

-- Lower-case words of s, at most n, read forwards.
local function words_after(s, n)
  local t = {}
  for w in s:gmatch("[%w'@#]+") do
    t[#t + 1] = w:lower()
    if #t >= n then break end
  end
  return t
end

-- Lower-case words of s, at most n, last word first.
local function words_before(s, n)
  local all = {}
  for w in s:gmatch("[%w'@#]+") do all[#all + 1] = w:lower() end
  local t = {}
  for i = #all, math.max(1, #all - n + 1), -1 do t[#t + 1] = all[i] end
  return t
end

local function any_cue(list, from, to)
  for i = from, math.min(to, #list) do
    if cue[list[i]] then return true end
  end
  return false
end

-- Is the platform hit h of passage text a channel something came through?
local function is_channel(text, h)
  local word = h.text:lower()
  if word == "channel" then
    -- a person's own channel: "threatened on his channel"
    local b = words_before(text:sub(math.max(1, h.from - 30), h.from - 1), 2)
    return b[2] == "on" and (b[1] == "his" or b[1] == "her" or b[1] == "their")
  end
  if word == "x" then
    -- "X" the platform is written as a capital letter, not "x-ray" or "x2"
    if h.text ~= "X" or text:sub(h.to + 1, h.to + 1):match("[%-%w]") then return false end
  end
  local before = words_before(text:sub(math.max(1, h.from - 80), h.from - 1), 8)
  local after = words_after(text:sub(h.to + 1, h.to + 80), 7)
  local nxt = after[1] or ""
  if business[nxt] then return false end
  -- skip the modifiers between the platform and its preposition
  local i = 1
  while before[i] and fillers[before[i]] do i = i + 1 end
  local prep = before[i] and prepositions[before[i]]
  local owner = i > 1 and possessives[before[i - 1]] or false
  local noun_after = post_nouns[nxt] and 2 or (account_nouns[nxt] and 2 or 1)
  if prep then
    -- "on his Telegram channel", "on her blog"
    if owner and before[i] == "on" and (account_nouns[nxt] or account_nouns[word]) then
      return true
    end
    -- "in a Facebook post", "in a YouTube video"
    if before[i] == "in" and post_nouns[nxt] then return true end
    -- "wrote on X", "posted a video on YouTube"
    if any_cue(before, i + 1, i + 5) then return true end
    -- "on Telegram, the governor said"
    if any_cue(after, noun_after, noun_after + 4) then return true end
    return false
  end
  -- "a Telegram post read", "Facebook posts", "social media posts": a post
  -- on a named platform is the evidence of whatever the sentence says of it
  if nxt == "post" or nxt == "posts" or nxt == "posting" or nxt == "postings"
     or nxt == "tweet" or nxt == "tweets" then
    return true
  end
  if post_nouns[nxt] and (any_cue(after, 2, 4) or read_forms[after[2] or ""]) then return true end
  -- "according to a Facebook post", "said in a Telegram message"
  if post_nouns[nxt] and before[i] == "to" and before[i + 1] == "according" then return true end
  return false
end

rule {
  id = "social-platform", marker = "social", weight = -2,
  message = "Social media is a channel, not a source: name the account, say whether it was verified",
  needs = platforms,
  check = function(p)
    local found = {}
    for _, h in ipairs(p.hits) do
      if is_channel(p.text, h) then found[#found + 1] = { from = h.from, to = h.to } end
    end
    return found
  end,
  examples = {
    hit = { "The governor said on Telegram that two drones were downed.",
            "Videos shared on Russian social media showed the blast.",
            "She wrote on X that the talks had failed.",
            "On Instagram, the singer thanked her fans.",
            "The minister threatened on his Telegram channel to quit.",
            "The pastor described the raid on his blog.",
            "In a Facebook post, the club apologised.",
            "A TikTok video showing the flood was shared widely.",
            "The envoy wished him well on X.",
            "The general threatened on his channel to march on the city." },
    miss = { "The social media company's shares fell on Monday.",
             "He joined the board of a Telegram rival in 2020.",
             "Students looked for summer jobs on Telegram.",
             "The X-ray showed a fracture.",
             "He left a comment under a video on a Telegram channel.",
             "The anchor said on the channel that rain was due.",
             "The Facebook founder bought a ranch." },
  },
}

-- A post, its author or a tweet as the source, with no platform named:
-- "the post read", "said the post", "one poster wrote", "tweeted".
local post_words = { "post", "posts", "posting", "postings", "poster", "posters", "blogger",
                     "bloggers", "tweet", "tweets", "tweeted", "tweeting", "retweeted",
                     "retweets", "pic.twitter.com" }
local always = { ["tweet"]=true, ["tweets"]=true, ["tweeted"]=true, ["tweeting"]=true,
                 ["retweeted"]=true, ["retweets"]=true, ["pic.twitter.com"]=true }
local post_dets = { ["the"]=true, ["a"]=true, ["an"]=true, ["one"]=true, ["another"]=true,
                    ["his"]=true, ["her"]=true, ["their"]=true, ["its"]=true, ["this"]=true,
                    ["that"]=true, ["latest"]=true, ["recent"]=true, ["blog"]=true,
                    ["online"]=true, ["internet"]=true, ["forum"]=true, ["web"]=true,
                    ["anonymous"]=true, ["later"]=true, ["earlier"]=true, ["separate"]=true }
local online = { ["blog"]=true, ["online"]=true, ["internet"]=true, ["forum"]=true,
                 ["web"]=true }
local not_a_post = { ["office"]=true, ["offices"]=true, ["of"]=true, ["war"]=true,
                     ["box"]=true, ["code"]=true, ["mortem"]=true, ["as"]=true,
                     ["child"]=true, ["boy"]=true, ["girl"]=true, ["campaign"]=true }

local function is_post_source(text, h)
  local word = h.text:lower()
  if always[word] then return true end
  local before = words_before(text:sub(math.max(1, h.from - 60), h.from - 1), 4)
  local after = words_after(text:sub(h.to + 1, h.to + 60), 4)
  if not_a_post[after[1] or ""] or text:sub(h.to + 1, h.to + 1) == "-" then return false end
  local det = post_dets[before[1] or ""]
  if word == "poster" or word == "posters" or word == "blogger" or word == "bloggers" then
    -- "one poster wrote", "a blogger claimed"; a wall poster says nothing
    return any_cue(after, 1, 3)
  end
  -- "an Internet posting", "a blog post": the kind of post is named
  if online[before[1] or ""] then return true end
  -- "posts condemning the war": posts that say something
  if (word == "posts" or word == "post") and (after[1] or ""):match("ing$") and cue[after[1]] then
    return true
  end
  if not det then return false end
  -- "the post read", "one post said"; "said the post", "in a post"
  if cue[after[1] or ""] or read_forms[after[1] or ""] or after[1] == "by" then return true end
  if cue[before[2] or ""] or before[2] == "in" then return true end
  return false
end

rule {
  id = "social-post", marker = "social", weight = -2,
  message = "A post is the evidence here: link the account and say whether it was verified",
  needs = post_words,
  check = function(p)
    local found = {}
    for _, h in ipairs(p.hits) do
      if is_post_source(p.text, h) then found[#found + 1] = { from = h.from, to = h.to } end
    end
    return found
  end,
  examples = {
    hit = { "The mayor tweeted that the bridge was safe.", "Nobody knows, one post read.",
            "According to an online posting, the site was down.",
            "One poster wrote that the attack had started.",
            "\"We will not stop,\" said the post.",
            "She was jailed for posts condemning the war." },
    miss = { "The post office closed at noon.", "She held the post of treasurer.",
             "Posters for the fair were hung in the square." },
  },
}

rule {
  id = "social-embed", marker = "social", weight = -2,
  message = "An embedded post: say whether the account is verified and what it adds",
  -- the sign-off of an embedded post: "- Name (@handle) Month D, YYYY" (the
  -- blanks are often no-break spaces)
  regex = [[[\x{2014}\x{2013}-][\s\x{a0}]*[^()\n]{1,60}\(@\w{1,30}\)[\s\x{a0}]+\w+[\s\x{a0}]+\d{1,2},[\s\x{a0}]+\d{4}]],
  needs = { "(@" },
  examples = {
    hit = { "The bridge is closed.— Jane Roe (@janeroe) March 4, 2024",
            "The bridge is closed.— Jane Roe (@janeroe)\u{a0}March 4, 2024" },
    miss = { "Write to us (at the usual address) in May." },
  },
}
