-- A check rule: Lua over the whole passage (the default scope of a check).
-- It receives p and returns nil, one finding or a list of findings.
rule {
  id = "doc-quote-no-speaker", marker = "anonymous", weight = -3,
  message = "A quotation with no speaker in its sentence",
  check = function(p)
    local found = {}
    for _, s in ipairs(p.sentences) do          -- s.from, s.to: 1-based, inclusive
      local sentence = p.text:sub(s.from, s.to)
      local qf, qt = sentence:find('"[^"]+"')   -- positions inside the sentence
      if qf and not sentence:find("%u%l+ said") and not sentence:find("said %u%l+") then
        -- back to positions in p.text: add the sentence's start, minus one
        found[#found + 1] = { from = s.from + qf - 1, to = s.from + qt - 1 }
      end
    end
    return found                                  -- an empty list: no finding
  end,
  examples = {
    hit = { 'The plan was "a disaster waiting to happen", it was said.' },
    miss = { 'Mayor Ortiz said the plan was "a disaster waiting to happen".',
             'The plan was "a disaster", said Ortiz.' },
  },
}
