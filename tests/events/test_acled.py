"""ACLED coding from the codebook (events/acled.py, data/acled_codebook.toml), on sentences we wrote.

Each case runs the whole pipeline, so the actors' categories (inter codes) and the event's means come from the
text as they would for a user. The lead ACLED event of the text is checked: the most confident one with a type.
"""

from __future__ import annotations

import pytest

from sitrep.events.acled import Facts, PhraseTable, decide, interaction, load_codebook
from sitrep.models import Document

pytestmark = pytest.mark.slow


def lead_acled(pipeline, text: str):
    events = [e for e in pipeline.analyze(Document(id="t", text=text, published="2024-05-10")).events
              if e.acled.event_type]
    assert events, f"no ACLED event in {text!r}"
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize("text, event_type, sub_event_type, inter1, inter2", [
    # who acts against whom: armed men against an unarmed man is violence against civilians …
    ("Gunmen on a motorbike shot dead a shopkeeper in the market town on Tuesday.",
     "Violence against civilians", "Attack", 3, 7),
    # … insurgents against a policeman a battle (police are state forces, an armed side)
    ("A policeman was shot dead by suspected insurgents at a checkpoint.", "Battles", "Armed clash", 2, 1),
    ("Rebels ambushed an army convoy, killing four soldiers.", "Battles", "Armed clash", 2, 1),
    # an attack whose doer is named only as claiming it, or as whom it is laid to
    ("On 7 May 2021, a roadside bomb struck a police patrol outside Afgooye, wounding two officers. Al-Shabaab "
     "claimed responsibility.", "Explosions/Remote violence", "Remote explosive/landmine/IED", 2, 1),
    ("On 7 May 2021, a farmer died in a raid that officials attributed to ADF rebels near Beni.",
     "Violence against civilians", "Attack", 2, 7),
    # … also when the claim comes later in the story, after another sentence
    ("On 4 June 2021, a roadside bomb exploded near Mogadishu. Police arrested two men. Al-Shabaab later claimed "
     "responsibility for the blast.", "Explosions/Remote violence", "Remote explosive/landmine/IED", 2, 0),
    # … or as who set its device, in a later sentence
    ("On 2 May 2021, two farmers were killed when their tractor hit a roadside bomb near Afgooye. Officials said "
     "al-Shabaab militants had planted the device.", "Explosions/Remote violence", "Remote explosive/landmine/IED", 2, 7),
    ("On 3 May 2021, a landmine killed three herders near Djibo. The mine was probably laid by JNIM fighters.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", 2, 7),
    # … not when the planting is denied, nor when it is another incident's
    ("On 2 May 2021, a bomb killed four people in a Kabul market. The Taliban denied that its fighters had planted "
     "the device.", "Explosions/Remote violence", "Remote explosive/landmine/IED", 3, 7),
    ("On 2 May 2021, a roadside bomb hit an army convoy near Mopti. In a separate incident, jihadists laid mines on a "
     "road near Gao.", "Explosions/Remote violence", "Remote explosive/landmine/IED", 3, 1),
    # whoever runs into a hidden device is its victim, not its doer
    ("On 4 June 2021, an army patrol vehicle struck a landmine near Gao, wounding three soldiers.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", 3, 1),
    ("On 4 June 2021, a Malian army truck hit an IED near Douentza. JNIM claimed responsibility.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", 2, 1),
    # … also told in the passive, with the victims the subject of the clause it hangs on
    ("On 7 May 2021, soldiers lost two men outside the base after being struck by a roadside bomb.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", 3, 1),
    # a group named in capitals that spell a word ("IS") is still the doer
    ("On 5 June 2021, IS militants attacked a police post outside Kirkuk, killing one officer.",
     "Battles", "Armed clash", 2, 1),
    # what a demonstration is about is no part of it: an attack it protests against makes it no riot
    ("On 3 May 2021, hundreds of people staged a rally in the town against the attack on two policemen by a mob "
     "on April 28.", "Protests", "Peaceful protest", 6, 0),
    ("On 7 May 2021, protesters gathered outside the court against the detention of two students accused of "
     "hurling a petrol bomb at a bank.", "Protests", "Peaceful protest", 6, 0),
    ("On 6 May 2021, protesters gathered in the capital and demanded that the court punish former ministers. "
     "Protesters accused them of stealing public money.", "Protests", "Peaceful protest", 6, 0),
    # shots fired into the air are no air strike: with no one hurt, a show of force (Strategic developments) …
    ("On 1 May 2021, a frontier patrol shot several warning rounds into the air near a disputed village.",
     "Strategic developments", "Other", 1, 0),
    # … fired to break up a crowd, the police intervening in a demonstration …
    ("On 1 May 2021, police fired shots into the air to disperse a crowd of protesters in the capital.",
     "Protests", "Protest with intervention", 6, 1),
    # … but shots that wound someone stay an attack, whatever else was fired into the air
    ("On 1 May 2021, a gunman fired into the air in the market and then shot two traders, wounding both.",
     "Violence against civilians", "Attack", 3, 7),
    # militiamen said to come from a clan are its identity militia; militias that clash or battle with no one
    # else named fought each other
    ("On 7 May 2021, militiamen from the Baraawe clan shot at traders in a market, wounding a man.",
     "Violence against civilians", "Attack", 4, 7),
    ("On 7 May 2021, armed militias from two rival clans battled near the wells east of the town.",
     "Battles", "Armed clash", 4, 4),
    ("On 7 May 2021, clan militias clashed over grazing land near the river.", "Battles", "Armed clash", 4, 4),
    # a clash that "ensued between" two sides names them as "clashes between" does: demonstrators who fight the
    # police are a violent demonstration, families who fight with weapons identity militias
    ("On 8 May 2021, a clash ensued between demonstrators and police outside the parliament in Kathmandu.",
     "Riots", "Violent demonstration", 5, 1),
    ("On 7 May 2021, a gunfight ensued between the Haddad and Karam families in Baalbek. Both sides also fired "
     "rocket propelled grenades.", "Battles", "Armed clash", 4, 4),
    # … also when a bystander dies; "criminal groups" are gangs
    ("On 1 May 2021, criminal groups clashed near two villages in the hills, leaving a farmer dead.",
     "Battles", "Armed clash", 3, 3),
    # whose weapons were seized is the second side of a disrupted weapons use
    ("On 28 April 2021, gendarmes seized 8 hand grenades and a rifle allegedly belonging to the PKK near the border.",
     "Strategic developments", "Disrupted weapons use", 1, 2),
    # a gang handing out food changes what it does; a government's aid is no ACLED event (below)
    ("On 29 April 2021, members of a drug cartel delivered food packages to families in the town.",
     "Strategic developments", "Change to group/activity", 3, 0),
    # an armed group named among the words of what was struck ("PKK targets") is the second side
    ("On 7 May 2021, Turkish jets mounted airstrikes against PKK targets near Duhok, officials said.",
     "Explosions/Remote violence", "Air/drone strike", 8, 2),
    # stones thrown at the police by a crowd are a riot, with the police as the second side
    ("On 2 June 2021, rioters threw stones at police in the old town.", "Riots", "Mob violence", 5, 1),
    # people who fight the police riot, whatever organisation the place they are at is taken for
    ("On 2 May 2021, a fight broke out between police and shopkeepers in Sukkur city (Naushahro Feroze, Sindh) after "
     "police ordered the shops shut.", "Riots", "Mob violence", 5, 1),
    # a brawl or a scuffle is a fight
    ("On 2 May 2021, a brawl broke out between police and street vendors near the market.", "Riots", "Mob violence",
     5, 1),
    ("On 2 May 2021, police and street vendors scuffled near the market.", "Riots", "Mob violence", 5, 1),
    # a clash whose one side is named as split in two has that side on both sides
    ("On 3 May 2021, clashes erupted between two factions of the army near the palace, killing two civilians.",
     "Battles", "Armed clash", 1, 1),
    ("On 3 May 2021, two groups of farm workers clashed over water near the village.", "Riots", "Mob violence", 5, 5),
    # a side's own men hurt in a clash make the other side named with it the second side
    ("On 2 May 2021, army troops and NPA rebels clashed in the hills outside the town. Two army officers were "
     "wounded.", "Battles", "Armed clash", 1, 2),
    # a country named only as where the shelled places lie is no side of the shelling
    ("On 4 May 2021, army guns shelled farmland at the edge of a frontier district in northern Syria, officials "
     "said.", "Explosions/Remote violence", "Shelling/artillery/missile attack", 1, 0),
    # whom a demonstration makes demands of, or is against, is no side of it; the police it faced are
    ("On 3 May 2021, demonstrators blocked roads with burning tyres outside the town hall to demand food aid from "
     "the government.", "Riots", "Violent demonstration", 5, 0),
    ("On 3 May 2021, residents barricaded a highway with burning tyres in protest against the arrest of a local "
     "activist.", "Riots", "Violent demonstration", 5, 0),
    ("On 3 May 2021, demonstrators blocked roads with burning tyres in the capital to demand food aid from the "
     "government. Police fired tear gas to disperse them.", "Riots", "Violent demonstration", 5, 1),
    # a barricade with nothing burnt or thrown is a blockade, a peaceful protest (ACLED's codebook)
    ("On 3 May 2021, teachers barricaded the entrance of the education office to protest unpaid salaries.",
     "Protests", "Peaceful protest", 6, 0),
    # a crowd killing someone it accuses is mob violence, also when told in the passive with its agent last
    ("On 2 June 2021, villagers lynched two suspected cattle thieves near the market.", "Riots", "Mob violence", 5, 7),
    ("On 2 June 2021, two suspected cattle thieves were lynched and burned by villagers near the market.",
     "Riots", "Mob violence", 5, 7),
    # "planned" on an attack that was carried out says it was premeditated, not that it is still to come
    ("On 28 April 2021, insurgents staged a planned assault on an army base near Dolo.",
     "Battles", "Armed clash", 2, 1),
    # whoever attacked is the first side, also when the text tells the defenders beating the attack off
    ("On 4 May 2021, 15 insurgents were killed when army troops repulsed their attack near Kandahar.",
     "Battles", "Armed clash", 2, 1),
    ("On 4 May 2021, gunfire wounded two traffic officers beside the Kano bus station.",
     "Battles", "Armed clash", 3, 1),  # shot by no one named: an unidentified armed group
    ("Two armed groups exchanged fire near the border crossing.", "Battles", "Armed clash", 3, 3),
    # in a fight both sides take part in, the side the sentence names first is the first side, as ACLED writes it
    ("Gang members exchanged fire with police officers in the port district.", "Battles", "Armed clash", 3, 1),
    ("Police officers exchanged fire with gang members in the port district.", "Battles", "Armed clash", 1, 3),
    ("Militants threw a grenade at a police patrol and the officers opened fire in response.",
     "Battles", "Armed clash", 2, 1),
    ("Two groups of villagers clashed and threw stones at each other.",
     "Riots", "Mob violence", 5, 5),
    # a clash whose sides are only groups of people, unnamed and unarmed, is mob violence; named groups fight a battle
    ("On 27 April 2021, a fight between two groups broke out over a boundary wall in a village near Agra.",
     "Riots", "Mob violence", 5, 5),
    ("On 2 May 2021, a clash between the TKZ and MRB groups took place in a suburb of Lagos.",
     "Battles", "Armed clash", 3, 3),
    # people who clash with the police, no weapon named, riot; the rioters are the first side
    ("On 29 April 2021, a clash broke out between traders and police in Larkana over closing hours.",
     "Riots", "Mob violence", 5, 1),
    ("On 3 May 2021, street vendors clashed with police officers enforcing the curfew in Hebron.",
     "Riots", "Mob violence", 5, 1),
    # families, clans or tribes that fight armed are identity militias; members of named armed groups are no mob
    ("On 4 May 2021, fighting erupted between two armed families in Nawa.",
     "Battles", "Armed clash", 4, 4),
    ("On 2 May 2021, clan-based clashes erupted near Salahad, leaving dozens dead.", "Battles", "Armed clash", 4, 4),
    ("On 9 May 2021, heavy fighting broke out between members of the Falcon Brigade and the Eagle Division near "
     "Afrin.",
     "Battles", "Armed clash", 3, 3),
    # small arms beside mortars at army positions: a clash, not shelling from afar
    ("Separatist fighters fired mortars and small arms at army positions outside the village.",
     "Battles", "Armed clash", 2, 1),
    # explosions seen or heard from afar, no device named, are shelling; a named device stays one
    ("On 9 June 2021, international monitors recorded a total of 14 explosions of undetermined origin near a town.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", 3, 0),
    ("On 9 June 2021, residents heard a loud explosion when a car bomb went off near the market in Mogadishu.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", 3, 0),
    # a ground operation backed by aircraft is a clash, not an air strike
    ("An army raid, backed by air strikes, killed nine insurgents near the border on Monday.",
     "Battles", "Armed clash", 1, 2),
    # remote means make explosions/remote violence whoever dies
    ("A roadside bomb killed three soldiers on Monday.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", 3, 1),
    ("Government aircraft bombed a village, killing five civilians.",
     "Explosions/Remote violence", "Air/drone strike", 1, 7),
    ("A grenade was thrown into a crowded bar, wounding nine people.", "Explosions/Remote violence", "Grenade", 3, 7),
    ("Two soldiers were wounded when their truck was hit by an IED outside the base.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", 3, 1),
    ("Army engineers defused an improvised explosive device under the bridge.",
     "Strategic developments", "Disrupted weapons use", 1, 0),
    ("Masked men stabbed a street vendor to death in the market.", "Violence against civilians", "Attack", 3, 7),
    ("Unknown attackers carried out an arson attack on a textile factory overnight, causing heavy damage.",
     "Strategic developments", "Looting/property destruction", 3, 7),  # the property's owners: civilians
    ("Militants vandalised the district chief's residence on Friday.",
     "Strategic developments", "Looting/property destruction", 2, 7),
    # crowds: a peaceful march, tear gas on protesters, burning tyres, a mob
    ("Hundreds of nurses marched through the capital demanding higher pay.", "Protests", "Peaceful protest", 6, 0),
    # police who intervene in the next sentence are the demonstration's second side
    ("Hundreds of dockers blocked the harbour gate over pay cuts on Monday. Police intervened and removed them.",
     "Protests", "Protest with intervention", 6, 1),
    # an arrest the demonstrators protest against is their grievance, not an intervention
    ("Protesters gathered outside the court against the detention of three protesters.", "Protests",
     "Peaceful protest", 6, 0),
    ("A rally was held in the square against the arrest of five students.", "Protests",
     "Peaceful protest", 6, 0),
    # the police's part told later in the story, or the demonstrators' arrest told beside it, is an intervention
    ("Hundreds of miners marched to the governor's office on Monday. They chanted slogans about unpaid wages. "
     "They also blocked the avenue. Police later dispersed the crowd with water cannon.",
     "Protests", "Protest with intervention", 6, 1),
    ("Dozens of teachers protested outside the education office over unpaid salaries. Several arrests were made.",
     "Protests", "Protest with intervention", 6, 1),
    ("Hundreds of students protested in the capital on Monday. They were arrested for violating the curfew.",
     "Protests", "Protest with intervention", 6, 1),
    # one man's arrest, told as what the demonstration was about, is not the crowd's
    ("Journalists protested in the capital against the arrest of an editor. He was arrested on a tax charge.",
     "Protests", "Peaceful protest", 6, 0),
    # people who gather for purposes joined by "and", one of them a demand, protest
    ("A large group of farmers gathered outside the ministry to file a complaint and to pressure the government.",
     "Protests", "Peaceful protest", 6, 0),
    ("Taxi drivers staged a motorcade through the city to demand lower fuel prices.",
     "Protests", "Peaceful protest", 6, 0),
    ("Farm workers held pickets outside the packing plant on Monday.", "Protests", "Peaceful protest", 6, 0),
    # banging pots or chanting slogans is protesting whoever does it; a strike alone is not coded, a strike with a
    # march is a protest (the march, joined to the strike as one event, keeps its type)
    ("Residents banged pots against the governor as his motorcade passed.", "Protests", "Peaceful protest", 6, 0),
    ("Supporters of the senator gathered and chanted slogans outside the court.", "Protests", "Peaceful protest",
     6, 0),
    ("Bus drivers went on strike and marched to the transport ministry.", "Protests", "Peaceful protest", 6, 0),
    ("Police fired tear gas at hundreds of students who were protesting against fee increases.",
     "Protests", "Protest with intervention", 6, 1),
    ("Residents blocked the main road with burning tyres to protest power cuts.",
     "Riots", "Violent demonstration", 5, 0),
    ("Villagers beat a suspected thief to death.", "Riots", "Mob violence", 5, 7),
    ("Villagers demonstrated with stones and sticks outside the district office, demanding water.",
     "Riots", "Violent demonstration", 5, 0),
    # a body found with signs of violence is a killing by an unnamed armed group
    ("Residents discovered the bullet-riddled body of a taxi driver near the market.",
     "Violence against civilians", "Attack", 3, 7),
    ("Kidnappers abducted six pupils from a village school.",
     "Violence against civilians", "Abduction/forced disappearance", 3, 7),
    # territory: by whom it was taken
    ("Rebels overran an army base near the river on Sunday.", "Battles", "Non-state actor overtakes territory", 2, 1),
    ("Troops retook the town from the rebels on Friday.", "Battles", "Government regains territory", 1, 2),
    # sides the clause does not name: the armed actor named beside the event; the other side of a clash
    ("On 4 May 2021, soldiers raided a farm near Bamenda and an intense gunfight broke out.",
     "Battles", "Armed clash", 1, 3),
    ("On 5 May 2021, police officers went to a hillside district to arrest gang leaders. An intense shootout broke "
     "out.", "Battles", "Armed clash", 1, 3),  # … or in the sentence before, if it names forces
    # two states' forces: both sides, and the one fighting outside its own country external (8)
    ("On 4 May 2021, Sudanese and Ethiopian forces clashed near the Ethiopian border town of Metemma.",
     "Battles", "Armed clash", 8, 1),
    # the forces of a rival government are state forces to ACLED (the Houthis since 2016, Haftar's army), also when
    # named as their fighters; forces named as against them are not theirs
    ("On 5 May 2021, pro-Houthi fighters attacked pro-Hadi forces near Marib.", "Battles", "Armed clash", 1, 1),
    ("On 5 May 2021, government aircraft struck LNA positions near Sirte, killing nine fighters.",
     "Explosions/Remote violence", "Air/drone strike", 1, 1),
    ("On 5 May 2021, anti-Houthi militiamen ambushed an army patrol near Taiz.", "Battles", "Armed clash", 3, 1),
    # one person named by a demonym, and people a demonym describes, are civilians, not their state; security
    # personnel attacked off duty are civilians to ACLED
    ("On 2 May 2021, Israeli troops shot and wounded a Palestinian outside a bakery in Habla.",
     "Violence against civilians", "Attack", 8, 7),
    ("On 2 May 2021, an army patrol shot dead twelve Sudanese herders by a well.", "Violence against civilians",
     "Attack", 1, 7),
    ("On 4 May 2021, gunmen shot dead a soldier who was off duty near Balcad.", "Violence against civilians", "Attack",
     3, 7),
    # international forces and guards for hire are ACLED's external/other forces; a prison's guards are the state's
    ("On 4 May 2021, UN peacekeepers exchanged fire with militiamen near Beni.", "Battles", "Armed clash", 8, 3),
    ("On 4 May 2021, NATO aircraft bombed a compound in Helmand, killing two civilians.",
     "Explosions/Remote violence", "Air/drone strike", 8, 7),
    ("On 4 May 2021, a private security guard shot and wounded a customer outside a shopping mall in Lagos.",
     "Violence against civilians", "Attack", 8, 7),
    ("On 3 May 2021, coalition warplanes struck a weapons depot near Sanaa.", "Explosions/Remote violence",
     "Air/drone strike", 8, 0),
    ("On 4 May 2021, prison guards beat an inmate to death in Kampala.", "Violence against civilians", "Attack", 1, 7),
    # state forces abroad are external forces; a militia named for a people is an identity militia
    ("On 4 May 2021, Turkish troops shelled positions near the Syrian town of Tal Rifaat.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", 8, 0),
    ("On 4 May 2021, Fulani militiamen attacked farmers in Guma, Benue state, killing six.",
     "Violence against civilians", "Attack", 4, 7),
    ("On 28 April 2021, Fulani gunmen shot dead three farmers near Makurdi.", "Violence against civilians", "Attack",
     4, 7),
    ("On 4 May 2021, clashes erupted between Hayash tribesmen and government forces near Taffah.",
     "Battles", "Armed clash", 4, 1),
    # a label before a colon names no side: the troops of the clause after it are Turkey's, abroad
    ("Troop movements: On 2 May 2021, Turkish forces brought reinforcements to a base near Tal Tamer "
     "in Hasakah province.",
     "Strategic developments", "Change to group/activity", 8, 0),
    # herders, nomads or youths who take up arms are a community's armed men, not an unnamed armed group
    ("On 6 May 2021, armed herders burned two farming villages near Lafia, killing five residents.",
     "Violence against civilians", "Attack", 4, 7),
    ("On 6 May 2021, armed youths attacked a police post in Yirol, killing an officer.", "Battles", "Armed clash", 4, 1),
    # herders who kill are a community's armed men; herders killed are civilians
    ("On 6 May 2021, herders killed ten farmers in Guma, Benue state.", "Violence against civilians", "Attack", 4, 7),
    ("On 6 May 2021, gunmen killed two herders near Jos, Plateau state.", "Violence against civilians", "Attack",
     3, 7),
    # men who open fire are an armed group, not a mob; a village shelled with no one hurt has no civilian side
    ("On 4 May 2021, two men opened fire on a wedding party in Kano, killing four guests.",
     "Violence against civilians", "Attack", 3, 7),
    ("On 4 May 2021, the army shelled the village of Kumba. No one was hurt.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", 1, 0),
    # the Donbas separatist forces (2014-2022) are a rebel side, whatever they call their militia
    ("On 5 May 2020, Ukrainian troops shelled a Luhansk People's Militia post near Zolote with mortars.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", 1, 2),
    # soldiers or police attacked with sticks or stones by no armed group: mob violence
    ("On 7 May 2021, a police officer was beaten with sticks near the market in Bafang.",
     "Riots", "Mob violence", 5, 1),
    ("On 3 May 2021, soldiers near Bamenda engaged in a long fire fight with separatists.", "Battles", "Armed clash", 1, 2),
    # forces nobody can name, and forces that call themselves a resistance, are armed groups, not an army
    ("On 4 May 2021, unidentified forces clashed with police near Marib.", "Battles", "Armed clash", 3, 1),
    ("On 29 April 2021, unidentified militants shot and wounded two civilians in Kralgund.",
     "Violence against civilians", "Attack", 3, 7),
    ("On 4 May 2021, resistance forces shelled rebel positions near Taiz.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", 3, 2),
    # who brought the reinforcements, from the verb that carries the noun: troops abroad are external forces
    ("On 4 May 2021, Russian forces brought reinforcements to their base near Qamishli in Syria.",
     "Strategic developments", "Change to group/activity", 8, 0),
    # the dead and wounded of a blast nobody names as fighters are civilians; soldiers hit are state forces
    ("On 5 June 2021, a bomb exploded at the bus station, killing one and injuring two.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", 3, 7),
    ("On 5 June 2021, an IED hit an army convoy near the town, killing two.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", 3, 1),
    # soldiers killed in a clash the army fought: the army's own dead; the other side is who it fought
    ("On 30 May 2021, two soldiers were killed in clashes between the army and the rebels.",
     "Battles", "Armed clash", 1, 2),
    # a deal that ends fighting is an agreement, whoever signs it
    ("On 3 June 2021, the government and the rebels signed a peace agreement in the capital.",
     "Strategic developments", "Agreement", 1, 0),
    # a strike that aircraft carry out is an attack (one that workers hold is no ACLED event: below)
    ("On 7 June 2021, jets carried out a strike on the rebel base.", "Explosions/Remote violence",
     "Air/drone strike", 1, 2),
])
def test_the_codebook_decides_type_sub_type_and_sides(pipeline, text, event_type, sub_event_type, inter1, inter2):
    event = lead_acled(pipeline, text)
    code = event.acled
    assert (code.event_type, code.sub_event_type, code.inter1, code.inter2) == \
        (event_type, sub_event_type, inter1, inter2), event.decided_by
    assert code.interaction == interaction(inter1, inter2)
    assert event.decided_by["acled"].split(":")[0] in {r.id for r in load_codebook().rules}


