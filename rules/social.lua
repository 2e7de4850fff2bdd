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
-- The regexes run only where one of these occurs ("channel": "on his channel").
local platform_needs = { "channel" }
for _, w in ipairs(platforms) do platform_needs[#platform_needs + 1] = w end

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

-- Every inflected form of the cue verbs, as a list.
local cue_forms, seen = {}, {}
for _, v in ipairs(cue_verbs) do
  for k, f in ipairs(inflect(v)) do
    if (k > 1 or not noun_too[v]) and not seen[f] then
      seen[f] = true
      cue_forms[#cue_forms + 1] = f
    end
  end
end
cue_forms[#cue_forms + 1] = "according"

-- A regex alternation of literal words as a trie ("say|said|says" becomes
-- "sa(?:y|id|ys)"): the regex engine then tries one branch per letter
-- instead of every word at every position.  A space in a phrase matches any
-- run of blanks; "x" (the platform) only as a capital letter standing alone.
local function escape_char(c)
  if c == " " then return [[\s+]] end
  if c:match("[%.%-%?%*%+%(%)%[%]%^%$%\\|{}]") then return "\\" .. c end
  return c
end

local function trie_regex(node)
  local keys = {}
  for k in pairs(node.next) do keys[#keys + 1] = k end
  table.sort(keys)
  if #keys == 0 then return "" end
  local branches = {}
  for _, k in ipairs(keys) do
    branches[#branches + 1] = escape_char(k) .. trie_regex(node.next[k])
  end
  local body = #branches == 1 and branches[1] or "(?:" .. table.concat(branches, "|") .. ")"
  if node.ends then
    if #branches == 1 and #keys == 1 and #body > 1 then body = "(?:" .. body .. ")" end
    return body .. "?"
  end
  return body
end

local function alternation(words)
  local root, special = { next = {} }, {}
  for _, w in ipairs(words) do
    if w == "x" then
      special[#special + 1] = [[(?-i:X)(?![\w-])]]
    else
      local node = root
      for c in w:lower():gmatch(".") do
        node.next[c] = node.next[c] or { next = {} }
        node = node.next[c]
      end
      node.ends = true
    end
  end
  local parts = { trie_regex(root) }
  for _, s in ipairs(special) do parts[#parts + 1] = s end
  return "(?:" .. table.concat(parts, "|") .. ")"
end

local CUE = alternation(cue_forms)
local PLATFORM = alternation(platforms)
local WORD = [[[\w'\x{2019}@#-]+]]
local PREP = [[(?:on|via|in|to|through|onto|across|from)]]
-- words that may stand between a preposition and the platform
local FILL = [[(?:(?:the|a|an|his|her|their|its|official|personal|own|verified|public|private|]] ..
             [[popular|chinese|russian|local|state|several|various|one)\s+){0,3}]]
-- a person's place on a platform; what a post is called
local ACCOUNT = [[(?:channel|account|page|feed|profile|handle|blog|vlog)]]
local POST = [[(?:posts?|postings?|tweets?|videos?|messages?|update|entry|thread|statement|]] ..
             [[live|story|stories|comments?|clips?|broadcast)]]
-- the platform as a business, not a channel
local NOT_BUSINESS = [[(?!\s+(?:company|companies|firm|giants?|shares|stock|founder|creator|owner|]] ..
                     [[executives?|ceo|boss|platforms|ban|banned|regulation|rival|users|headquarters|]] ..
                     [[addiction|app)\b)]]
local PLATFORM_HERE = [[\b]] .. PLATFORM .. [[\b]] .. NOT_BUSINESS

rule {
  id = "social-platform", marker = "social", weight = -2,
  message = "Social media is a channel, not a source: name the account, say whether it was verified",
  regex =
    -- "wrote on X", "posted a video on YouTube", "according to a Facebook post"
    [[\b]] .. CUE .. [[\s+(?:]] .. WORD .. [[\s+){0,4}?]] .. PREP .. [[\s+]] .. FILL .. PLATFORM_HERE ..
    -- "on Telegram, the governor said"
    [[|\b]] .. PREP .. [[\s+]] .. FILL .. PLATFORM_HERE .. [[(?:\s+(?:]] .. POST .. [[|]] .. ACCOUNT ..
    [[)\b)?[,;:]?\s+(?:]] .. WORD .. [[\s+){0,3}?]] .. CUE .. [[\b]] ..
    -- a person's own account: "on his Telegram channel", "on her blog"
    [[|\bon\s+(?:his|her|their)\s+(?:(?:own|official|personal)\s+)?(?:]] .. PLATFORM ..
    [[\s+)?]] .. ACCOUNT .. [[\b]] ..
    [[|\bon\s+its\s+(?:(?:own|official)\s+)?]] .. PLATFORM .. [[\s+]] .. ACCOUNT .. [[\b]] ..
    -- "in a Facebook post", "in a YouTube video"
    [[|\bin\s+]] .. FILL .. PLATFORM .. [[\s+]] .. POST .. [[\b]] ..
    -- "Facebook posts", "social media posts": the evidence of whatever is said of them
    [[|]] .. PLATFORM_HERE .. [[\s+(?:posts?|postings?|tweets?)\b]] ..
    -- "a TikTok video showing", "a Telegram message read"
    [[|]] .. PLATFORM_HERE .. [[\s+]] .. POST .. [[(?:\s+]] .. WORD .. [[){0,2}?\s+(?:]] .. CUE ..
    [[|read|reads)\b]],
  needs = platform_needs,
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
local POST_DET = [[(?:the|a|an|one|another|his|her|their|its|this|that|latest|recent|anonymous|]] ..
                 [[later|earlier|separate)]]
local NOT_A_POST = [[(?!-|\s+(?:office|offices|of|war|box|code|mortem|as|child|boy|girl|campaign)\b)]]

-- A cue (or "in") right before: one fixed-length look-behind branch per form.
local behind = { [[\bin\s]] }
for _, f in ipairs(cue_forms) do behind[#behind + 1] = [[\b]] .. f .. [[\s]] end
local CUE_BEHIND = "(?<=" .. table.concat(behind, "|") .. ")"

rule {
  id = "social-post", marker = "social", weight = -2,
  message = "A post is the evidence here: link the account and say whether it was verified",
  regex =
    [[\b(?:tweet|tweets|tweeted|tweeting|retweeted|retweets)\b|\bpic\.twitter\.com\b]] ..
    -- the kind of post named: "an Internet posting", "a blog post"
    [[|\b(?:blog|online|internet|forum|web)\s+(?:posts?|postings?)\b]] .. NOT_A_POST ..
    -- "the post read", "one post said", "the post by"
    [[|\b]] .. POST_DET .. [[\s+(?:post|posting)\s+(?:]] .. CUE .. [[|read|reads|by)\b]] ..
    -- "said the post", "in a post" (looked for behind "the post" only)
    [[|\b(?=]] .. POST_DET .. [[\s+(?:post|posting)\b)]] .. CUE_BEHIND .. POST_DET ..
    [[\s+(?:post|posting)\b]] .. NOT_A_POST ..
    -- "posts condemning the war"
    [[|\bposts?\s+(?:]] .. CUE .. [[)(?<=ing)\b]] ..
    -- "one poster wrote", "a blogger claimed"; a wall poster says nothing
    [[|\b(?:posters?|bloggers?)\s+(?:]] .. WORD .. [[\s+)?]] .. CUE .. [[\b]],
  needs = { "post", "posts", "posting", "postings", "poster", "posters", "blogger", "bloggers",
            "tweet", "tweets", "tweeted", "tweeting", "retweeted", "retweets", "pic.twitter.com" },
  examples = {
    hit = { "The mayor tweeted that the bridge was safe.", "Nobody knows, one post read.",
            "According to an online posting, the site was down.",
            "One poster wrote that the attack had started.",
            "\"We will not stop,\" said the post.",
            "She was jailed for posts condemning the war." },
    miss = { "The post office closed at noon.", "She held the post of treasurer.",
             "Posters for the fair were hung in the square.",
             "The post-war years were hard." },
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
