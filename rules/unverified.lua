-- unverified.lua: the article itself says a claim was not verified, or that
-- no evidence was offered.  Plain uncertainty about the future is not this.

rule {
  id = "unverified-could-not-verify", marker = "unverified",
  message = "The article says this could not be verified: attribute the claim in the same sentence and say what was done to check it",
  phrases = {
    "could not verify", "could not independently verify", "could not confirm",
    "could not independently confirm", "could not be verified",
    "could not be independently verified", "could not be confirmed",
    "could not be independently confirmed", "cannot verify", "cannot independently verify",
    "cannot be verified", "cannot be independently verified", "cannot independently confirm",
    "couldn't verify", "couldn't independently verify", "couldn't confirm",
    "was unable to verify", "were unable to verify", "was unable to confirm",
    "were unable to confirm", "unable to independently verify", "unable to independently confirm",
    "has not been verified", "have not been verified", "had not been verified",
    "has not been independently verified", "have not been independently verified",
    "has not been confirmed", "have not been independently confirmed",
    "has not been independently confirmed", "was not independently verified",
    "were not independently verified", "not been independently verified",
    "was not able to verify", "were not able to verify", "was not able to confirm",
    "were not able to confirm", "not able to independently verify",
    "not able to independently confirm",
    "it was not possible to verify", "it was not possible to confirm",
    "it is not possible to verify", "not independently verifiable", "could not be reached to confirm",
  },
  examples = {
    hit = {
      "The agency could not independently verify the footage.",
      "The figures have not been independently verified.",
      "It was not possible to verify the account given by the two men.",
    },
    miss = {
      "The auditors verified every invoice.",
      "It is unclear whether the mayor will attend the ceremony.",
    },
  },
}

rule {
  id = "unverified-no-evidence", marker = "unverified",
  message = "A claim made without evidence: say so in the same sentence as the claim and say who disputes it",
  phrases = {
    "without offering evidence", "without providing evidence", "without presenting evidence",
    "without offering any evidence", "without providing any evidence", "without giving evidence",
    "without citing evidence", "offered no evidence", "provided no evidence", "gave no evidence",
    "presented no evidence", "did not provide evidence", "did not offer evidence",
    "did not provide any evidence", "did not offer any evidence", "no evidence was offered",
    "no evidence was provided", "without evidence", "without any evidence",
    "without offering proof", "without providing proof", "offered no proof",
    "provided no proof", "gave no proof", "did not release data", "did not release any data",
    "released no data", "provided no data", "did not provide data", "without releasing data",
  },
  examples = {
    hit = { "The minister said, without offering evidence, that the ballots were forged." },
    miss = { "The court reviewed the evidence on Monday." },
  },
}

-- The article itself says a claim lacks support: "there is no evidence that
-- the cure works", "no proof has been found".  Not "found no evidence of a
-- break-in" (a finding, not a doubted claim).
rule {
  id = "unverified-no-support", marker = "unverified", weight = -5,
  message = "The article says nothing supports the claim: say who makes it and why it is reported",
  regex = [[\b(?:there\s+(?:is|was|has\s+been|had\s+been|are|were)\s+(?:still\s+)?(?:no|little|scant|not\s+(?:any|enough|a\s+shred\s+of))\s+(?:\w+\s+)?(?:evidence|proof)\s+(?:that|to\s+(?:support|suggest|show|back))|no\s+(?:\w+\s+)?(?:evidence|proof)\s+(?:has\s+been|was|had\s+been)\s+(?:found|produced|presented|given|offered))\b]],
  needs = { "evidence", "proof" }, holds_needs = true,
  examples = {
    hit = { "There is no evidence that the tonic works better than water.",
            "There was little scientific evidence to support the theory.",
            "No proof has been produced for the charge." },
    miss = { "Police found no evidence of a break-in.",
             "There is evidence that the dam leaked." },
  },
}

rule {
  id = "unverified-unconfirmed", marker = "unverified", weight = -5,
  message = "Unconfirmed information: say who could not confirm it and why it is reported at all",
  phrases = { "unconfirmed", "unverified", "assuming there's any truth", "if true",
              "could not be substantiated", "remains unverified", "remain unverified" },
  unless = { "unverified account", "unverified accounts", "unverified users" },
  examples = {
    hit = { "Unconfirmed reports put the toll at forty.", "The claim, if true, would change the count." },
    miss = { "The count was confirmed by the hospital." },
  },
}

rule {
  id = "unverified-unsupported", marker = "unverified", weight = -5,
  message = "The article says the claim was never backed up: keep that next to the claim and say who disputes it",
  regex = [[\b(?:never|not|no one has|nobody has|without|yet to be|has yet to)\s+(?:\w+\s+){0,3}?(?:backed up|substantiated|corroborated|proven|proved)\b]],
  needs = { "backed up", "substantiated", "corroborated", "proven", "proved" }, holds_needs = true,
  examples = {
    hit = { "He called it a plot, a claim he has never backed up with evidence.",
            "The allegation has not been corroborated." },
    miss = { "The theory was proven in 1998 by two labs." },
  },
}

rule {
  id = "unverified-no-confirmation", marker = "unverified", weight = -5,
  message = "No confirmation: say who was asked and keep the claim out of the lead",
  phrases = { "no official confirmation", "no independent confirmation", "no confirmation",
              "not been officially confirmed", "was not officially confirmed",
              "has not been officially confirmed", "there was no confirmation",
              "could not be reached for confirmation", "declined to confirm",
              "would not confirm", "did not confirm", "has not confirmed", "have not confirmed" },
  examples = {
    hit = { "There was no official confirmation of the second blast." },
    miss = { "The hospital confirmed two deaths." },
  },
}