@pytest.mark.parametrize("text, event_type, sub_event_type", [
    # the codebook's strategic developments: a prisoner exchange is an agreement; joining an armed group a change
    # of group ("joined the talks" is no such change)
    ("The army and the rebels exchanged prisoners at the river crossing on Sunday.", "Strategic developments",
     "Agreement"),
    ("Dozens of former soldiers joined the rebels in the northern hills.", "Strategic developments",
     "Change to group/activity"),
    ("The foreign minister joined the talks in Geneva on Monday.", None, None),
    # what demonstrators demand is their demonstration; a minister's demand is no ACLED event
    ("Hundreds of protesters in Basra demanded new elections on Monday.", "Protests", "Peaceful protest"),
    ("The minister demanded new elections on Monday.", None, None),
])
def test_strategic_developments_told_in_plain_words(pipeline, text, event_type, sub_event_type):
    events = pipeline.analyze(Document(id="t", text=text, published="2024-05-10")).events
    assert events and max(events, key=lambda e: e.confidence).acled.model_dump(include={"event_type", "sub_event_type"}) \
        == {"event_type": event_type, "sub_event_type": sub_event_type}


def test_arrests_at_a_protest_fold_into_it(pipeline):
    events = pipeline.analyze(Document(id="t", text="Police arrested 20 protesters at a rally against the new law.",
                                       published="2024-05-10")).events
    rally = next(e for e in events if e.trigger.text == "rally")
    arrest = next(e for e in events if e.trigger.text == "arrested")
    assert (rally.acled.event_type, rally.acled.sub_event_type) == ("Protests", "Protest with intervention")
    assert arrest.acled.event_type is None and arrest.cameo == "173"  # still a CAMEO arrest, no ACLED event


