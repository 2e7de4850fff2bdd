#!/usr/bin/env python3
"""make-set.py - write the calibration articles of tests/calibration/.

Run from the repository root: python3 tests/calibration/make-set.py
It rewrites tests/calibration/articles/*.md and tests/calibration/manifest.
Everything here (people, places, events) is invented.  Each article is a
story on one of four made-up topics, at one of four sourcing levels and
three lengths; the generator is only a way to write 36 articles whose
sourcing mix is known.  The output is committed, so the test needs no
Python.  A fixed seed makes the output the same on every run.

Levels (share of attributed sentences by kind; the rest are plain facts):
  exemplary  named people and named bodies or documents, a wire credit
  solid      mostly named, one explained anonymous source, a hedge or two
  thin       about half named, the rest unnamed officials and crowds
  poor       unnamed sources, crowds, unverified and social-media claims
"""
import os
import random

TOPICS = [
    dict(
        slug="flood", place="Vessbrook",
        title="Floodwater closes the lower town in {place}",
        people=[("Mayor", "Ilse Morrow"), ("River warden", "Tomas Harkel"),
                ("Engineer", "Priya Vantongeren"), ("Shopkeeper", "Oren Baltz")],
        bodies=["the Vessbrook River Authority", "the county emergency office",
                "the regional water board"],
        docs=["the authority's 2024 flood survey", "the county's evacuation log"],
        outlet="the Vessbrook Courier",
        claims=[
            "the east levee was raised by forty centimetres last spring",
            "two pumping stations failed within an hour of each other",
            "the river crested just after four in the morning",
            "about 340 homes in the lower town were evacuated",
            "the repair budget for the levees was cut twice in five years",
            "the warning sirens sounded later than planned",
            "the old mill bridge will stay shut until engineers inspect it",
            "insurance claims could pass twelve million crowns",
            "the school gym will house families for at least a week",
            "sandbag supplies ran out before midnight",
            "the upstream reservoir released water earlier than usual",
            "drinking water is safe in every district but one",
        ],
        facts=[
            "The river rose through the night after three days of steady rain.",
            "Water stood knee-deep in the market square by dawn.",
            "Volunteers filled sandbags outside the fire station until late.",
            "The lower town sits on a bend of the river below the old mill.",
            "Buses carried residents to the school on the hill.",
            "Several shops on Quay Street kept their shutters down on Monday.",
            "The last comparable flood in the town was in 1998.",
            "Boats from the rowing club ferried older residents to dry ground.",
            "Power was cut to two streets as a precaution.",
            "By noon the water had begun to fall slowly.",
            "Cleaning crews are expected to start work on Wednesday.",
            "The rail line to the coast remained open throughout.",
        ],
    ),
    dict(
        slug="transit", place="Orlen",
        title="Tram drivers in {place} walk out over rosters",
        people=[("Union secretary", "Dalia Fenwick"), ("Transport director", "Marek Ostrava"),
                ("Councillor", "Hanne Lisberg"), ("Driver", "Kofi Almeida")],
        bodies=["the Orlen Transit Company", "the city labour tribunal",
                "the drivers' union"],
        docs=["the company's staffing report", "the tribunal's published ruling"],
        outlet="the Orlen Gazette",
        claims=[
            "the new rosters add two split shifts a week",
            "forty trams stayed in the depot on Tuesday",
            "talks broke down over rest periods between shifts",
            "the company hired eleven drivers this year and lost nineteen",
            "a replacement bus service will run on the two busiest lines",
            "the strike could last until the end of the month",
            "overtime payments doubled over the past year",
            "the tribunal will hear the case next week",
            "ticket refunds will be offered to monthly pass holders",
            "a mediator has been proposed by the city",
            "fewer than half of the morning services ran",
            "the rosters were drawn up without consulting the union",
        ],
        facts=[
            "The walkout began at five in the morning.",
            "Commuters queued at bus stops along the river road.",
            "The tram network carries about 90,000 passengers on a weekday.",
            "Pickets gathered outside the northern depot.",
            "Cycle hire stations near the station were empty by eight.",
            "The last strike on the network was four years ago.",
            "Schools in the city centre opened as usual.",
            "Taxi ranks near the central station were busy all morning.",
            "The line to the airport is run by a separate company.",
            "Traffic on the ring road was heavier than usual.",
            "Some offices told staff to work from home.",
            "The depot gates were closed by mid-morning.",
        ],
    ),
    dict(
        slug="hospital", place="Dunmere",
        title="{place} hospital delays opening of its new wing",
        people=[("Chief executive", "Roisin Achterberg"), ("Health minister", "Paul Eskildsen"),
                ("Surgeon", "Amara Quist"), ("Patient advocate", "Lev Sorensen")],
        bodies=["the Dunmere Health Trust", "the national building inspectorate",
                "the patients' council"],
        docs=["the trust's annual accounts", "the inspectorate's site report"],
        outlet="Radio Dunmere",
        claims=[
            "the wing will open in March instead of October",
            "the ventilation system failed its first inspection",
            "the project is running eight million over budget",
            "forty surgical beds depend on the new wing",
            "waiting lists for hip operations have grown by a fifth",
            "the contractor has been paid in full for the first phase",
            "patients will be moved from the old block in stages",
            "fire doors on two floors must be replaced",
            "nurses were not consulted on the ward layout",
            "the old block cannot be used after next winter",
            "extra operating sessions will run on Saturdays",
            "the delay will cost the trust about a million a month",
        ],
        facts=[
            "The new wing stands beside the car park on Ferry Lane.",
            "Scaffolding still covers the east side of the building.",
            "The old surgical block dates from the 1960s.",
            "Visitors were turned away from the building site on Monday.",
            "The hospital serves about 200,000 people in the district.",
            "Cranes were taken down last month.",
            "A temporary clinic opened in the hospital grounds in June.",
            "The main entrance was moved to the north side during the works.",
            "Parking has been limited for more than a year.",
            "The wing has four floors and a rooftop garden.",
            "Equipment for the theatres was delivered in the summer.",
            "The hospital's emergency department is not affected.",
        ],
    ),
    dict(
        slug="quarry", place="Sarn Valley",
        title="Quarry permit in {place} divides villages",
        people=[("Planning officer", "Gethin Lowell"), ("Quarry manager", "Saskia Brandt"),
                ("Farmer", "Emrys Caddock"), ("Geologist", "Nadia Ferreira")],
        bodies=["the Sarn Valley district council", "the national environment agency",
                "Brandt Aggregates"],
        docs=["the company's environmental statement", "the council's planning file"],
        outlet="the Valley Echo",
        claims=[
            "the quarry would double in size over ten years",
            "lorries would pass the primary school forty times a day",
            "the spring that feeds three farms lies inside the new boundary",
            "blasting would be limited to weekday afternoons",
            "the company would fund a new bypass for the village",
            "dust levels at the edge of the site are within legal limits",
            "the permit hearing has been moved to December",
            "two hundred objections were filed in the first month",
            "the quarry employs sixty people from the valley",
            "the old workings would be turned into a lake",
            "noise monitors will be installed at four houses",
            "the company has breached its permit before",
        ],
        facts=[
            "The quarry has cut limestone from the hillside since 1952.",
            "A public meeting in the chapel hall drew a large crowd.",
            "The valley road is narrow and has no pavement.",
            "Sheep graze the slopes right up to the quarry fence.",
            "The village school has forty-two pupils.",
            "Lorries leave the site through a single gate on the main road.",
            "The hearing will take place in the council offices in Pennant.",
            "The river below the quarry is popular with anglers.",
            "Walkers use a footpath that runs along the quarry's northern edge.",
            "The nearest town is twelve miles away.",
            "Work at the site stops on Sundays.",
            "Several families have farmed the valley for generations.",
        ],
    ),
]

