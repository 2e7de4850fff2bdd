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
  "internet forum", "livestream",
}

-- Reporting verbs (communication senses from WordNet 3's verb.communication,
-- with "upload", "tweet" and "retweet", newer than WordNet 3) and verbs of
-- showing ("show", "appear"), in their finite forms ("said on X", "posts on
-- X"), with "according" (to).  Written out in full: the file runs at every
-- start, and building forms there costs.
local finite_forms = {
  "says", "said", "writes", "wrote", "written", "posts", "posted", "shares", "shared",
  "announces", "announced", "states", "stated", "publishes", "published", "claims", "claimed",
  "comments", "commented", "uploads", "uploaded", "reports", "reported", "responds",
  "responded", "replies", "replied", "declares", "declared", "warns", "warned", "threatens",
  "threatened", "accuses", "accused", "insists", "insisted", "confirms", "confirmed", "denies",
  "denied", "adds", "added", "shows", "showed", "shown", "appears", "appeared", "circulates",
  "circulated", "praises", "praised", "criticizes", "criticized", "criticises", "criticised",
  "thanks", "thanked", "apologizes", "apologized", "apologises", "apologised", "reveals",
  "revealed", "explains", "explained", "asks", "asked", "describes", "described", "alleges",
  "alleged", "broadcasts", "reads", "admits", "admitted", "promises", "promised", "tells",
  "told", "tweets", "tweeted", "retweets", "retweeted", "wishes", "wished", "condemns",
  "condemned",
  "according",
}

-- A regex alternation of literal words (letters, apostrophes, hyphens; a
-- space matches any run of blanks), grouped by first letter ("s(?:ays|aid)"):
-- the engine tries one group per position, not every word.  Every use is
-- followed by \b or \s, so at most one word fits at a place and the grouping
-- cannot change what matches.  Few string calls: the rule file runs at every
-- start, and each call costs there.
local function grouped(words)
  local groups, letters, has_x = {}, {}, false
  for _, w in ipairs(words) do
    if w == "x" then
      w, has_x = "", true -- "x" (the platform) only as a capital letter standing alone, below
    end
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
  if has_x then parts[#parts + 1] = [[(?-i:X)(?![\w-])]] end
  return "(?:" .. table.concat(parts, "|"):gsub(" ", [[\s+]]) .. ")"
end

local CUE = grouped(finite_forms)
local PLATFORM = grouped(platforms)
local WORD = [[[\w'\x{2019}@#-]+]]
local PREP = [[(?:on|via|in|to|through|onto|across|from)]]
-- words that may stand between a preposition and the platform
local FILL = [[(?:]] .. grouped({ "the", "a", "an", "his", "her", "their", "its", "official",
                                   "personal", "own", "verified", "public", "private", "popular",
                                   "chinese", "russian", "local", "state", "several", "various",
                                   "one" }) .. [[\s+){0,3}]]
-- a person's place on a platform; what a post is called
local ACCOUNT = [[(?:channel|account|page|feed|profile|handle|blog|vlog)]]
local POST = [[(?:posts?|postings?|tweets?|videos?|messages?|update|entry|thread|statement|]] ..
             [[live|story|stories|comments?|clips?|broadcast)]]
-- the platform as a business, not a channel
local NOT_BUSINESS = [[(?!\s+(?:company|companies|firm|giants?|shares|stock|founder|creator|owner|]] ..
                     [[executives?|ceo|boss|platforms|ban|banned|regulation|rival|users|headquarters|]] ..
                     [[addiction|app)\b)]]
-- (every regex below tests \b once, before its branches: once per start, not per branch)
-- Each regex compiles the long word lists once, in a DEFINE group at its end
-- (at the start it would hide the regex's first letters from the engine),
-- and calls them where they do not start a branch: (?&cue), (?&plat).  A rule
-- file is compiled at every start, so its size is start-up time.
local DEFINE = "(?(DEFINE)(?<cue>" .. CUE .. ")(?<plat>" .. PLATFORM .. "))"
local PLAT = [[(?&plat)]]
local PLAT_HERE = [[\b]] .. PLAT .. [[\b]] .. NOT_BUSINESS
local CUE_CALL = [[(?&cue)]]

-- A cue form right before: "said on X", tried only where a platform phrase
-- follows (the look-ahead first).  A look-behind branch has a fixed length:
-- one branch per length of form, its forms grouped (one step back per length).
local by_length, lengths, behind = {}, {}, {}
for _, f in ipairs(finite_forms) do
  if not by_length[#f] then by_length[#f], lengths[#lengths + 1] = {}, #f end
  table.insert(by_length[#f], f)
end
for i, n in ipairs(lengths) do behind[i] = [[\b]] .. grouped(by_length[n]) .. [[\s]] end
local CUE_BEHIND = "(?<=" .. table.concat(behind, "|") .. ")"
local PREP_PLATFORM = PREP .. [[\s+]] .. FILL .. PLAT_HERE

rule {
  id = "social-platform", marker = "social",
  message = "Social media is a channel, not a source: name the account, say whether it was verified",
  regex =
    -- every branch but the last starts at the preposition; the look-ahead
    -- lets the engine give up at once where no platform follows
    [[\b(?:(?=]] .. PREP .. [[\s+]] .. FILL .. [[(?:]] .. PLAT .. [[|]] .. ACCOUNT .. [[)\b)(?:]] ..
      -- "wrote on X", "announced via Telegram"
      CUE_BEHIND .. PREP_PLATFORM ..
      -- "on Telegram, the governor said"
      [[|]] .. PREP_PLATFORM .. [[(?:\s+(?:]] .. POST .. [[|]] .. ACCOUNT ..
      [[)\b)?[,;:]?\s+(?:]] .. WORD .. [[\s+){0,3}?]] .. CUE_CALL .. [[\b]] ..
      -- a named platform's account: "on his Telegram channel", "on its X account"
      [[|on\s+(?:his|her|their|its)\s+(?:(?:own|official|personal)\s+)?]] .. PLAT ..
      [[\s+]] .. ACCOUNT .. [[\b]] ..
      -- "in a Facebook post", "in a YouTube video"
      [[|in\s+]] .. FILL .. PLAT .. [[\s+]] .. POST .. [[\b]] ..
    [[)]] ..
    -- "Facebook posts", "social media posts": the evidence of whatever is said
    -- of them; "a TikTok video showing", "a Telegram message read"
    [[|]] .. PLATFORM .. [[\b]] .. NOT_BUSINESS .. [[\s+(?:(?:posts?|postings?|tweets?)\b|]] .. POST ..
    [[(?:\s+]] .. WORD .. [[){0,2}?\s+(?:]] .. CUE_CALL .. [[|[a-z]+ing|read|reads)\b))]] .. DEFINE,
  needs = platforms, needs_within = 35, -- (through + 3 fill words of up to 8 letters)
  examples = {
    hit = { "The governor said on Telegram that two drones were downed.",
            "Videos shared on Russian social media showed the blast.",
            "She wrote on X that the talks had failed.",
            "On Instagram, the singer thanked her fans.",
            "The minister threatened on his Telegram channel to quit.",
            "In a Facebook post, the club apologised.",
            "A TikTok video showing the flood was shared widely." },
    miss = { "The social media company's shares fell on Monday.",
             "He joined the board of a Telegram rival in 2020.",
             "Students looked for summer jobs on Telegram.",
             "The X-ray showed a fracture.",
             "He left a comment under a video on a Telegram channel.",
             "The Facebook founder bought a ranch." },
  },
}

-- A person's own channel, blog or page, no platform named: "threatened on
-- his channel", "wrote on her blog" (a literal start: cheap to look for).
rule {
  id = "social-own-channel", marker = "social",
  message = "A personal channel is the source here: link it and say whether it was verified",
  -- ("on his account" and "on her page" say nothing of a platform)
  regex = [[\bon\s+(?:his|her|their)\s+(?:(?:own|official|personal)\s+)?(?:channel|blog|vlog)\b]],
  needs = { "channel", "blog", "vlog" },
  examples = {
    hit = { "The pastor described the raid on his blog.",
            "The general threatened on his channel to march on the city." },
    miss = { "The anchor said on the channel that rain was due.",
             "The gardener worked on her page layout for the fair.",
             "The fine was paid on his account." },
  },
}

-- A post, its author or a tweet as the source, with no platform named:
-- "the post read", "said the post", "one poster wrote", "tweeted".
local post_dets = { "the", "a", "an", "one", "another", "his", "her", "their", "its", "this",
                    "that", "latest", "recent", "anonymous", "later", "earlier", "separate" }
-- fixed-length look-behind branches: "the post", "in a post"
local det_branches, in_branches = {}, {}
for i, d in ipairs(post_dets) do
  det_branches[i] = [[\b]] .. d .. [[\s]]
  in_branches[i] = [[\bin\s]] .. d .. [[\s]]
end
local DET_BEHIND = "(?<=" .. table.concat(det_branches, "|") .. ")"
local IN_DET_BEHIND = "(?<=" .. table.concat(in_branches, "|") .. ")"
local NOT_A_POST = [[(?!-|\s+(?:office|offices|of|war|box|code|mortem|as|child|boy|girl|campaign)\b)]]

rule {
  id = "social-post", marker = "social",
  message = "A post is the evidence here: link the account and say whether it was verified",
  regex =
    [[\b(?:(?:tweet|tweets|tweeted|tweeting|retweeted|retweets)\b|pic\.twitter\.com\b]] ..
    -- the kind of post named: "an Internet posting", "a blog post"
    [[|(?:blog|online|internet|forum|web)\s+(?:posts?|postings?)\b]] .. NOT_A_POST ..
    -- (these start at "post", the determiner is looked for behind it)
    [[|(?=post(?:ing)?\b)(?:]] ..
      -- "in a post", "in his post"
      IN_DET_BEHIND .. [[post(?:ing)?\b]] .. NOT_A_POST ..
      -- "the post read", "one post said", "the post by"
      [[|]] .. DET_BEHIND .. [[post(?:ing)?\s+(?:]] .. CUE_CALL .. [[|read|reads|by)\b]] ..
    [[)]] ..
    -- "posts condemning the war"
    [[|posts?\s+[a-z]+ing\b]] ..
    -- "one poster wrote", "a blogger claimed"; a wall poster says nothing
    [[|(?:posters?|bloggers?)\s+(?:]] .. WORD .. [[\s+)?]] .. CUE_CALL .. [[\b)]] .. DEFINE,
  needs = { "post", "posts", "posting", "postings", "poster", "posters", "blogger", "bloggers",
            "tweet", "tweets", "tweeted", "tweeting", "retweeted", "retweets", "pic.twitter.com" }, needs_within = 9, -- ("internet post")
  examples = {
    hit = { "The mayor tweeted that the bridge was safe.", "Nobody knows, one post read.",
            "According to an online posting, the site was down.",
            "One poster wrote that the attack had started.",
            "\"We will not stop,\" the post said.",
            "She was jailed for posts condemning the war." },
    miss = { "The post office closed at noon.", "She held the post of treasurer.",
             "Posters for the fair were hung in the square.",
             "The post-war years were hard." },
  },
}

rule {
  id = "social-embed", marker = "social",
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