def test_an_arrest_of_people_told_taking_part_in_a_protest_folds_into_it(pipeline):
    """The protest is named only as what the arrested were doing: it is one protest with intervention."""
    text = ("On 1 May 2021, police detained four students taking part in a banned sit-in against the mayor in the "
            "city centre.")
    events = pipeline.analyze(Document(id="t", text=text, published="2024-05-10")).events
    protest = next(e for e in events if e.trigger.text == "sit-in")
    arrest = next(e for e in events if e.trigger.text == "detained")
    assert (protest.acled.event_type, protest.acled.sub_event_type) == ("Protests", "Protest with intervention")
    assert arrest.acled.event_type is None


def test_what_did_not_happen_gets_no_acled_type(pipeline):
    events = pipeline.analyze(Document(id="t", text="Rebels could attack the airport before the elections.",
                                       published="2024-05-10")).events
    attack = next(e for e in events if e.trigger.text == "attack")
    assert attack.modality == "hypothetical" and attack.acled.event_type is None
    assert attack.decided_by["acled"].startswith("acled.only_what_happened")


def test_interaction_codes_put_the_lower_category_first():
    assert (interaction(2, 1), interaction(3, 7), interaction(6, 0), interaction(1, 1)) == (12, 37, 60, 11)


@pytest.mark.parametrize("text", [
    "On 3 June 2021, government and opposition forces clashed on the outskirts of Idlib.",
    "On 3 June 2021, fighting broke out between government and opposition forces near Idlib.",
    # each part coded from its own words: the government's forces are no militia for "loyalist" beside them
    "On 3 June 2021, Syrian government and loyalist forces clashed with rebels near Idlib.",
])
def test_two_sides_named_before_one_noun_are_both_sides_of_a_clash(pipeline, text):
    event = lead_acled(pipeline, text)
    assert (event.acled.event_type, event.acled.inter1, event.acled.inter2) == ("Battles", 1, 2)