KINDS_GOOD = ("named", "body", "doc")


def sentence(kind, t, rng, claim):
    people, bodies, docs = t["people"], t["bodies"], t["docs"]
    if kind == "named":
        role, name = rng.choice(people)
        form = rng.randrange(3)
        if form == 0:
            return f"{role} {name} said {claim}."
        if form == 1:
            return f"\"We know {claim},\" said {name}, the {role.lower()}."
        return f"{name}, the {role.lower()}, said {claim}."
    if kind == "body":
        b = rng.choice(bodies)
        return f"{b[0].upper() + b[1:]} said in a statement that {claim}."
    if kind == "doc":
        d = rng.choice(docs)
        return f"According to {d}, {claim}."
    if kind == "media":
        return f"{t['outlet'][0].upper() + t['outlet'][1:]} reported that {claim}."
    if kind == "explained":
        return ("An official, who spoke on condition of anonymity because he was "
                f"not authorised to discuss the matter, said {claim}.")
    if kind == "anonymous":
        return rng.choice([f"Officials said {claim}.",
                           f"A source said {claim}.",
                           f"People familiar with the matter said {claim}.",
                           f"Sources say {claim}.",
                           f"A person close to the talks said {claim}.",
                           f"One insider said {claim}.",
                           f"A senior official said {claim}.",
                           f"Two people with knowledge of the plans said {claim}."])
    if kind == "vague":
        return rng.choice([f"Critics say {claim}.", f"Experts believe {claim}.",
                           f"Many residents believe {claim}.",
                           f"Some observers argue that {claim}.",
                           f"Opponents say {claim}.", f"Analysts say {claim}.",
                           f"Some locals fear {claim}.",
                           f"Many people think {claim}."])
    if kind == "unverified":
        return rng.choice([f"It was claimed that {claim}, but this could not be "
                           "independently verified.",
                           f"Some say {claim}, a claim made without evidence."])
    if kind == "hedged":
        return rng.choice([f"It is reportedly the case that {claim}.",
                           f"Allegedly, {claim}."])
    if kind == "social":
        return f"A post on X claimed that {claim}."
    raise ValueError(kind)


