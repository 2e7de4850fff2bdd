-- social.lua: a social-media post is the source or the evidence.

local platforms = [[(?:social media|social networks?|telegram|facebook|twitter|instagram|tiktok|youtube|vkontakte|vk|weibo|wechat|truth social|threads|bluesky|linkedin|reddit|snapchat|whatsapp|mastodon|x)]]

rule {
  id = "social-platform", marker = "social", weight = -2,
  message = "Social media is a channel, not a source: name the account, say whether it was verified",
  regex = [[\b(?:on|via|to|in|from|across|through)\s+(?:(?:his|her|their|its|the|an?|official|personal|russian|ukrainian|chinese|local)\s+)*]] .. platforms ..
          [[(?:\s+(?:messaging app|messenger|channel|page|account|post|posts|feed|video|live|platform))?\b]],
  needs = { "social media", "social network", "telegram", "facebook", "twitter", "instagram",
            "tiktok", "youtube", "vkontakte", "vk", "weibo", "wechat", "truth social",
            "threads", "bluesky", "linkedin", "reddit", "snapchat", "whatsapp", "mastodon", "x" },
  unless = { "social media company", "social media companies", "social media firm",
             "social media giant", "shares", "stock", "ban on", "banned", "regulation",
             "on x-ray", "x-ray" },
  examples = {
    hit = { "The governor said on Telegram that two drones were downed.",
            "Videos shared on Russian social media showed the blast.",
            "She wrote on X that the talks had failed." },
    miss = { "The social media company's shares fell on Monday.",
             "He joined the board of a Telegram rival in 2020." },
  },
}

rule {
  id = "social-post", marker = "social", weight = -2,
  message = "A post is the evidence here: link the account and say whether it was verified",
  phrases = { "pic.twitter.com", "in a post", "in a tweet", "tweeted", "retweeted",
              "one post read", "the post read", "a post read", "the post said",
              "facebook post", "facebook posts", "telegram post", "telegram channel",
              "instagram post", "tiktok video", "youtube video", "viral video",
              "posted online", "posted a video", "posted on", "wrote in a post",
              "social media posts", "social media post", "posts condemning",
              "posts criticising", "posts criticizing", "for posts" },
  examples = {
    hit = { "The mayor tweeted that the bridge was safe.", "Nobody knows, one post read." },
    miss = { "The post office closed at noon." },
  },
}

rule {
  id = "social-embed", marker = "social", weight = -2,
  message = "An embedded post: say whether the account is verified and what it adds",
  regex = [[[\x{2014}\x{2013}-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}]],
  needs = { "(@" },
  examples = {
    hit = { "The bridge is closed.— Jane Roe (@janeroe) March 4, 2024" },
    miss = { "Write to us (at the usual address) in May." },
  },
}
