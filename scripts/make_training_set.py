"""Write the project's labelled PLOVER training set (data/training/plover_train.jsonl).

Every sentence comes from the templates below, written by the project from the PLOVER definitions
(no sentence from any outside data set). {S} is the source actor, {T} the target; actors are
drawn from the pools below with a fixed seed, so the output is reproducible:

    .venv/bin/python scripts/make_training_set.py
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

STATES = ["Turkey", "Pakistan", "India", "China", "Russia", "Ukraine", "Iran", "Israel", "Egypt",
          "Japan", "Germany", "France", "Brazil", "Kenya", "Nigeria", "Mexico", "Canada",
          "Indonesia", "Saudi Arabia", "South Korea", "Poland", "Ethiopia", "Colombia", "Vietnam",
          "Australia", "Qatar", "Norway", "Jordan", "Morocco", "Chile"]
PEOPLE = ["President Ruto", "Prime Minister Albanese", "Foreign Minister Fidan", "President Lula",
          "Chancellor Merz", "Prime Minister Modi", "President Macron", "President Erdogan",
          "Prime Minister Sharif", "President Sheinbaum", "King Abdullah", "Prime Minister Carney",
          "the defence minister", "the foreign minister", "the interior ministry",
          "the prime minister's office", "the president", "a government spokesman"]
GROUPS = ["the United Nations", "the European Union", "NATO", "the African Union", "Hamas",
          "the Taliban", "Hezbollah", "the World Bank", "the IMF", "the Red Cross",
          "opposition parties", "rebel fighters", "the army", "police", "protesters",
          "student unions", "local farmers", "human rights groups", "the central bank",
          "the supreme court", "parliament", "a state-owned oil company", "Houthi rebels"]
FILL = {
    "N": ["two", "three", "five", "twelve", "dozens of", "hundreds of", "several"],
    "M": ["$5 million", "$200 million", "$1.2 billion", "40 million euros", "$75 million"],
    "D": ["on Monday", "on Tuesday", "last week", "on Friday", "this month", "overnight",
          "earlier this year", "on Sunday"],
    "P": ["the capital", "the border region", "the north", "the port city", "the disputed area"],
}

# type -> templates. Written from the PLOVER 2.0 definitions; each names what the source does to
# the target in the way news copy says it, including phrasings with no single trigger verb.
TEMPLATES: dict[str, list[str]] = {
    "AGREE": [
        "{S} agreed to resume talks with {T} {D}.",
        "{S} said it is ready to help {T} rebuild its power grid.",
        "{S} offered to host peace talks between {T} and its neighbours.",
        "{S} pledged to work with {T} on border security.",
        "{S} is willing to open its markets to goods from {T}.",
        "{S} promised {T} that it would release the detained sailors.",
        "{S} will provide {M} in reconstruction aid to {T}, officials said.",
        "{S} expressed readiness to mediate between {T} and the rebels.",
        "{S} and {T} plan to hold a summit later this year.",
        "{S} said it would withdraw its troops from {T} by the end of the year.",
        "{S} vowed to lift the trade restrictions on {T} next month.",
        "{S} accepted an invitation from {T} to visit in the spring.",
        "{S} announced it will send a delegation to {T} for negotiations.",
        "{S} intends to sign a free trade pact with {T}.",
        "{S} has committed to supply grain to {T} through the winter.",
        "{S} said it was prepared to return the seized vessels to {T}.",
        "{S} hopes to deepen energy cooperation with {T}, its envoy said.",
        "{S} expressed its intention to normalise relations with {T}.",
    ],
    "CONSULT": [
        "{S} held talks with {T} in {P} {D}.",
        "{S} met {T} on the sidelines of the summit.",
        "{S} travelled to {T} for a two-day official visit.",
        "{S} spoke by phone with {T} about the crisis.",
        "{S} hosted a delegation from {T} {D}.",
        "{S} and {T} discussed trade and security during a meeting {D}.",
        "Envoys from {S} and {T} gathered in Geneva for a new round of negotiations.",
        "{S} received {T} at the presidential palace.",
        "{S} consulted {T} before announcing the decision.",
        "{S} paid a state visit to {T}, the first in a decade.",
        "{S} launched a mediation effort between {T} and the opposition.",
        "{S} convened an emergency meeting with {T} over the dispute.",
        "{S} and {T} kept in close contact throughout the week, diplomats said.",
        "{S} sat down with {T} for three hours of closed-door consultations.",
        "{S} briefed {T} on the outcome of the ceasefire talks.",
        "A video conference between {S} and {T} focused on the refugee crisis.",
    ],
    "SUPPORT": [
        "{S} praised {T} for its handling of the crisis.",
        "{S} expressed solidarity with {T} after the earthquake.",
        "{S} congratulated {T} on its election victory.",
        "{S} voiced support for the plan put forward by {T}.",
        "{S} signed a defence pact with {T} in {P}.",
        "{S} formally recognised the new government of {T}.",
        "{S} thanked {T} for its help during the evacuation.",
        "{S} endorsed the candidacy of {T} for the security council seat.",
        "{S} backed {T} in its dispute with its neighbour.",
        "{S} and {T} reached an agreement on the text of the accord.",
        "{S} ratified the border treaty with {T}.",
        "{S} restored diplomatic relations with {T} after a five-year break.",
        "{S} commended {T} for releasing the journalists.",
        "{S} sent a message of condolence to {T} after the floods.",
        "{S} welcomed the decision by {T} to hold early elections.",
        "{S} stood by {T} at the United Nations vote.",
        "{S} respects the sovereignty of {T}, its foreign ministry said.",
    ],
    "CONCEDE": [
        "{S} apologised to {T} for the border incident.",
        "{S} declared a unilateral ceasefire with {T}.",
        "{S} pardoned {N} activists jailed by {T}.",
        "{S} eased travel restrictions on citizens of {T}.",
        "{S} dropped its demand that {T} pay compensation.",
        "{S} conceded that its forces had fired on {T} by mistake.",
        "{S} expressed regret to {T} over the remarks.",
        "{S} announced a cessation of hostilities with {T}.",
        "{S} backed down in its trade dispute with {T}.",
        "{S} called off the strike after talks with {T}.",
        "{S} agreed to a compromise that meets the main demand of {T}.",
        "{S} relaxed the curfew imposed on {T}.",
    ],
    "RETREAT": [
        "{S} released {N} prisoners held by {T}.",
        "{S} withdrew its troops from {T} {D}.",
        "{S} handed back the seized ships to {T}.",
        "{S} freed the detained aid workers from {T}.",
        "{S} lifted its blockade on {T}.",
        "{S} returned the stolen artefacts to {T}.",
        "{S} allowed inspectors from {T} into the nuclear site.",
        "{S} reopened the border crossing with {T}.",
        "{S} pulled its forces back from the frontier with {T}.",
        "{S} exchanged {N} prisoners of war with {T}.",
        "{S} let the convoy from {T} pass through the checkpoint.",
        "{S} granted {T} access to the disputed islands.",
        "{S} repatriated {N} refugees to {T}.",
        "{S} removed the tariffs on steel from {T}.",
        "{S} laid down their weapons and surrendered to {T}.",
        "{S} opened its borders to people fleeing {T}.",
    ],
    "COOPERATE": [
        "{S} and {T} held joint naval exercises in the gulf.",
        "{S} shared intelligence with {T} on the smuggling network.",
        "{S} extradited {N} suspects to {T}.",
        "{S} and {T} launched a joint patrol along the border.",
        "{S} signed a contract to build a railway with {T}.",
        "{S} increased trade with {T} by a third last year.",
        "{S} invested {M} in ports operated by {T}.",
        "{S} and {T} conducted war games near the coast.",
        "{S} handed over a wanted fugitive to {T}.",
        "{S} began exporting natural gas to {T} under the new pipeline deal.",
        "{S} worked alongside {T} to dismantle the trafficking ring.",
        "{S} and {T} set up a joint investment fund.",
        "{S} trained alongside {T} in a joint counter-terrorism drill.",
        "{S} exchanged data on militants with {T}.",
    ],
    "AID": [
        "{S} sent {M} in humanitarian aid to {T}.",
        "{S} delivered food and medicine to {T} after the floods.",
        "{S} donated {M} to help {T} recover from the cyclone.",
        "{S} provided {T} with air defence systems.",
        "{S} granted asylum to {N} dissidents from {T}.",
        "{S} flew tonnes of medical supplies into {T}.",
        "{S} deployed peacekeepers to {T}.",
        "{S} approved a {M} loan to {T}.",
        "{S} gave {T} emergency funding to pay public salaries.",
        "{S} forgave part of the debt owed by {T}.",
        "{S} rescued {N} fishermen from {T} stranded at sea.",
        "{S} shipped vaccines to {T} free of charge.",
        "{S} is the largest donor to {T}.",
        "{S} trained soldiers from {T} in mine clearance.",
        "{S} accepted {N} refugees from {T}.",
        "Troops from {S} arrived in {T} as part of a peacekeeping mission.",
        "{S} contributed {M} to the relief fund for {T}.",
        "{S} airlifted water purification units to {T}.",
    ],
    "REQUEST": [
        "{S} urged {T} to release the detained journalists.",
        "{S} called on {T} to end the blockade.",
        "{S} asked {T} for military assistance.",
        "{S} demanded that {T} withdraw its troops.",
        "{S} appealed to {T} for emergency food supplies.",
        "{S} pressed {T} to hold free elections.",
        "{S} said {T} must stop the attacks on civilians.",
        "{S} called for talks with {T} to resolve the dispute.",
        "{S} requested the extradition of the suspect from {T}.",
        "{S} sought help from {T} to rebuild the airport.",
        "{S} insisted that {T} should pay compensation to the victims.",
        "{S} pleaded with {T} to reopen the crossing.",
        "{S} pushed {T} to cut interest rates.",
        "{S} invited {T} to explain its position before the council.",
    ],
    "ACCUSE": [
        "{S} accused {T} of violating the ceasefire.",
        "{S} condemned {T} for the shelling of civilian areas.",
        "{S} criticised {T} over its treatment of migrants.",
        "{S} blamed {T} for the collapse of the talks.",
        "{S} filed a lawsuit against {T} over the contract.",
        "{S} launched an investigation into {T} over bribery claims.",
        "{S} charged {T} with fraud and money laundering.",
        "{S} denounced the decision by {T} as illegal.",
        "{S} summoned the ambassador of {T} to protest the remarks.",
        "{S} lashed out at {T} for interfering in its affairs.",
        "{S} sued {T} in an international court.",
        "{S} alleged that {T} had funded the militants.",
        "{S} called {T} a threat to regional stability.",
        "{S} found {T} guilty of corruption.",
        "{S} questioned {T} about the missing funds.",
        "{S} complained to {T} about the airspace violations.",
    ],
    "REJECT": [
        "{S} rejected the proposal from {T}.",
        "{S} refused to meet {T}.",
        "{S} denied the allegations made by {T}.",
        "{S} vetoed the resolution drafted by {T}.",
        "{S} turned down an offer of talks from {T}.",
        "{S} dismissed the demands of {T} as unrealistic.",
        "{S} would not accept any conditions set by {T}.",
        "{S} boycotted the summit hosted by {T}.",
        "{S} cancelled the planned visit to {T}.",
        "{S} ruled out negotiations with {T}.",
        "{S} refused entry to a delegation from {T}.",
        "{S} declined to comment on the request by {T}.",
        "{S} said it will not end the strike until {T} meets its demands.",
        "{S} defied the order issued by {T}.",
        "{S} did not respond to the invitation from {T}.",
    ],
    "THREATEN": [
        "{S} threatened to impose sanctions on {T}.",
        "{S} warned {T} of serious consequences if it crossed the border.",
        "{S} gave {T} a deadline to hand over the suspects.",
        "{S} said it would cut diplomatic ties with {T} if the attacks continued.",
        "{S} threatened {T} with military action.",
        "{S} issued an ultimatum to {T}.",
        "{S} warned that it could strike targets inside {T}.",
        "{S} said it will boycott the talks hosted by {T}.",
        "{S} vowed to retaliate against {T}.",
        "{S} will expel diplomats from {T} unless the spy is released, officials said.",
        "{S} threatened to arrest the leaders of {T}.",
        "{S} said it may close the border with {T}.",
    ],
    "PROTEST": [
        "{S} marched through {P} against {T}.",
        "{S} rallied outside the embassy of {T}.",
        "{S} went on strike over pay cuts imposed by {T}.",
        "{S} staged a sit-in against {T}.",
        "{S} boycotted goods from {T}.",
        "{S} burned the flag of {T} during the demonstration.",
        "{S} blocked roads to protest against {T}.",
        "{S} demonstrated in front of the offices of {T}.",
        "{S} began a hunger strike to protest against {T}.",
        "{S} rioted in {P} after the ruling by {T}.",
        "Thousands of {S} took to the streets against {T}.",
        "{S} held a vigil outside the headquarters of {T}.",
    ],
    "SANCTION": [
        "{S} expelled {N} diplomats from {T}.",
        "{S} recalled its ambassador from {T}.",
        "{S} suspended aid to {T}.",
        "{S} cut diplomatic ties with {T}.",
        "{S} withdrew its peacekeepers from {T}.",
        "{S} halted arms sales to {T}.",
        "{S} downgraded relations with {T}.",
        "{S} suspended the membership of {T}.",
        "{S} pulled out of the treaty with {T}.",
        "{S} ended its mediation between {T} and the rebels.",
        "{S} froze cooperation with {T}.",
        "{S} closed its embassy in {T}.",
        "{S} cancelled the gas contract with {T}.",
        "{S} expelled {T} from the regional bloc.",
    ],
    "MOBILIZE": [
        "{S} deployed troops along the border with {T}.",
        "{S} put its forces on high alert near {T}.",
        "{S} moved tanks towards the frontier with {T}.",
        "{S} massed troops near {T}.",
        "{S} sent warships into waters claimed by {T}.",
        "{S} test-fired missiles in a show of force against {T}.",
        "{S} called up reservists amid tension with {T}.",
        "{S} stepped up patrols near the border with {T}.",
        "{S} reinforced its garrison facing {T}.",
        "{S} beefed up its military presence near {T}.",
        "{S} stationed fighter jets close to {T}.",
        "{S} held a large military drill near {T}.",
    ],
    "COERCE": [
        "{S} arrested {N} activists from {T}.",
        "{S} detained a journalist working for {T}.",
        "{S} raided the offices of {T}.",
        "{S} seized a tanker belonging to {T}.",
        "{S} deported {N} nationals of {T}.",
        "{S} imposed sanctions on {T}.",
        "{S} banned {T} from holding rallies.",
        "{S} imposed a curfew on {T}.",
        "{S} declared a state of emergency in areas held by {T}.",
        "{S} shut down the newspaper run by {T}.",
        "{S} blocked access to websites run by {T}.",
        "{S} confiscated property belonging to {T}.",
        "{S} imposed an embargo on {T}.",
        "{S} placed {T} under house arrest.",
        "{S} suspended publication of the newspaper owned by {T}.",
        "{S} jailed {N} members of {T}.",
        "{S} cut off electricity and water to {T}.",
        "{S} hacked the computer systems of {T}.",
    ],
    "ASSAULT": [
        "{S} attacked positions held by {T}.",
        "{S} shelled villages controlled by {T}.",
        "{S} launched air strikes on {T}.",
        "{S} killed {N} fighters from {T} in an ambush.",
        "{S} bombed a convoy belonging to {T}.",
        "{S} fired rockets at {T}.",
        "{S} captured the town from {T}.",
        "{S} kidnapped {N} workers from {T}.",
        "{S} tortured prisoners from {T}.",
        "{S} used civilians from {T} as human shields.",
        "{S} clashed with {T} near {P}.",
        "{S} stormed a base held by {T}.",
        "{S} carried out a drone strike against {T}.",
        "{S} opened fire on {T}.",
        "{S} assassinated a commander of {T}.",
        "{S} destroyed bridges used by {T}.",
        "{S} invaded territory held by {T}.",
        "{S} overran the last stronghold of {T}.",
    ],
}

SLOT = re.compile(r"\{([A-Z])\}")


def actor_pool(rng: random.Random) -> str:
    pool = rng.choice([STATES, STATES, PEOPLE, GROUPS])
    return rng.choice(pool)


def realise(template: str, rng: random.Random) -> dict[str, object] | None:
    """Fill a template; return the text with the source and target character spans."""
    source = actor_pool(rng)
    target = actor_pool(rng)
    if source == target:
        return None
    text, spans, pos = "", {}, 0
    for m in SLOT.finditer(template):
        text += template[pos:m.start()]
        key = m.group(1)
        value = source if key == "S" else target if key == "T" else rng.choice(FILL[key])
        if key in ("S", "T"):
            at = len(text)
            # Capitalise a sentence-initial article ("the army" -> "The army").
            if at == 0:
                value = value[0].upper() + value[1:]
            spans[key] = (value, [at, at + len(value)])
        text += value
        pos = m.end()
    text += template[pos:]
    if "S" not in spans:
        return None
    return {"text": text, "source": spans["S"], "target": spans.get("T")}


def main() -> None:
    rng = random.Random(20251129)
    out = Path(__file__).resolve().parent.parent / "data" / "training" / "plover_train.jsonl"
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for etype, templates in TEMPLATES.items():
            for t_index, template in enumerate(templates):
                made = 0
                while made < 6:
                    item = realise(template, rng)
                    if item is None:
                        continue
                    src_text, src_span = item["source"]  # type: ignore[misc]
                    tgt = item["target"]
                    event = {
                        "type": etype,
                        "source": {"text": src_text, "spans": [src_span], "country": None},
                        "target": ({"text": tgt[0], "spans": [tgt[1]], "country": None}
                                   if tgt else None),
                    }
                    record = {"id": f"ew-train-{etype.lower()}-{t_index}-{made}",
                              "text": item["text"], "date": None, "events": [event],
                              "origin": "eventwire scripts/make_training_set.py"}
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                    made += 1
                    n += 1
    print(f"wrote {n} examples to {out}")


if __name__ == "__main__":
    main()