MIX = {
    "exemplary": dict(named=55, body=25, doc=15, media=5),
    "solid": dict(named=45, body=20, doc=10, media=5, explained=10, hedged=10),
    "thin": dict(named=25, body=10, doc=5, anonymous=25, vague=20, hedged=10, media=5),
    "poor": dict(named=5, body=5, anonymous=35, vague=30, unverified=15, social=5, hedged=5),
}
# share of sentences that carry an attribution, where it is not 45%
DENSITY = {"poor": 0.8}
LEVELS = ["exemplary", "solid", "thin", "poor"]
LENGTHS = [("short", 150), ("medium", 600), ("long", 1400)]


def kinds_for(level, n, rng):
    """n attribution kinds in the proportions of MIX[level], itself varied a
    little for every article (reporters differ), shuffled.  The counts are
    the mix's shares of n rounded by largest remainder, not n random draws:
    a level then means the same proportion at every length (drawn at
    random, a short article of a level with 10% named sources held none far
    more often than a long one, so length and sourcing were confounded)."""
    mix = {k: v * rng.uniform(0.6, 1.4) for k, v in MIX[level].items()}
    total = sum(mix.values())
    exact = {k: n * v / total for k, v in mix.items()}
    counts = {k: int(x) for k, x in exact.items()}
    rest = n - sum(counts.values())
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[:rest]:
        counts[k] += 1
    kinds = [k for k in mix for _ in range(counts[k])]
    rng.shuffle(kinds)
    return kinds


def article(level, words, t, rng):
    out = [f"# {t['title'].format(place=t['place'])}", ""]
    count = 0
    paragraphs = []
    # about 13 words a sentence; 45% of sentences carry an attribution, 80%
    # in a poor story (a rumour mill attributes nearly every line, and a
    # short one then holds enough attributions for its 10% of named ones)
    nsent = max(8, round(words / 13))
    natt = max(3, round(nsent * DENSITY.get(level, 0.45)))
    kinds = kinds_for(level, natt, rng)
    slots = ["att"] * natt + ["fact"] * (nsent - natt)
    rng.shuffle(slots)
    slots[0] = "fact"  # a lead sentence of plain fact
    claims = t["claims"][:]
    facts = t["facts"][:]
    rng.shuffle(claims)
    rng.shuffle(facts)
    ci = fi = 0
    cur = []
    for s in slots:
        if s == "att":
            text = sentence(kinds.pop(), t, rng, claims[ci % len(claims)])
            ci += 1
        else:
            text = facts[fi % len(facts)]
            fi += 1
        cur.append(text)
        count += len(text.split())
        if len(cur) >= rng.choice((2, 3)):
            paragraphs.append(" ".join(cur))
            cur = []
    if cur:
        paragraphs.append(" ".join(cur))
    for p in paragraphs:
        out.append(p)
        out.append("")
    return "\n".join(out), count


def main():
    rng = random.Random(15)
    base = os.path.join("tests", "calibration")
    os.makedirs(os.path.join(base, "articles"), exist_ok=True)
    rows = []
    i = 0
    for level in LEVELS:
        for lname, words in LENGTHS:
            for copy in range(3):
                t = TOPICS[i % len(TOPICS)]
                i += 1
                text, n = article(level, words, t, rng)
                name = f"{level}-{lname}-{copy + 1}-{t['slug']}.md"
                with open(os.path.join(base, "articles", name), "w") as f:
                    f.write(text)
                rows.append((name, level, lname, n))
    with open(os.path.join(base, "manifest"), "w") as f:
        f.write("# article level(1=exemplary..4=poor) level-name length-name words\n")
        for name, level, lname, n in rows:
            f.write(f"{name} {LEVELS.index(level) + 1} {level} {lname} {n}\n")


if __name__ == "__main__":
    main()
