-- desk.lua: an example of a desk's own rules, loaded by examples/credscore.yaml.

rule {
  id = "desk-insiders", marker = "anonymous", weight = -6,
  message = "\"Insiders\" are unnamed sources: say how they know and why they are not named",
  phrases = { "insiders at the club", "people inside the club", "club insiders" },
  unless  = { "spoke on condition of anonymity because" },
  examples = {
    hit  = { "Insiders at the club said the manager would go." },
    miss = { "The club's chairman, Ana Ruiz, said the manager would go." },
  },
}

-- A check rule: flags a headline that quotes somebody without naming them.
rule {
  id = "desk-headline-quote", marker = "anonymous", weight = -3, select = "heading",
  message = "A quotation in a headline should say who said it",
  check = function(p)
    local from, to = p.text:find('["\u{201C}][^"\u{201D}]+["\u{201D}]')
    if from and not p.text:find("%u%l+ [%u%l]+:") then
      return { from = from, to = to }
    end
  end,
  examples = {
    hit = { "\"We will not resign\" as pressure mounts" },
    miss = { "Mayor Ortiz: \"We will not resign\"" },
  },
}