@pytest.mark.parametrize("text, inter1, inter2", [
    # what air strikes were aimed at, told by a participle after them, says whom they struck
    ("On 7 June 2021, French jets carried out air strikes targeting suspected jihadist hideouts in a forest near "
     "Gao.", 8, 2),
    # the owner of what a bomb was planted on was its target, not its doer
    ("On 7 June 2021, a bomb planted under a police car exploded in the centre of Kandahar city. No one was hurt.",
     3, 1),
])
def test_what_a_strike_was_aimed_at_gives_its_second_side(pipeline, text, inter1, inter2):
    event = lead_acled(pipeline, text)
    assert (event.acled.event_type, event.acled.inter1, event.acled.inter2) == \
        ("Explosions/Remote violence", inter1, inter2)


def test_a_people_named_as_owners_are_civilians_not_their_state(pipeline):
    event = lead_acled(pipeline, "On 5 May 2021, soldiers demolished two Armenian-owned shops on the outskirts of "
                                 "Shusha.")
    assert (event.acled.sub_event_type, event.acled.inter2) == ("Looting/property destruction", 7)


@pytest.mark.parametrize("text", [
    "On 7 May 2021, ANC and EFF members clashed outside the town hall in Durban.",
    "On 7 May 2021, two groups of Awami League supporters clashed with each other in Feni, leaving ten injured.",
])
def test_partisans_who_clash_unarmed_are_rioters_on_both_sides(pipeline, text):
    event = lead_acled(pipeline, text)
    assert (event.acled.event_type, event.acled.sub_event_type, event.acled.inter1, event.acled.inter2) == \
        ("Riots", "Mob violence", 5, 5)


