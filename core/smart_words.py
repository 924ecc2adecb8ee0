"""Word lists for the SMART coach (`core.smart`).

They live apart from the rules so the rules stay short and the lists can grow without
touching logic. Every word is lower case; contractions are expanded before lookup
("won't" -> "will not"), so the lists never need apostrophes except for possessives.
"""

from __future__ import annotations

from collections.abc import Iterable


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Phrases by their first word, so matching one at a word is a dict lookup, not a scan.
Phrases = dict[str, tuple[tuple[str, ...], ...]]


def _phrases(*phrases: tuple[str, ...]) -> Phrases:
    """Index phrases by first word, keeping their order (longer ones are listed first)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in out.items()}


def _forms(bases: Iterable[str]) -> frozenset[str]:
    """Each verb with its -s, -ing and -ed forms (over-generating is harmless for lookups)."""
    out: set[str] = set()
    for v in bases:
        stem = v[:-1] if v.endswith("e") else v
        out |= {v, v + "s", v + "es", v + "ing", stem + "ing", v + "ed", stem + "ed"}
        out |= {v + v[-1] + "ing", v + v[-1] + "ed"}  # jog -> jogging
        if v.endswith("y"):
            out |= {v[:-1] + "ies", v[:-1] + "ied"}
    return frozenset(out)


# Verbs that name something another person could see you do, whatever follows them.
_ALWAYS_CONCRETE = """
walk run jog hike swim bike cycle stretch dance sing hum whistle call phone ring text message
inhale exhale
email write journal draw paint sketch colour color doodle knit crochet sew bake cook eat drink
sip breathe meditate pray practice practise read listen watch visit meet hug smile wave thank
ask tell say share invite join attend volunteer tidy clean wash fold vacuum hoover sweep mop
dust declutter organize organise sort shower bathe brush floss garden weed lift sit stand nap
rest browse study review jot type post send buy shop pack unpack build chat talk
speak greet compliment stroll pet feed cuddle photograph record repeat recite ride climb row
skate ski surf squat exercise apply reply respond answer plant knead kneel name count list book
iron dress cuddle stroll hum play sleep
"""
ALWAYS_CONCRETE = _forms(_ALWAYS_CONCRETE.split()) | {
    "wrote", "written", "ran", "swam", "drew", "ate", "drank", "sang", "spoke", "met", "told",
    "said", "sat", "stood", "rode", "read", "built", "sent", "bought", "taught",
}

# Verbs that are concrete only with a real object ("take a shower", not "take care").
_WITH_OBJECT = (
    "take make do try use put set leave open help learn plan start begin finish enjoy see spend "
    "bring borrow light find fix repair schedule"
)
WITH_OBJECT = _forms(_WITH_OBJECT.split()) | {"took", "made", "did", "left", "began", "saw"}
# Verbs that are concrete only with their particle ("work out", not "work on myself").
_PHRASAL = {
    "work": "out", "turn": "off on", "check": "in on", "reach": "out", "sign": "up",
    "fill": "out in", "pick": "up", "look": "at", "wake": "up", "lie": "down",
    "step": "out outside", "warm": "up", "cool": "down", "hang": "out", "catch": "up",
    "lay": "out", "head": "out outside",
}
PHRASAL = {
    form: frozenset(parts.split()) for base, parts in _PHRASAL.items() for form in _forms([base])
}
HAVE_FORMS = _forms(["have"]) | {"had", "having"}
HAVE_OBJECTS = _words(
    """breakfast lunch dinner glass snack meal bath conversation chat cup coffee tea picnic shower
    walk"""
)
GO_FORMS = _forms(["go"]) | {"went", "gone", "gonna"}
GET_FORMS = _forms(["get"]) | {"got", "gotten", "getting"}

# "go to the gym" is an action; "go to be happy" is not a place.
PLACES = _words(
    """bed sleep school work church therapy class classes college uni university town bed yoga the
    gym a an my our one his her their this that mass temple mosque synagogue"""
)
GO_PARTICLES = _words(
    """for outside outdoors swimming walking running hiking jogging biking cycling dancing shopping
    fishing camping home upstairs downstairs"""
)
GET_PARTICLES = _words("up dressed outside outdoors")

# Objects too vague to make a verb concrete or a task countable.
VAGUE_OBJECTS = _words(
    """life best act anxiety depression stress mood mind feelings feeling emotions thoughts self
    confidence effort time change changes progress better more less things stuff everything
    anything something nothing health happiness control shape way head habits attitude outlook
    mindset problems issues fears fear worries sadness energy motivation balance goals dreams
    future potential bit hardest care sure lot difference harder hard it myself yourself how
    what whether why if fun routine schedule diet weight eating sleep lifestyle relationship
    relationships peace joy purpose meaning"""
)

DETERMINERS = _words(
    """a an the my your his her their our this that these those one some any each every no"""
)
# Determiners that make an object countable: "call a friend", "clean my room".
ONE_OFF_DETERMINERS = _words("a an one the my your his her their our this that")
# Words before a verb-looking word that show it is really a noun ("a walk", "my reading").
NOUN_CONTEXT = DETERMINERS | _words(
    """at of about in on for gentle short long quick slow little nice deep big small brisk good
    daily weekly nightly morning evening night first new favorite favourite fun easy relaxing
    guided hot warm cold minute minutes hour hours second phone bubble more less"""
)
PARTICLES = _words("down up out back off away over")
PREPOSITIONS_TO_OBJECT = _words("to with for")
GREETINGS = _words("thank thanks hi hello goodbye sorry yes no")
KIN = _words(
    """mom mum mam mother dad father parents grandma grandmother grandpa grandfather nan nana
    sister brother aunt uncle cousin son daughter kids wife husband partner boyfriend girlfriend
    friend neighbor neighbour therapist doctor"""
)

# Someone else's voice: "because my therapist said", "my partner wants me to".
PEOPLE = _words(
    """therapist therapists doctor doctors doc gp psychiatrist psychologist counselor counsellor
    nurse mom mum mam mother mommy dad father parents parent partner wife husband boyfriend
    girlfriend spouse fiance fiancee boss manager teacher coach family sister brother friend
    friends grandma grandmother grandpa grandfather aunt uncle worker"""
)
CROWD = _words("everyone everybody people society they")
SAYS = _words(
    """said says say told tells wants want wanted would expects expect expected thinks think
    thought asked asks suggested suggests recommended recommends insists insisted keeps made
    makes nags pushes forces orders advice prescribed"""
)
# Phrases showing the reason is the person's own (checked in the reason and in `why`).
OWN_REASON = _phrases(
    ("i", "want"), ("i", "would", "like"), ("i", "love"), ("i", "like"), ("i", "enjoy"),
    ("i", "care"), ("i", "miss"), ("i", "value"), ("i", "would", "love"), ("i", "believe"),
    ("i", "feel"), ("i", "deserve"), ("i", "am", "curious"), ("matters", "to", "me"),
    ("important", "to", "me"), ("means", "a", "lot"), ("helps", "me"), ("makes", "me"),
    ("for", "myself"), ("for", "me"), ("my", "own"),
)

REASON_MARKERS = _phrases(
    ("because",), ("cause",), ("cuz",), ("bc",), ("so", "that"), ("so", "i", "can"),
    ("so", "i", "could"), ("so", "i", "feel"), ("so", "i", "am"), ("so", "i", "have"),
    ("so", "i", "do"),
    ("so", "i", "will", "feel"), ("so", "i", "will", "be"), ("so", "my"),
    ("so", "we"), ("in", "order", "to"), ("since", "i"), ("since", "it"), ("as", "it"),
    ("which", "helps"),
)
ASIDE_MARKERS = _phrases(("even", "if"), ("even", "when"), ("even", "though"), ("even", "on"))
CUE_MARKERS = _phrases(
    ("the", "next", "time"), ("next", "time"), ("every", "time"), ("each", "time"),
    ("any", "time"), ("anytime",), ("whenever",), ("when",), ("if",), ("as", "soon", "as"),
    ("upon",), ("once",), ("after",), ("before",), ("while",), ("until",),
)
SUBJECTS = _words("i my we it the things someone people anxiety there you a")
# Cues that never arrive on their own ("when I have time").
VAGUE_CUES = _phrases(
    ("i", "have", "time"), ("i", "can"), ("i", "feel", "like", "it"), ("i", "am", "ready"),
    ("i", "get", "around"), ("possible",), ("i", "remember"), ("i", "am", "in", "the", "mood"),
    ("i", "get", "the", "chance"), ("i", "get", "a", "chance"), ("i", "find", "time"),
    ("i", "feel", "up", "to"), ("i", "have", "the", "energy"), ("i", "want", "to"),
    ("i", "have", "a", "moment"), ("i", "am", "not", "busy"), ("it", "suits"),
)
VAGUE_TIMES = _phrases(
    ("someday",), ("some", "day"), ("eventually",), ("soon",), ("one", "day"), ("sometime",),
    ("at", "some", "point"), ("one", "of", "these", "days"), ("in", "the", "future"),
    ("later",), ("some", "time"), ("at", "some", "stage"), ("in", "a", "while"),
    ("one", "of", "these"), ("sooner", "or", "later"), ("down", "the", "road"),
)

WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
WEEKDAY_PLURALS = frozenset(d + "s" for d in WEEKDAYS)
MONTHS = _words(
    """january february march april may june july august september october november december"""
)
_SAFE_MONTHS = MONTHS - {"may", "march"}  # the other two are also verbs
TIME_WORDS = _words(
    """today tonight tomorrow daily nightly weekly monthly everyday weekdays weeknights weekends
    weekend noon midnight bedtime lunchtime dinnertime naptime fortnightly weeknight"""
) | WEEKDAYS | WEEKDAY_PLURALS | _SAFE_MONTHS
PARTS_OF_DAY = _words("morning mornings afternoon afternoons evening evenings night nights")
PERIODS = _words(
    """day days night nights morning mornings afternoon evening week weeks weekend month months
    year weekday weekdays hour other"""
) | WEEKDAYS
AT_TIMES = _words(
    """noon midnight night bedtime lunch lunchtime breakfast dinner dinnertime sunrise sunset dawn
    dusk"""
)
BY_TIMES = _words(
    """tomorrow tonight today noon midnight end next this bedtime lunch lunchtime dinner
    breakfast"""
) | WEEKDAYS | MONTHS
NOT_AFTER_BEFORE = _words("that it while long then all everything anything this")
AM_PM = _words("am pm oclock o'clock")

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
}
COUNT_WORDS = frozenset(NUMBER_WORDS) | {"once", "twice", "thrice", "half", "couple", "dozen"}
UNIT_WORDS = _words(
    """minute minutes min mins hour hours hr hrs second seconds time times page pages step steps
    lap laps rep reps push pushups sit situps squat squats breath breaths glass glasses cup cups
    thing things person people friend friends mile miles km kilometre kilometres kilometer
    kilometers block blocks song songs chapter chapters word words sentence sentences item items
    piece pieces text texts message messages email emails call calls session sessions day days
    night nights morning mornings exercise exercises stretch stretches round rounds set sets
    question questions photo photos picture pictures drawing drawings line lines paragraph
    paragraphs poem poems compliment compliments affirmation affirmations bottle bottles serving
    servings walk walks run runs class classes video videos episode episodes"""
)
# Vague amounts: hard to count, so they never make a goal measurable on their own.
COMPARATIVES = _words(
    """more less fewer better often regularly frequently sometimes occasionally consistently lots
    much healthier harder earlier sooner longer faster"""
)
# Durations make "I will read" countable ("read for 10 minutes").
DURATION_VERBS = _words(
    """walk run jog hike swim bike cycle stretch dance sing meditate pray practice practise read
    journal write draw paint sketch colour color doodle knit crochet sew rest nap study exercise
    garden play listen tidy clean declutter"""
)

ABSOLUTE_PHRASES = _phrases(
    ("always",), ("never",), ("forever",), ("perfect",), ("perfectly",), ("perfection",),
    ("flawless",), ("flawlessly",), ("every", "single"), ("each", "and", "every"),
    ("all", "the", "time"), ("at", "all", "times"), ("100", "%"), ("100", "percent"),
    ("no", "matter", "what"), ("without", "fail"), ("without", "exception"),
    ("ever", "again"), ("rest", "of", "my", "life"), ("for", "good"), ("anymore",),
    ("any", "more"), ("every", "minute"), ("every", "waking"), ("all", "day", "every"),
    ("24", "/", "7"),
)
# Words that start a "not doing" goal.
NEGATIONS = _words("not never")
STOP_WORDS = _forms(["stop", "quit", "avoid", "refrain", "resist"]) | {"stopped", "quitting"}
# "stop by the shop" and "stop and breathe" are not about quitting.
STOP_PAUSE = _words("by at in for to and then , .")
GIVE_UP = _phrases(("give", "up"), ("gave", "up"), ("giving", "up"), ("cut", "out"), ("no", "more"))

CONTRACTIONS = {
    "won't": ("will", "not"), "wont": ("will", "not"), "can't": ("can", "not"),
    "cannot": ("can", "not"), "i'll": ("i", "will"), "i'm": ("i", "am"), "im": ("i", "am"),
    "i've": ("i", "have"), "i'd": ("i", "would"), "gonna": ("going", "to"),
    "wanna": ("want", "to"), "gotta": ("got", "to"), "it's": ("it", "is"),
}

_TOPICS = (
    ("worry worrying worried anxious anxiety panic nervous stress stressed overthinking fear "
     "scared", "When I notice I'm worrying, I will take 5 slow breaths."),
    ("phone scrolling scroll screen screens media tiktok instagram internet",
     "After dinner, I will put my phone in another room and read for 10 minutes."),
    ("smoke smoking smoked cigarettes vape vaping drinking alcohol beer wine craving cravings "
     "junk snacking sugar soda",
     "When I get a craving, I will drink a glass of water and walk for 5 minutes."),
    ("sleep sleeping tired bed late insomnia",
     "On weeknights, I will turn off screens and go to bed by 11 PM."),
    ("social lonely friends friend people alone isolated out",
     "I will text one friend to say hi this week."),
    ("myself confident confidence worth worthless proud ugly stupid hate",
     "Every night before bed, I will write down one thing I did well today."),
    ("sad depressed down low mood happy happier cry crying unhappy",
     "This week, I will walk outside for 10 minutes after lunch on 3 days."),
)
# Approach-style examples, picked by topic. Each is itself a SMART goal (tests check it).
TOPIC_EXAMPLES = tuple((_words(topic), example) for topic, example in _TOPICS)
# Words that cannot be the object of "take", "make", "try" ...: "try to be", "do more".
FUNCTION_WORDS = _words(
    """on in at for of about to from and or but by into than as so because if when then be feel get
    is are was more less too very really harder"""
)
PUNCT = frozenset(",;.!?:()%/-\"")
CLAUSE_BREAKS = frozenset(",;.!?()")
CUE_STOPS = _phrases(
    ("i", "will"), ("i", "would"), ("i", "shall"), ("i", "am", "going"), ("i", "plan"),
    ("i", "promise"), ("i", "commit"), ("i", "want"), ("i", "need"), ("then",),
)
THE_TIMES = _words("end weekend morning afternoon evening time start beginning")
EXTERNAL_I = _phrases(
    ("i", "should"), ("i", "am", "supposed"), ("i", "was", "told"), ("i", "have", "been", "told"),
    ("i", "am", "told"), ("i", "must"), ("i", "ought"), ("i", "was", "asked"),
)
# Activity nouns that read as a plan on their own: "yoga for 10 minutes every morning".
ACTIVITIES = _words("yoga pilates meditation journaling stretching gardening")
# Numbers that are figures of speech, not amounts.
IDIOMS = _phrases(("one", "step", "at", "a", "time"), ("one", "day", "at", "a", "time"))
CLOCK_WORDS = _words("at by until till before after around from :")
# Amounts that are about health, not effort: halving them would be bad advice.
NEVER_SHRINK = _words("sleep sleeping slept bed eat eating ate fast fasting")
NEVER_SHRINK_UNITS = _words(
    "meal meals snack snacks calories calorie cal cals kcal portion portions")
# In a breathing exercise most numbers are its rhythm ("in for 4, out for 8"): only
# these, right after their number, say how much.
BREATH_WORDS = _words("breathe breathing breath inhale inhaling exhale exhaling")
BREATH_AMOUNTS = _words(
    "breath breaths round rounds time times cycle cycles minute minutes min mins")
# A goal that keeps something within a limit: a smaller number would be stricter.
LIMIT_WORDS = _words("limit limits limited limiting cap capped max maximum under below fewer")
LIMITS = (("no", "more", "than"), ("not", "more", "than"), ("less", "than"), ("at", "most"),
          ("up", "to"), ("down", "to"), ("cut", "down"), ("cut", "back"), ("only",))
# Things people cut down on: halving the number would make the goal stricter too.
CONSUMPTION_WORDS = _words(
    """screen screens screentime phone tiktok instagram facebook youtube netflix scrolling
    gaming alcohol drinks beer beers wine pints pint coffee coffees caffeine cigarettes
    cigarette smokes vape vapes sweets chocolate takeaway takeaways media socials reddit
    twitter snapchat gambling betting"""
)
# Care from a professional: never changed by a rewrite, only given a step around it.
_CARE = (
    ("inhaler", "inhaler inhalers puffer puffers"),
    ("medicine", """pill pills tablet tablets meds medication medications medicine medicines
     dose doses dosage prescription prescriptions antidepressant antidepressants insulin
     injection injections lithium sertraline fluoxetine citalopram paracetamol ibuprofen
     painkillers laxatives vitamins supplements"""),
    ("appointment", """therapy therapist counselling counseling counsellor counselor
     psychiatrist psychologist appointment appointments gp doctor doctors physio
     physiotherapy physiotherapist clinic dentist nurse"""),
    ("treatment", """cpap bipap nebuliser nebulizer cream creams ointment drops patch patches
     glucose blood retainer splint brace hearing dialysis"""),
)
CARE_KINDS = tuple((kind, _words(words)) for kind, words in _CARE)
CARE_WORDS = frozenset().union(*(words for _, words in CARE_KINDS))
# Offered instead of coaching when a goal describes harm: small goals about staying safe
# or reaching out today. Each is itself a SMART goal (tests check it).
SAFE_GOALS = (
    "Today, I will text one person I trust to say I'm having a hard time.",
    "Tonight, I will put a help line's number in my phone's favourites.",
    "Today, I will fill in one part of my safety plan.",
    "When the urge to hurt myself comes, I will call or text a help line.",
)
CARE_STEPS = {
    "inhaler": "Tonight, I will put my inhaler next to my toothbrush so I see it in the morning.",
    "medicine": "Tonight, I will put my medicine next to my toothbrush so I see it in the morning.",
    "appointment": "Today, I will put my next appointment in my phone's calendar with a reminder.",
    "treatment": "Today, I will set a daily reminder on my phone for my treatment.",
}
# Words a verb can follow: "I will walk", "to call", "and breathe", "then stretch".
VERB_LEADERS = _words(
    """i you we will would shall can could must should to and or then also just still first
    finally not never always even let please go am is are be try start keep stop quit avoid
    finish enjoy like love begin practice help make get up out down outside but instead by
    before after me myself so"""
)
PRESSED = _phrases(("i", "have", "to"), ("i", "have", "got", "to"), ("i", "got", "to"))
