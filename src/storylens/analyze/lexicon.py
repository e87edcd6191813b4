"""Closed word lists the analysis rules rely on (general English and world knowledge).

Kept in one place so that rules read as logic and the vocabulary can grow without touching
them. Nothing here names a person or outlet of any corpus.
"""

from __future__ import annotations

#: Verbs that introduce speech, by inflected form -> lemma (the lemmatizer is disabled for speed).
_SPEECH_LEMMAS = {
    "say": "says said saying",
    "tell": "tells told telling",
    "add": "adds added adding",
    "state": "states stated stating",
    "explain": "explains explained explaining",
    "note": "notes noted noting",
    "warn": "warns warned warning",
    "insist": "insists insisted insisting",
    "argue": "argues argued arguing",
    "claim": "claims claimed claiming",
    "announce": "announces announced announcing",
    "confirm": "confirms confirmed confirming",
    "deny": "denies denied denying",
    "ask": "asks asked asking",
    "reply": "replies replied replying",
    "respond": "responds responded responding",
    "write": "writes wrote written writing",
    "declare": "declares declared declaring",
    "stress": "stresses stressed stressing",
    "acknowledge": "acknowledges acknowledged acknowledging",
    "admit": "admits admitted admitting",
    "concede": "concedes conceded conceding",
    "suggest": "suggests suggested suggesting",
    "predict": "predicts predicted predicting",
    "promise": "promises promised promising",
    "vow": "vows vowed vowing",
    "pledge": "pledges pledged pledging",
    "urge": "urges urged urging",
    "recall": "recalls recalled recalling",
    "complain": "complains complained complaining",
    "estimate": "estimates estimated estimating",
    "remark": "remarks remarked remarking",
    "comment": "comments commented commenting",
    "caution": "cautions cautioned cautioning",
    "contend": "contends contended contending",
    "maintain": "maintains maintained maintaining",
    "assert": "asserts asserted asserting",
    "allege": "alleges alleged alleging",
    "report": "reports reported reporting",
    "tweet": "tweets tweeted tweeting",
    "emphasise": "emphasises emphasised emphasising emphasizes emphasized emphasizing",
    "reiterate": "reiterates reiterated reiterating",
    "describe": "describes described describing",
    "accuse": "accuses accused accusing",
    "demand": "demands demanded demanding",
    "agree": "agrees agreed agreeing",
    "believe": "believes believed believing",
    "underline": "underlines underlined underlining",
    "fume": "fumes fumed fuming",
    "exclaim": "exclaims exclaimed exclaiming",
    "shout": "shouts shouted shouting",
    "plead": "pleads pleaded pleading",
    "boast": "boasts boasted boasting",
    "joke": "jokes joked joking",
    "quip": "quips quipped quipping",
    "lament": "laments lamented lamenting",
    "testify": "testifies testified testifying",
    "inform": "informs informed informing",
    "assure": "assures assured assuring",
    "reassure": "reassures reassured reassuring",
    "indicate": "indicates indicated indicating",
    "counter": "counters countered countering",
    "retort": "retorts retorted retorting",
    "hail": "hails hailed hailing",
    "mention": "mentions mentioned mentioning",
    "observe": "observes observed observing",
    "whisper": "whispers whispered whispering",
    "sigh": "sighs sighed sighing",
    "wonder": "wonders wondered wondering",
    "rage": "rages raged raging",
    "thank": "thanks thanked thanking",
    "praise": "praises praised praising",
    "call": "calls called calling",
    "criticise": "criticises criticised criticising criticizes criticized criticizing",
    "condemn": "condemns condemned condemning",
    "blame": "blames blamed blaming",
    "dismiss": "dismisses dismissed dismissing",
    "sum": "sums summed summing",
    "signal": "signals signalled signaled signalling signaling",
}
SPEECH_VERBS: dict[str, str] = {
    form: lemma for lemma, forms in _SPEECH_LEMMAS.items() for form in [lemma, *forms.split()]
}

#: Verbs whose grammatical subject may be a capital city standing for its government.
DECISION_VERBS = frozenset(
    "decide decided decides announce announced announces reject rejected rejects approve approved "
    "approves impose imposed imposes warn warned warns insist insisted insists demand demanded "
    "demands respond responded responds accuse accused accuses welcome welcomed welcomes "
    "condemn condemned condemns deny denied denies agree agreed agrees".split()
)