def test_a_name_joined_to_another_names_group_noun_shares_it(pipeline):
    event = lead_acled(pipeline, "On 6 May 2021, armed clashes erupted between Bani Hushaish and Al Hamdani tribesmen "
                                 "in a market in Abyan, killing a bystander.")
    assert (event.acled.event_type, event.acled.inter1, event.acled.inter2) == ("Battles", 4, 4)


def test_partisans_of_an_armed_group_are_armed(pipeline):
    event = lead_acled(pipeline, "On 7 May 2021, Boko Haram members clashed with each other near Maiduguri.")
    assert event.acled.event_type == "Battles"


def test_phrases_allow_small_gaps_and_the_longest_wins(nlp):
    table = PhraseTable.build({"shelling": ["grenade launcher"], "grenade": ["grenade"], "riot": ["burn tyre"]})
    assert table.names_in(list(nlp("They fired grenade launchers at the post."))) == {"shelling"}
    assert table.names_in(list(nlp("A grenade hit the post."))) == {"grenade"}
    assert table.names_in(list(nlp("Youths burned old rubber tyres."))) == {"riot"}
    assert table.names_in(list(nlp("Youths burned the flag near a tyre shop."))) == set()


@pytest.mark.parametrize("text, inter1, inter2", [
    ("On 3 May 2021, in Recife, armed men exchanged fire with police officers during a patrol.", 1, 3),
    ("On 3 May 2021, in Recife, a fugitive exchanged fire with police officers in a raid to capture him.", 1, 3),
    ("On 3 May 2021, in Recife, armed men exchanged fire with police officers near the market.", 3, 1),
])
def test_forces_doing_what_they_set_out_to_do_are_the_first_side_of_a_clash(pipeline, text, inter1, inter2):
    event = lead_acled(pipeline, text)
    assert (event.acled.event_type, event.acled.inter1, event.acled.inter2) == ("Battles", inter1, inter2)


