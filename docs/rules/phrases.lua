-- A phrase rule: literal phrases, case-insensitive, on word boundaries.
rule {
  id = "doc-unnamed-insiders", marker = "anonymous", weight = -6,
  message = "Say how the insiders know, and why they are not named",
  -- a trailing * matches any word starting so: "insider", "insiders"
  phrases = { "insiders said", "people close to the board", "according to insider*" },
  -- a hit is cancelled when its sentence also holds one of these
  unless = { "on condition of anonymity because" },
  examples = {
    hit = {
      "Insiders said the board would meet on Friday.",
      "People close to the board expect a vote.",
      "The board will meet on Friday, according to insiders.",
    },
    miss = {
      "Insiders said, on condition of anonymity because the talks are private, that the board would meet.",
      "The board chair, Lena Berg, said it would meet on Friday.",
    },
  },
}