#: Head nouns of a role or title ("the deputy foreign minister", "a spokesperson").
ROLE_NOUNS = frozenset(
    """minister president spokesperson spokesman spokeswoman secretary director chief head chairman
    chairwoman chair ceo governor mayor senator ambassador commissioner officer general captain
    inspector superintendent judge chancellor adviser advisor analyst professor lawyer attorney
    manager leader founder owner official coordinator correspondent editor economist researcher
    doctor nurse engineer firefighter commander sheriff detective prosecutor representative deputy
    treasurer negotiator organiser organizer activist witness survivor resident worker councillor
    councilor lawmaker legislator mp premier king queen prince princess envoy diplomat
    administrator president-elect vice-president chairperson executive investigator scientist
    expert teacher principal pastor priest bishop colonel lieutenant sergeant major admiral
    marshal constable campaigner steward agent broker trader driver pilot captain-general
    spokespeople board member owner-operator mediator auditor regulator registrar clerk
    ombudsman magistrate counsel solicitor barrister consultant strategist director-general
    secretary-general commissioner-general head-teacher headteacher farmer coxswain grandmother
    grandfather mother father mum dad wife husband son daughter sister brother dyer machinist
    fisherman fishermen student pensioner shopkeeper volunteer landlord tenant neighbour neighbor
    astronomer surveyor chef baker builder electrician plumber miner docker dockworker
    shop-owner businessman businesswoman entrepreneur historian author novelist poet artist
    musician singer actor actress athlete coach player striker goalkeeper referee""".split()
)

#: Courtesy titles written before a name; not part of the name.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame rev rev. st st.".split())

GENDERED_ROLES = {
    "f": frozenset("spokeswoman chairwoman businesswoman mother grandmother wife sister daughter mum "
                   "actress queen princess widow aunt niece girl woman".split()),
    "m": frozenset("spokesman chairman businessman father grandfather husband brother son dad king "
                   "prince widower uncle nephew boy man".split()),
}
PERSONAL_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
SPEAKER_PRONOUNS = frozenset("he she they we i it".split())

#: Last words that mark a publication's name ("The Evening Post"), read by NER as a person.
OUTLET_SUFFIXES = frozenset(
    """post times gazette wire daily herald chronicle tribune journal news report telegraph guardian
    observer courier examiner standard mirror express record review bulletin dispatch monitor
    sentinel inquirer register press beacon weekly today magazine""".split()
)

#: Words that mark a name as an institution or a place, never a person.
INSTITUTION_WORDS = frozenset(
    """ministry department council union party bank company corp corporation inc ltd group agency
    committee court university college association service office police army force forces navy
    school hospital institute foundation commission parliament assembly senate
    centre center authority board federation organisation organization fund trust club church
    airport station plant factory mill mine works co llc plc league network alliance coalition
    front movement government administration embassy inspectorate brigade infirmary directorate
    secretariat tribunal bureau cabinet delegation textiles chemicals industries holdings
    systems observatory museum library gallery theatre theater stadium zoo laboratory clinic academy
    prison""".split()
)

#: Words that mark a name as a place, never a person.
PLACE_WORDS = frozenset(
    """republic kingdom states city county province region island islands river street road avenue
    bay port mount lake valley hill hills square lane quay harbour harbor bridge park""".split()
)

#: Demonyms -> the state they name (used where a demonym stands for the state's government).
DEMONYM_STATES = {
    "american": "United States", "british": "United Kingdom", "russian": "Russia",
    "chinese": "China", "french": "France", "german": "Germany", "ukrainian": "Ukraine",
    "japanese": "Japan", "indian": "India", "iranian": "Iran", "israeli": "Israel",
    "turkish": "Turkey", "italian": "Italy", "spanish": "Spain", "canadian": "Canada",
    "mexican": "Mexico", "brazilian": "Brazil", "australian": "Australia", "egyptian": "Egypt",
    "saudi": "Saudi Arabia", "syrian": "Syria", "iraqi": "Iraq", "afghan": "Afghanistan",
    "pakistani": "Pakistan", "korean": "Korea", "polish": "Poland", "dutch": "Netherlands",
    "swedish": "Sweden", "norwegian": "Norway", "greek": "Greece", "irish": "Ireland",
    "nigerian": "Nigeria", "kenyan": "Kenya", "south african": "South Africa",
}

#: Capitals used as metonyms for their state's government ("Washington said ...").
CAPITAL_STATES = {
    "washington": "United States", "moscow": "Russia", "beijing": "China", "london": "United Kingdom",
    "paris": "France", "berlin": "Germany", "kyiv": "Ukraine", "kiev": "Ukraine", "tokyo": "Japan",
    "tehran": "Iran", "ankara": "Turkey", "brussels": "European Union", "delhi": "India",
    "new delhi": "India", "ottawa": "Canada", "canberra": "Australia", "cairo": "Egypt",
    "riyadh": "Saudi Arabia", "damascus": "Syria", "baghdad": "Iraq", "islamabad": "Pakistan",
    "seoul": "South Korea", "pyongyang": "North Korea", "warsaw": "Poland", "rome": "Italy",
    "madrid": "Spain", "athens": "Greece", "dublin": "Ireland", "abuja": "Nigeria",
    "nairobi": "Kenya", "pretoria": "South Africa", "tel aviv": "Israel", "jerusalem": "Israel",
}

#: Short forms of states that NER does not expand ("US" and "United States" are one entity).
STATE_SHORT_FORMS = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "eu": "European Union", "e.u.": "European Union",
    "un": "United Nations", "u.n.": "United Nations", "uae": "United Arab Emirates",
}