@pytest.mark.parametrize("text, sub_event_type", [
    ("On 8 May 2021, youths pelted the officers with stones near Jaipur, and the police answered with tear gas shells.",
     "Mob violence"),
    ("On 8 May 2021, the army fired artillery shells at a village near Jaipur.", "Shelling/artillery/missile attack"),
])
def test_a_shell_of_tear_gas_is_no_heavy_weapon(pipeline, text, sub_event_type):
    assert lead_acled(pipeline, text).acled.sub_event_type == sub_event_type


def test_rules_are_tried_in_order_and_unknown_sides_take_the_rule_default():
    book = load_codebook()
    code, rule = decide(Facts(acts={"attack"}, side1=0, side2=7), book)
    assert (code.event_type, code.inter1, code.inter2, rule) == ("Violence against civilians", 3, 7,
                                                                 "vac.attack_on_the_unarmed")
    code, rule = decide(Facts(acts={"attack"}, means={"air"}, side1=1, side2=2), book)
    assert (code.sub_event_type, rule) == ("Air/drone strike", "erv.air_or_drone_strike")
    code, rule = decide(Facts(acts={"visit"}), book)
    assert code.event_type is None and rule is None


def test_every_rule_has_a_unique_id():
    ids = [r.id for r in load_codebook().rules]
    assert len(ids) == len(set(ids)) and all(i.count(".") == 1 for i in ids)


@pytest.mark.parametrize("text", [
    "A 30-year-old man was killed in a car crash on the interstate on Thursday night.",
    "A man shot his neighbour during a domestic dispute on Friday and was charged with murder.",
    "Police arrested a 25-year-old man on burglary and theft charges; he was held in the county jail on bond.",
    "Officers seized marijuana and drug paraphernalia from a house on Elm Street.",
    "Deputies arrested a woman on an aggravated arson count after a house fire, the sheriff said.",
    "A man was sentenced to 20 years in prison on Monday for killing his business partner.",
    "A lineman was killed in an accidental electrocution while repairing a cable near the army base.",
    "A man shot a burglar who broke into his home on Friday night.",
    "The fans chanted the striker's name as the band banged drums behind the goal.",
    "Nurses at the two hospitals went on strike on Monday over unpaid overtime.",
    # an animal's attack is no political violence
    "On 4 June 2021, a swarm of bees attacked two hikers on the trail.",
    # a deal about money or trade, or one no party to a conflict makes, is no ACLED agreement
    "On 3 June 2021, the union and the carmaker reached an agreement on a new labour contract.",
    "On 3 June 2021, the two countries signed a trade agreement.",
    # a strike by workers, told by who holds it or who resumed it, is no attack
    "On 7 June 2021, teachers resumed their strike in the capital.",
    "On 7 June 2021, the nurses' strike entered its third week.",
])
def test_accidents_and_private_crimes_get_no_acled_type(pipeline, text):
    coded = [(e.trigger.text, e.acled.event_type) for e in
             pipeline.analyze(Document(id="t", text=text, published="2024-05-10")).events if e.acled.event_type]
    assert coded == []


@pytest.mark.parametrize("text, trigger, inter", [
    ("Gunmen shot and wounded the district police commander on Monday.", "shot", 1),
    ("An off-duty police officer was shot dead outside his home.", "shot", 1),
    ("Unknown attackers killed two of the militiamen guarding the road.", "killed", 3),
    ("Gunmen killed the wife of a police officer on Monday.", "killed", 0),
    ("Gunmen shot dead a shopkeeper in the market.", "shot", 0),
    # what a beating was done to is its object, not the checkpoint where it happened …
    ("Soldiers beat two traders at a checkpoint on Monday.", "beat", 0),
    # … but what is fired lands on the "at" object
    ("Rebels fired grenade launchers at army positions on Monday.", "fired", 1),
])
def test_the_words_naming_the_victim_give_its_category(pipeline, text, trigger, inter):
    from sitrep.events.acled import patient_side

    doc = pipeline.analyze(Document(id="t", text=text, published="2024-05-10")).doc
    token = next(t for t in doc if t.text == trigger)
    assert patient_side(token, load_codebook()) == inter


def test_the_means_of_another_event_in_a_sentence_that_refers_back_are_not_this_events(pipeline):
    text = ("An off-duty policeman shot dead the visiting trade envoy at a gallery in the capital on Monday. "
            "The assassination came after weeks of protests over the shelling of border villages.")
    events = pipeline.analyze(Document(id="t", text=text, published="2024-05-10")).events
    shooting = next(e for e in events if e.trigger.text == "shot")
    assert (shooting.acled.event_type, shooting.acled.sub_event_type) == ("Violence against civilians", "Attack")
    assert len(shooting.evidence) == 2  # the sentence that refers back is its evidence, not its means


