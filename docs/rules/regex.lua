-- A regex rule: a PCRE2 pattern, caseless and UTF-8.  `needs` lists
-- phrases one of which must be in the passage for the pattern to run at
-- all (a cheap filter: every needs phrase is found by the shared matcher).
rule {
  id = "doc-unnamed-count", marker = "anonymous",
  message = "A number of unnamed people is still unnamed: say who they are",
  regex = [[\b(?:two|three|four|several|\d+) (?:officials|sources|people) (?:said|say|told)\b]],
  needs = { "officials", "sources", "people" },
  examples = {
    hit = { "Three officials said the road would reopen.", "12 people told reporters the tap water smelled." },
    miss = { "Three officials signed the order.", "The officials named in the order said nothing." },
  },
}