def test_a_witness_is_not_the_doer_and_the_event_is_not_its_own_target(pipeline):
    def record(text):
        return pipeline.analyze(Document(id="t", text=text, published="2021-05-05")).record()

    seen = record("On 4 May 2021, OSCE monitors observed 20 explosions near Avdiivka.")
    assert any(a.name == "OSCE" for a in seen.actors)  # named, and no doer of what it saw
    assert [e.sources for e in seen.events if e.trigger and e.trigger.text == "explosions"] == [[]]
    told = record("On 4 May 2021, heavy artillery fire was reported near the airport of Tripoli.")
    fire = [e for e in told.events if e.trigger and "fire" in e.trigger.text]
    assert fire and fire[0].targets == []  # not "artillery", a word of the event itself


def test_a_currency_named_by_its_country_is_no_actor(pipeline):
    record = pipeline.analyze(Document(id="t", text="Traders protested in Beirut against the falling Lebanese pound "
                                       "and the rising US dollar exchange rate.", published="2021-05-05")).record()
    assert [a.name for a in record.actors if a.kind == "state"] == []
    assert [(e.acled.sub_event_type, e.acled.inter2) for e in record.events] == [("Peaceful protest", 0)]


def test_two_tellings_of_one_acled_event_are_one_event(pipeline):
    text = ("On 4 May 2021, border police clashed with rebels near the village of Kyauktaw. "
            "A police officer was injured.")
    record = pipeline.analyze(Document(id="t", text=text, published="2021-05-05")).record()
    coded = [e for e in record.events if e.acled.event_type]
    assert len(coded) == 1, [(e.trigger.text, e.acled.sub_event_type) for e in coded]
    clash = coded[0]
    names = {a.id: a.name for a in record.actors}
    assert ([names[s] for s in clash.sources], [names[t] for t in clash.targets]) == (["border police"], ["rebels"])
    assert len(clash.evidence) == 2 and clash.quantities["injured"].best == 1
    assert clash.decided_by["merge"].startswith("dedupe.one_acled_event")


def test_like_events_in_two_countries_stay_two():
    from sitrep.events.dedupe import Item, one_acled_event
    from sitrep.events.lexicon import load_lexicon
    from sitrep.models import AcledCode, Event, EventPlace, PloverCode

    kind = load_lexicon().types["kill"]

    def item(n, country, precision):
        event = Event(id=f"e{n}", plover=PloverCode(type="ASSAULT"), confidence=0.7,
                      acled=AcledCode(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED"),
                      place=EventPlace(name=country, lat=0.0, lon=0.0, precision=precision, country=country))
        return Item(event, kind, {n})

    assert one_acled_event(item(1, "KE", 3), item(2, "KE", 1))  # the country, then its town: one event
    assert not one_acled_event(item(1, "KE", 3), item(2, "TZ", 1))  # two countries: two events


def test_who_did_an_event_reported_in_the_passive_is_named_by_the_event_words(pipeline):
    # "X strikes were reported on Y": the reporting verb's subject is the strikes; their modifier did them
    record = pipeline.analyze(Document(id="t", text="On 2 June 2021, two Israeli air strikes were reported near a border "
                                       "crossing south of Rafah.", published="2021-06-03")).record()
    raids = [e for e in record.events if e.trigger and "strikes" in e.trigger.text]
    names = {a.id: a.name for a in record.actors}
    assert raids and [names[s] for s in raids[0].sources] == ["Israel"]
    assert raids[0].targets == []
    assert (raids[0].acled.inter1, raids[0].acled.inter2) == (8, 0)  # Israel's forces in Palestine


def test_a_toll_told_after_a_violent_event_is_what_it_did(pipeline):
    text = "Angry farmers pelted a police van with stones outside Nashik on Sunday. Two policemen were injured."
    record = pipeline.analyze(Document(id="t", text=text, published="2021-06-05")).record()
    coded = [e for e in record.events if e.acled.event_type]
    assert [(e.trigger.text, e.acled.sub_event_type, e.acled.inter1, e.acled.inter2) for e in coded] == [
        ("pelted", "Mob violence", 5, 1)]  # stones thrown by farmers: a riot, not an armed clash
    assert coded[0].quantities["injured"].best == 2
    assert coded[0].decided_by["merge"].startswith("dedupe.toll_of_the_event_before")


@pytest.mark.parametrize("day, code, inter1", [("3 May 2020", "AFGREB", 2), ("3 May 2023", "AFGGOV", 1)])
def test_an_undated_text_names_its_actors_as_of_the_day_it_tells(pipeline, day, code, inter1):
    # no publication date: "the Taliban" are read as of the day the text names (rebels before August 2021)
    text = f"On {day}, the Taliban attacked a police checkpoint in Kunduz province."
    analysis = pipeline.analyze(Document(id="t", text=text))
    taliban = next(a for a in analysis.actors if a.name == "Taliban")
    assert (taliban.code, taliban.acled_inter) == (code, inter1)
    event = max((e for e in analysis.events if e.acled.event_type), key=lambda e: e.confidence)
    assert event.acled.inter1 == inter1


def test_trading_fire_is_an_exchange_of_fire_not_trade(pipeline):
    code = lead_acled(pipeline, "On 6 May 2021, the two armies traded fire along the border north of the city.").acled
    assert (code.event_type, code.sub_event_type, code.inter1) == ("Battles", "Armed clash", 1)


def test_a_governments_aid_is_no_acled_event(pipeline):
    events = pipeline.analyze(Document(id="t", text="On 29 April 2021, the government delivered food aid to families "
                                       "in the north.", published="2024-05-10")).events
    assert events and all(e.acled.event_type is None for e in events)


def test_armed_groups_that_clash_among_themselves_are_both_sides_though_a_bystander_was_hurt(pipeline):
    # the boy hurt in the clash, told in the next sentence, is no side of it: the gangs fought each other
    text = ("On 3 June 2021, armed gangs clashed on the outskirts of Culiacan, Sinaloa. Residents said a boy was "
            "injured during the clash.")
    code = lead_acled(pipeline, text).acled
    assert (code.event_type, code.sub_event_type, code.inter1, code.inter2) == ("Battles", "Armed clash", 3, 3)


def test_forces_of_two_states_named_in_one_phrase_are_the_two_sides(pipeline):
    # one phrase names the doers of both sides; the second state's forces, fighting on the first's soil, are
    # external forces to ACLED
    text = "On 3 June 2021, troops of Armenia and Azerbaijan exchanged fire along the border near Sotk."
    code = lead_acled(pipeline, text).acled
    assert (code.event_type, code.sub_event_type, code.inter1, code.inter2) == ("Battles", "Armed clash", 1, 8)


@pytest.mark.parametrize("text, inter2", [
    # a victim told as a dealer of a cartel or a gang's member is one of an armed group's men: a battle …
    ("On 3 May 2021, gunmen in a car killed a suspected drug dealer outside a bar in Toluca, Mexico.", 3),
    ("On 3 May 2021, in Recife, Pernambuco, two gunmen on a motorbike killed a man outside his home. The victim had "
     "a record for drug trafficking.", 3),
    # … but not when the gang is only what the victim spoke of
    ("On 3 May 2021, in Recife, gunmen killed a nurse outside a clinic. The victim had been giving information "
     "about gang activity to police.", 7),
])
def test_a_victim_tied_to_organised_crime_is_an_armed_groups_man(pipeline, text, inter2):
    code = lead_acled(pipeline, text).acled
    expected = ("Battles", "Armed clash") if inter2 == 3 else ("Violence against civilians", "Attack")
    assert (code.event_type, code.sub_event_type, code.inter1, code.inter2) == (*expected, 3, inter2)


@pytest.mark.parametrize("text", [
    # two groups of people, none armed, fight each other: both are rioters, whoever was hurt
    "On 8 May 2021, supporters of the ruling party clashed with members of an opposition party in Kolwezi. Two "
    "opposition members were killed.",
    # … also when the first is a crowd
    "On 3 May 2021, residents of one village clashed with residents of a neighbouring village over grazing land "
    "near Kano.",
])
def test_unarmed_groups_that_clash_are_rioters_on_both_sides(pipeline, text):
    code = lead_acled(pipeline, text).acled
    assert (code.event_type, code.sub_event_type, code.inter1, code.inter2) == ("Riots", "Mob violence", 5, 5)


@pytest.mark.parametrize("text, inter2", [
    # the police who broke up a mob's attack are its second side to ACLED, whoever else the mob hurt …
    ("On 2 May 2021, a mob of about 100 villagers attacked the house of a local chief in Tema. Police arrived and "
     "dispersed the mob with tear gas.", 1),
    # … as are the police it went on to attack
    ("On 2 May 2021, a mob of about 100 villagers attacked the house of a local chief in Tema and then attacked the "
     "police.", 1),
    # a mob no force faced keeps its victims as the second side
    ("On 2 May 2021, a mob beat two suspected thieves in Tema.", 7),
])
def test_forces_that_faced_a_mob_are_its_second_side(pipeline, text, inter2):
    code = lead_acled(pipeline, text).acled
    assert (code.event_type, code.inter1, code.inter2) == ("Riots", 5, inter2)


def test_state_forces_are_external_where_the_text_names_only_another_country():
    """An event with no place of its own: the towns and areas the text names decide whether the forces
    are abroad (ACLED 8) — all in one other country, they are; none named, or one in their own, they are not."""
    from sitrep.events.acled import abroad
    from sitrep.models import AcledCode, Actor, Event, EventPlace, PloverCode

    none = AcledCode(event_type=None, sub_event_type=None)
    troops = Actor(id="a1", name="Turkish forces", country="TUR", sectors=["MIL"])
    placeless = Event(id="e1", plover=PloverCode(type="ASSAULT"), acled=none)
    assert abroad(troops, placeless, frozenset({"SYR"}))
    assert not abroad(troops, placeless, frozenset())
    assert not abroad(troops, placeless, frozenset({"SYR", "TUR"}))
    at_home = Event(id="e2", plover=PloverCode(type="ASSAULT"), acled=none,
                    place=EventPlace(name="Kilis", lat=36.7, lon=37.1, precision=1, country="TR"))
    assert not abroad(troops, at_home, frozenset({"SYR"}))
    assert not abroad(Actor(id="a2", name="villagers", country="SYR", sectors=["CVL"]), placeless,
                      frozenset({"IRQ"}))


@pytest.mark.parametrize("text, doer", [
    ("On 7 May 2021, a roadside bomb struck a police patrol outside Afgooye, wounding two officers. Al-Shabaab "
     "claimed responsibility.", "Al-Shabaab"),
    ("On 2 May 2021, two farmers were killed when their tractor hit a roadside bomb near Afgooye. Officials said "
     "al-Shabaab militants had planted the device.", "al-Shabaab militants"),
])
def test_the_group_an_attack_is_claimed_by_or_laid_to_is_its_source(pipeline, text, doer):
    """Who claimed the attack, or set its device, in a later sentence is the event's source, not only its ACLED
    category; the role says where it came from."""
    record = pipeline.analyze(Document(id="t", text=text, published="2021-05-10")).record()
    said = {a.id: [m.text for m in a.mentions] for a in record.actors}
    lead = max((e for e in record.events if e.acled.event_type), key=lambda e: e.confidence)
    assert len(lead.sources) == 1 and doer in said[lead.sources[0]]
    assert lead.decided_by["sources"].startswith("roles.claimed_or_laid_to")


def test_a_denied_planting_gives_the_attack_no_source(pipeline):
    text = "On 2 May 2021, a bomb killed four people in a Kabul market. The Taliban denied that its fighters had " \
           "planted the device."
    record = pipeline.analyze(Document(id="t", text=text, published="2021-05-10")).record()
    lead = max((e for e in record.events if e.acled.event_type), key=lambda e: e.confidence)
    assert lead.sources == []
