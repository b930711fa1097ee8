"""What a learner asks, read from their words alone: a week, a phase, what comes after or before, or a topic.

"what's on in week 14", "wk 12 topics", "weeks 3-4", "14th week" ask for the phase of a week; "phase 3" for a
phase, and so do "step 3", "stage 3" and "part 3" where the path's phases are numbered so (`Question.step`);
"what comes after databases", "next after week 12", "what should I learn before kubernetes" for the phase next
to the one that teaches a topic (or holds a week or phase). "this week", "next week" and "what's
next" count from the asker's current week; "when do I learn kubernetes", "which week is sql" for the phase that
teaches a topic; "does this path teach kafka" and "is kafka covered" ask the same. "what should I learn first",
"the final phase", "the last week of the path" ask for a path's first or last phase (`Question.end`); "month 2"
for weeks 5-8 (`Question.months`); "last week" for the week before the asker's; "where am I", "my current phase",
"the previous phase" for the asker's phase or the one before; "prerequisites for kubernetes" for what comes before
it. Anything else is a topic to search for.

German and Spanish are read by the same tables and patterns, whatever the asker's language: "woche 14",
"wochen 3 bis 4", "14. woche", "semana 14", "semanas 3 a 4", "fase 3"; "was kommt nach datenbanken", "vor
docker", "qué viene después de bases de datos", "antes de docker"; "diese woche", "nächste woche", "esta
semana", "la semana que viene"; "was kommt als nächstes", "qué sigue". Accents may be left out ("naechste",
"despues"). What comes after or before something is read in Portuguese, French and Indonesian too: "o que vem
depois de javascript", "antes do docker", "qu'est-ce qui vient après docker", "apa setelah database", "sebelum
docker". A week or phase in Chinese, Japanese, Korean or Russian is read as role files are ("第3週", "3주차",
"неделя 3", "этап 2": see `bot.content.phases.as_english`), and so are Chinese questions: "第14周学什么",
"第三阶段", "数据库之后学什么", "本周", "接下来学什么".
Pure: no index and no roles; `bot.content.answers` turns a question into hits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from bot.content.cjk import CJK
from bot.content.phases import DAY_WORDS, NUMBER_WORDS, ORDINAL_WORDS, ROMAN, WEEK_WORDS, as_english, roman_value

Kind = Literal["topic", "week", "phase", "after", "before", "when"]

_NUMBER_WORDS = NUMBER_WORDS[1:]  # one to twenty
_ORDINAL_WORDS = ORDINAL_WORDS
NUMBERS = {word: n for n, word in enumerate(_NUMBER_WORDS, 1)} | {w: n for n, w in enumerate(_ORDINAL_WORDS, 1)}

_NUM = rf"(\d{{1,3}}|{'|'.join(_NUMBER_WORDS)})"
# A phase's or a step's number may also be a Roman numeral ('phase II', 'stage iv'), which is no part of a longer
# word ('stage x-ray'). A lone 'i', 'v' or 'x' is a word too ('which stage i should start with'): it counts only at
# the end of the question or before its punctuation ('after stage I?').
_ROMAN_NUM = rf"(?:{ROMAN})(?![\w'’/-])(?:(?<=[ivx][ivx])|(?=\s*(?:$|[?!.,;:)])))"
_PHASE_NUM = rf"(\d{{1,3}}|{'|'.join(_NUMBER_WORDS)}|{_ROMAN_NUM})"
# "14th", and as German and Spanish write an ordinal: "14." ("14. Woche"), "3ª" ("3ª semana").
_ORD = rf"(?:(\d{{1,3}})(?:st|nd|rd|th|\.?[ªº]|\.)|({'|'.join(_ORDINAL_WORDS)}))"
# Between the two ends of a span: "3-4", "3 to 5"; "3 bis 4", "3 bis zur 5"; "3 a 4", "3 al 5", "3 a la 5"; "3 t/m 5",
# "3 tot en met 5".
_TO = (
    r"\s*(?:-|–|—|t/m\.?|tm|tot\s+en\s+met|tot|to|through|thru|until|till|and|&|\.\.|bis(?:\s+zur?)?|und"
    r"|a(?:l|\s+la)?|hasta(?:\s+la)?|y)\s*"
)
_WEEK = rf"(?:{WEEK_WORDS})\.?"  # the words a role file names a week in; "wk." too
_DAY = rf"(?:{DAY_WORDS})"  # the words a role file names a day in ('## Days 31-60: React')
_PHASE = r"(?:phase[ns]?|fases?)"
_NUMBER_SIGN = r"(?:number\s+|nummer\s+|n[úu]mero\s+|no\.?\s*|nr\.?\s*|#\s*)"


# The two patterns that spell out the number words take over a millisecond to compile: made on the first question.
@cache
def _week_span() -> re.Pattern[str]:
    """'week 14', 'wk12', 'weeks 3-4', 'week number 7', 'weeks 3 to week 5'; 'w14'; '14th week', 'first week'.

    Also 'woche 14', 'wochen 3 bis 4', '14. woche'; 'semana 14', 'semanas 3 a 4'.
    """
    return re.compile(
        rf"\b{_WEEK}\s*{_NUMBER_SIGN}?{_NUM}(?:{_TO}(?:{_WEEK}\s*)?{_NUM})?\b|\bw(\d{{1,3}})\b|\b{_ORD}\s+{_WEEK}\b"
    )


@cache
def _day_span() -> re.Pattern[str]:
    """'day 45', 'days 31-60', '45th day'; 'tag 45', 'día 45'."""
    return re.compile(rf"\b{_DAY}\s*{_NUMBER_SIGN}?{_NUM}(?:{_TO}(?:{_DAY}\s*)?{_NUM})?\b|\b{_ORD}\s+{_DAY}\b")


_MONTH = r"(?:months?|monate?|mes(?:es)?)"  # 'Month 2' is weeks 5-8, as a role file's months are read


@cache
def _month_span() -> re.Pattern[str]:
    """'month 2', 'months 2-3', '2nd month'; 'Monat 2', 'mes 2'."""
    return re.compile(rf"\b{_MONTH}\s*{_NUMBER_SIGN}?{_NUM}(?:{_TO}(?:{_MONTH}\s*)?{_NUM})?\b|\b{_ORD}\s+{_MONTH}\b")


@cache
def _phase_number() -> re.Pattern[str]:
    """'phase 3', 'phase number 2', 'phase III', 'third phase'; 'fase 3', 'die 3. Phase'."""
    return re.compile(rf"\b{_PHASE}\s*{_NUMBER_SIGN}?{_PHASE_NUM}\b|\b{_ORD}\s+{_PHASE}\b")


# A step of a plan, asked by number: 'step 4', 'stage 4', 'part 4', 'the fourth step'; German ('Schritt 4', 'Stufe 4',
# 'Teil 4') and Spanish ('paso 4', 'etapa 4', 'parte 4'), each with its English word.
STEP_WORDS = {
    **dict.fromkeys(("step", "steps", "schritt", "schritte", "paso", "pasos"), "step"),
    **dict.fromkeys(("stage", "stages", "stufe", "stufen", "etapa", "etapas"), "stage"),
    **dict.fromkeys(("part", "parts", "teil", "teile", "parte", "partes"), "part"),
    # the other series words a plan numbers its phases by ('## Module 2: React'), as `phases.read_series_heading`
    **dict.fromkeys(("module", "modules", "modul", "módulo", "modulo", "módulos", "modulos"), "module"),
    **dict.fromkeys(("unit", "units", "unidad", "unidades", "einheit"), "unit"),
    **dict.fromkeys(("lesson", "lessons", "lektion", "lección", "leccion"), "lesson"),
    **dict.fromkeys(("chapter", "chapters", "kapitel", "capítulo", "capitulo"), "chapter"),
    **dict.fromkeys(("level", "levels", "nivel", "niveles"), "level"),
    **dict.fromkeys(("sprint", "sprints"), "sprint"),
    **dict.fromkeys(("milestone", "milestones"), "milestone"),
}
_STEP = "(" + "|".join(sorted(STEP_WORDS, key=len, reverse=True)) + ")"


@cache
def _step_number() -> re.Pattern[str]:
    """'step 4', 'stage #4', 'part four', 'stage IV', 'the fourth step'; 'Schritt 4', 'paso 4'."""
    return re.compile(rf"\b{_STEP}\s*{_NUMBER_SIGN}?{_PHASE_NUM}\b|\b{_ORD}\s+{_STEP}\b")


# "this week", "next week's topics", "last week", "diese woche", "nächste woche", "letzte woche", "esta semana", "la
# semana que viene", "la semana pasada": a week counted from the asker's current one (group 1 or 2 is set for this
# week, 3 or 4 for the one before, none for the next). "The last week of the path" is its end (`_END`), no week before.
_NEXT = r"next|coming|n(?:ä|ae|a)chsten?|kommenden?|pr[óo]xima|siguiente"
_RELATIVE_WEEK = re.compile(
    rf"\b(?:(this|current|diese[mnrs]?|aktuellen?|esta)|(last|previous|past|prior|letzten?|vorigen?)|{_NEXT})"
    rf"\s+{_WEEK}(?:'s)?\b|\b{_WEEK}\s+(?:(actual)|(pasada|anterior)|siguiente|que\s+viene)\b"
)
# "the final phase", "last stage", "the last week of the path", "final week", "end of the course": the path's last
# phase. "last week" alone is the week before the asker's (`_RELATIVE_WEEK`); "the last week", or one "of" a path,
# is its end.
_UNITS = r"(?:phase|stage|step|part|module|unit|level|milestone|section|week|month|day)s?"
_END = re.compile(
    rf"\bfinal\s+{_UNITS}\b|\blast\s+(?!(?:week|month|day)s?\b){_UNITS}\b|(?<=\bthe\s)last\s+{_UNITS}\b"
    rf"|\blast\s+{_UNITS}(?=\s+(?:of|in|on)\b)|\b(?:the\s+)?end\s+of\b|\bthe\s+end\b"
    # German and Spanish: 'die letzte Phase', 'das Ende des Kurses'; 'la última fase', 'la fase final', 'el final del
    # curso' ('letzte Woche' and 'la semana pasada' are the week before: `_RELATIVE_WEEK`)
    r"|\b(?:letzte[nrs]?|finale[nrs]?)\s+(?:phase|stufe|etappe|teil|modul|abschnitt)\b|\bende\s+des\b"
    r"|\b[úu]ltim[oa]\s+(?:fase|etapa|parte|m[óo]dulo|paso|semana)\b|\b(?:fase|etapa)\s+final\b|\bfinal\s+del\b"
)
# Where a path starts, asked in German and Spanish: 'wo fange ich an', 'was lerne ich zuerst', '¿por dónde empiezo?',
# '¿qué aprendo primero?'.
_START_ELSEWHERE = re.compile(
    r"\b(?:wo|womit)\s+(?:fange|beginne|starte)\s+ich\b|\bzuerst\b"
    r"|\bpor\s+d[óo]nde\s+(?:empiezo|empezar|comienzo|comenzar|empiezo)\b|\bprimero\b"
)
# Words that, among filler, ask where a path starts: "what should I learn first", "where do I start", "where to
# begin", "what comes first".
_START_WORDS = frozenset({"where", "start", "begin", "starting", "beginning", "first"})
# Words that name a path as a whole: "the end of the course", "the last phase of the roadmap".
_PATH_WORDS = frozenset(
    {"path", "plan", "course", "program", "programme", "track", "roadmap", "curriculum", "journey"}
    | {"kurs", "kurses", "pfad", "pfads", "pfades", "lernpfad", "lernpfads", "curso", "ruta", "camino", "programa"}
)
_END_WORDS = frozenset({"final", "last", "end", "very", "ende", "letzte", "letzten", "última", "ultima", "último"})

# "what's next", "the next phase", "die nächste Phase", "la próxima fase": the phase after the asker's current one.
_PARTS = r"(?:phase|fase|stage|step|module|part)"
_NEXT_PHASE = re.compile(
    rf"\b(?:{_NEXT})\s+(?:phase|fase|stage|module)\b|\bfase\s+siguiente\b|\b(?:phase|stage)\s+after\s*$"
)
# "my current phase", "this stage", "where am I": the phase of the asker's week; "the previous phase", "the phase
# before": the one before it.
_CURRENT_PHASE = re.compile(rf"\b(?:this|current|my|present)\s+{_PARTS}\b|\bwhere\s+(?:am\s+i|are\s+we)\b")
_PREVIOUS_PHASE = re.compile(rf"\b(?:previous|prior|preceding)\s+{_PARTS}\b|\b(?:phase|stage)\s+before\s*$")
# Words that alone (among filler) ask what comes next: "what's next", "was kommt als nächstes", "qué sigue".
_NEXT_WORDS = frozenset({"next", "nächstes", "naechstes", "nachstes", "danach", "sigue", "después", "despues"})
# "after X", "what comes after X", "what follows X", "next after X", "prior to X"; "nach X", "vor X"; "después de
# X", "antes de X"; Portuguese "depois de X", "após X", "antes do X"; French "après X", "avant X"; Indonesian
# "setelah X", "sesudah X", "sebelum X": only after opening words.
_NEIGHBOUR = re.compile(
    r"\b(after|following|follows|before|precedes|preceding|prior\s+to|nach|vor|despu[ée]s\s+del?|antes\s+d(?:el|[aeo]s?)"
    r"|depois\s+d[aeo]s?|ap[óo]s|apr[èe]s|avant|setelah|sesudah|sebelum)\s+(.+)$"
)
# "prerequisites for kubernetes", "what are the prereqs of docker", "kubernetes prerequisites": what comes before it.
_PREREQUISITES = r"(?:pre-?requisites?|pre-?reqs?)"
_NEEDS_BEFORE = re.compile(
    rf"(?:(?:what\s+are|which\s+are|list)\s+)?(?:the\s+|my\s+)?{_PREREQUISITES}\s+(?:for|of|to|before)\s+(.+)$"
    rf"|(.+?)\s?(?:'s\s)?{_PREREQUISITES}\s?[?!.]*$"
)
_AFTER = frozenset(
    {"after", "following", "follows", "nach", "después", "despues", "depois", "após", "apos", "après", "apres"}
    | {"setelah", "sesudah"}
)
_PHASE_WORDS = frozenset({"phase", "phases", "phasen", "fase", "fases"})
# "when do I learn kubernetes", "when will we get to docker", "which week is sql", "in what phase do we cover
# testing"; "wann lerne ich docker", "in welcher woche kommt sql"; "cuándo aprendo docker", "en qué semana veo sql";
# "quand est-ce que j'apprends docker"; "quando estudo docker"; "kapan belajar docker": asks where a topic is in the
# plan. Only at the start of the question, its words before the topic filler ('when is the best time to learn go' is
# searched as typed).
_WHEN = re.compile(
    r"(?:(?:in|during|on|at|en|em|na)\s+)?"
    r"(?:when|wann|cu[áa]ndo|quand|quando|kapan"
    r"|(?:which|what|welche[mrs]?|qu[ée]|cu[áa]l|quel(?:le)?|qual)\s+(?:weeks?|phases?|stages?|steps?|parts?|months?"
    r"|wochen?|semanas?|fases?|etapas?|semaines?|[ée]tapes?|minggu|tahap))\b(.*)$"
)
# "does this path teach kafka", "do we cover graphql", "will we learn docker", "is kafka covered", "is sql part of
# the course": whether (and so where) the plan teaches a topic, answered as "when" is.
_COVERS = re.compile(
    r"(?:does|do|will|would|is|are)\s+(?:this|the|my|our|we|i|you|it)(?:\s+(?:path|course|plan|roadmap|program|track"
    r"|role))?\s+(?:teach|cover|include|learn|study|touch|get\s+to|go\s+over|talk\s+about)(?:es|s|ed|ing)?\s+(.+)$"
    r"|(?:is|are)\s+(.+?)\s+(?:covered|taught|included|part\s+of\s+(?:this|the|my)\s+\w+)(?:\s+\w+)*?[?!.]*$"
)
# Words of a "when" question that are no part of its topic: "when should I start on system design", "when do we get
# to docker", "wann fangen wir mit sql an", "cuándo empiezo con docker".
_WHEN_FILLER = frozenset(
    {"start", "starting", "begin", "beginning", "reach", "tackle", "hit", "est-ce", "que", "j'apprends", "apprends"}
    | {"weeks", "week", "phases", "stages", "stage", "steps", "months", "month", "woche", "wochen", "semana"}
    | {"fangen", "fange", "beginne", "beginnen", "empiezo", "empezamos", "empieza", "comienzo", "veo", "vemos"}
    | {"aprendemos", "estudamos", "aprendo", "apprend", "apprenons", "étudie", "etudie", "est", "ce", "j", "nous"}
    | {"an", "with"}
)
# "when I get stuck", "when we're done with python": a clause after "when", no question of it.
_CLAUSE_SUBJECTS = frozenset({"i", "we", "you", "i'm", "we're", "you're", "i've", "we've"})
# "when is the best time to learn go", "when is it a good idea to use redis": advice asked, searched as typed.
_WHEN_OPINION = frozenset({"best", "right", "good", "ideal", "time", "idea", "worth", "better"})
# "when to use nosql", "when should I use redis", "when do we choose kafka": advice on using a topic (roadmaps title
# sections so: 'When to use NoSQL'), not where the plan teaches it; searched as typed.
_WHEN_USE = frozenset({"use", "using", "choose", "prefer", "avoid"})
_BLANKS = re.compile(r"\s+")
_WORDS = re.compile(r"[^\W_]+")  # letters and digits, "ä" and "é" too
# Words that name no subject, even alone after "after": "what comes after that", "what's after this one".
_NO_SUBJECT = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "it", "its", "one", "my", "our", "your", "me", "us", "i"}
    | {"das", "der", "die", "dem", "den", "dies", "diese", "dieser", "el", "la", "lo", "los", "las", "esto", "eso"}
    | {"o", "os", "isso", "isto", "le", "les", "ça", "ceci", "cela", "ini", "itu", "now", "then", "next"}
    | {"all", "everything", "of", "alles", "von", "todo", "tudo", "tout"}  # "what comes after all of this"
)

# "how long is phase 3", "how many weeks do we spend on docker", "wie lange dauert Phase 2", "¿cuánto dura la fase
# 3?": how long a phase takes, answered with the phase (its weeks in its heading), or a topic, answered as "when" is
# (the phase that teaches it, with its weeks). Only at the start of the question.
_HOW_LONG = re.compile(
    r"(?:how\s+(?:long|many\s+(?:weeks|months|days)|much\s+time)|wie\s+(?:lange|viele\s+wochen)"
    r"|cu[áa]nt[oa]s?\s+(?:tiempo|duran?|semanas|meses))(?![\w-])(.*)$"  # not 'how long-term support works'
)
# Its verbs of lasting, which may end it: "how long does docker take?", "wie lange Docker dauert".
_TAKES = frozenset({"take", "takes", "last", "lasts", "dauert", "dauern", "dura", "duran", "tarda", "toma", "lleva"})
# Words of a "how long" question that are no part of its topic: "how long does it take to learn sql", "how many
# weeks do we spend on docker", "wie lange brauche ich für docker", "cuánto tiempo toma aprender sql".
_HOW_LONG_FILLER = (
    frozenset(
        {"taking", "spend", "spent", "learn", "learning", "study", "studying", "it", "will", "would", "need", "needed"}
        | {"brauche", "braucht", "brauchen", "lernen", "für", "tomará", "aprender", "necesito", "se", "tardo"}
        | {"really", "actually", "usually", "typically", "normally", "roughly", "approximately", "whole", "thing"}
        | {"until", "till", "before", "reach", "i'm", "we're"}  # "how long until I get to kubernetes"
    )
    | _TAKES
    | _NO_SUBJECT
)
# Words that ask a "how long" question of the whole path or of a learner's day or week ("how long is the frontend
# roadmap", "how long until I'm job-ready", "how long should I study each day"): no topic a phase teaches, so it is
# searched as typed.
_HOW_LONG_ELSEWHERE = frozenset(
    {"path", "paths", "roadmap", "course", "program", "programme", "curriculum", "bootcamp", "track", "plan", "role"}
    | {"career", "journey", "become", "becoming", "ready", "hired", "employable"}
    | {"per", "each", "every", "daily", "weekly", "day", "days", "hour", "hours"}
    | {"pfad", "lernpfad", "kurs", "programm", "ganze", "gesamte", "pro", "täglich", "jeden", "tag", "stunden"}
    | {"ruta", "curso", "camino", "programa", "entero", "por", "cada", "diario", "día", "dia", "horas"}
)
# Filler words that end the names of topics after a word of their own ('machine learning', 'linked list', 'internet
# of things', 'case study'): kept at the end of a subject after a word that is not filler.
_LAST_OF_NAMES = frozenset({"learning", "list", "things", "study"})
# Words that only frame a question: "what's on in week 14", "what do I study after databases".
FILLER = frozenset(
    [
        "a",
        "about",
        "all",
        "am",
        "an",
        "and",
        "any",
        "anything",
        "are",
        "at",
        "be",
        "but",
        "can",
        "comes",
        "come",
        "coming",
        "could",
        "cover",
        "covered",
        "covers",
        "covering",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "due",
        "during",
        "else",
        "every",
        "everything",
        "focus",
        "focused",
        "for",
        "get",
        "give",
        "go",
        "goes",
        "going",
        "happen",
        "happening",
        "happens",
        "has",
        "have",
        "i",
        "in",
        "into",
        "is",
        "it",
        "its",
        "learn",
        "learning",
        "list",
        "me",
        "module",
        "my",
        "need",
        "needed",
        "know",
        "next",
        "now",
        "of",
        "on",
        "once",
        "or",
        "our",
        "part",
        "path",
        "plan",
        "planned",
        "please",
        "right",
        "s",
        "scheduled",
        "section",
        "see",
        "should",
        "show",
        "step",
        "stuff",
        "study",
        "studying",
        "teach",
        "taught",
        "tell",
        "that",
        "the",
        "then",
        "there",
        "these",
        "things",
        "this",
        "those",
        "to",
        "topic",
        "topics",
        "track",
        "up",
        "us",
        "was",
        "we",
        "what",
        "whats",
        "when",
        "which",
        "will",
        "with",
        "work",
        "working",
        "would",
        "you",
        "your",
        "directly",
        "immediately",
        "just",
        "straight",
        "course",
        "program",
        "role",
        # German: "was steht in woche 14 an", "was sollte ich vor docker lernen", "was kommt als nächstes".
        "aber",
        "alle",
        "alles",
        "als",
        "an",
        "auf",
        "behandelt",
        "bei",
        "bin",
        "bitte",
        "da",
        "dann",
        "danach",
        "das",
        "dein",
        "deine",
        "deinem",
        "deinen",
        "deiner",
        "dem",
        "den",
        "denn",
        "der",
        "des",
        "dich",
        "die",
        "dir",
        "direkt",
        "dran",
        "drin",
        "du",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "eigentlich",
        "es",
        "folgen",
        "folgt",
        "für",
        "fuer",
        "gerade",
        "genau",
        "geht",
        "gib",
        "gibt",
        "gleich",
        "hab",
        "habe",
        "haben",
        "hat",
        "hier",
        "ich",
        "im",
        "inhalt",
        "inhalte",
        "ist",
        "kommen",
        "kommt",
        "kurs",
        "lern",
        "lerne",
        "lernen",
        "lernpfad",
        "lernpfads",
        "lernt",
        "mach",
        "mache",
        "machen",
        "macht",
        "mal",
        "man",
        "mein",
        "meine",
        "meinem",
        "meinen",
        "meiner",
        "mich",
        "mir",
        "mit",
        "muss",
        "müssen",
        "muessen",
        "nachstes",
        "naechste",
        "naechsten",
        "naechstes",
        "nächste",
        "nächsten",
        "nächstes",
        "noch",
        "oder",
        "pfad",
        "rolle",
        "sag",
        "sage",
        "sagen",
        "schritt",
        "sind",
        "so",
        "soll",
        "sollen",
        "sollte",
        "steht",
        "stehen",
        "teil",
        "thema",
        "themen",
        "über",
        "ueber",
        "um",
        "und",
        "uns",
        "unser",
        "unsere",
        "unmittelbar",
        "vom",
        "von",
        "was",
        "welche",
        "welchem",
        "welchen",
        "welcher",
        "welches",
        "werde",
        "werden",
        "wie",
        "wir",
        "wird",
        "wo",
        "zeig",
        "zeige",
        "zeigen",
        "zu",
        "zum",
        "zur",
        # Spanish: "qué toca en la semana 14", "qué viene después de bases de datos", "qué sigue".
        "ahora",
        "al",
        "aprende",
        "aprender",
        "aprendo",
        "aqui",
        "aquí",
        "como",
        "cómo",
        "con",
        "contenido",
        "contenidos",
        "cual",
        "cuál",
        "cuales",
        "cuáles",
        "cuando",
        "cuándo",
        "curso",
        "de",
        "debería",
        "deberia",
        "debo",
        "del",
        "después",
        "despues",
        "dime",
        "directamente",
        "el",
        "en",
        "enseñame",
        "ensename",
        "entonces",
        "es",
        "esta",
        "está",
        "estan",
        "están",
        "estudia",
        "estudiar",
        "estudio",
        "favor",
        "hace",
        "hacer",
        "hago",
        "hay",
        "justo",
        "la",
        "las",
        "lo",
        "los",
        "luego",
        "me",
        "mi",
        "mis",
        "muestra",
        "muestrame",
        "muéstrame",
        "nos",
        "o",
        "para",
        "parte",
        "paso",
        "por",
        "que",
        "qué",
        "rol",
        "ruta",
        "se",
        "sigue",
        "siguiente",
        "sobre",
        "son",
        "te",
        "temas",
        "tema",
        "tengo",
        "toca",
        "tocan",
        "toda",
        "todas",
        "todo",
        "todos",
        "tu",
        "tú",
        "tus",
        "un",
        "una",
        "unas",
        "unos",
        "va",
        "van",
        "ve",
        "veo",
        "ver",
        "viene",
        "vienen",
        "y",
        "yo",
        # Portuguese: "o que vem depois de javascript", "o que devo estudar antes do docker".
        "aprendo",
        "deveria",
        "devo",
        "estudar",
        "estudo",
        "eu",
        "isso",
        "na",
        "nas",
        "no",
        "nos",
        "pra",
        "preciso",
        "qual",
        "tem",
        "vem",
        "vêm",
        # French: "qu'est-ce qui vient après docker", "que dois-je apprendre avant kubernetes".
        "apprendre",
        "ce",
        "dois",
        "est",
        "étudier",
        "faire",
        "faut",
        "il",
        "je",
        "le",
        "les",
        "qu",
        "qui",
        "quoi",
        "vient",
        # Indonesian: "apa setelah database", "apa yang harus saya pelajari sebelum docker".
        "apa",
        "aku",
        "belajar",
        "dipelajari",
        "harus",
        "pelajari",
        "saya",
        "sebaiknya",
        "yang",
    ]
)


@dataclass(frozen=True, slots=True)
class Question:
    """A query, read: what kind of question it is and what it is about."""

    kind: Kind
    # What to search for: the query, or what the phase after or before teaches ("databases"); also when the
    # words beside a week or phase do not name a path ("Phase 3: Databases (Weeks 13-18)" is a title).
    topic: str = ""
    weeks: tuple[int, int] | None = None  # the week or weeks asked about (first, last)
    phase: int | None = None  # the phase number asked about
    relative: int | None = None  # instead of weeks: "this week" 0, "next week" 1, from the asker's current week
    rest: str = ""  # beside a week or phase, the words that are not filler: they may name a path
    text: str = ""  # the query as typed
    days: tuple[int, int] | None = None  # the day or days asked about, when asked in days (`weeks` holds theirs)
    # A phase asked for as a step, stage or part: its word as typed and its number, as a heading's label would be
    # ('step 4', 'paso 4'). It is phase N on a path whose phases are numbered so, unless a heading is labelled
    # that (`bot.content.answers`).
    step: str = ""
    # A phase asked for by where it stands: "first" ('what should I learn first', 'where do I start') or "last" ('the
    # final phase', 'the last week of the path'): the path's first or last phase, whatever its number.
    end: str = ""
    # The month or months asked about ('month 2'), when asked in months: `weeks` holds theirs (four a month, as a role
    # file's months are read), unless a heading is labelled that month (`bot.content.answers`).
    months: tuple[int, int] | None = None


# Chinese questions are read as their English words: '第14周学什么' (what is on in week 14), '第三阶段',
# '数据库之后学什么' (what comes after databases), 'Docker 之前要学什么' (before), '本周' and '下周' (this and next
# week), '接下来学什么' (what's next).
_ZH_NEXT = re.compile(r"(?:接下来|下一步)(?:(?:要|应该)?学(?:习)?(?:什么|啥))?|接下来呢")
_ZH_FILLER = re.compile(r"\s*(?:(?:要|应该|需要)?(?:学习?|讲|有|做|看)(?:些)?(?:什么|啥)|的内容|呢)\s*$")
_ZH_NEIGHBOUR = re.compile(r"(?P<subject>.+?)\s*(?P<which>之后|以后|后面|之前|以前)\s*")
# '什么时候学数据库', '数据库什么时候学', '哪一周学数据库' (when do I learn databases, which week is it in).
_ZH_WHEN = re.compile(
    r"(?:什么时候|何时|哪一?周|哪个阶段)(?:学习?|讲|学到)?(?P<after>.+)"
    r"|(?P<before>.+?)(?:什么时候|何时|在哪一?周|在哪个阶段)(?:学习?|讲)?"
)
_ZH_WEEKS = (
    *(("下一周", "next week"), ("下周", "next week")),
    *(("这一周", "this week"), ("本周", "this week"), ("这周", "this week")),
)


def _from_chinese(query: str) -> str:
    """Return a Chinese question in the English words `read_question` reads, else the query as it is."""
    text = query.strip().rstrip("?？!！。 ")
    if _ZH_NEXT.fullmatch(text):
        return "what's next"
    when = _ZH_WHEN.fullmatch(_ZH_FILLER.sub("", text))  # before '一周' is read as 'week 1'
    if when is not None and (subject := (when.group("after") or when.group("before")).strip()):
        return f"when do i learn {subject}"
    for said, meant in _ZH_WEEKS:
        text = text.replace(said, f" {meant} ")
    text = _ZH_FILLER.sub("", as_english(text)).strip()
    neighbour = _ZH_NEIGHBOUR.fullmatch(text)
    if neighbour is not None:
        which = "after" if neighbour.group("which") in ("之后", "以后", "后面") else "before"
        return f"what comes {which} {neighbour.group('subject').strip()}"
    return text


def read_question(query: str, *, chinese: bool = True) -> Question:
    """Read what a query asks: a week, a phase, the phase after or before something or teaching it, or a topic;
    `chinese`: also read as a Chinese question (once: its English words are not read so again)."""
    if chinese and not query.isascii() and CJK.search(query) and (english := _from_chinese(query)) != query:
        read = read_question(english, chinese=False)
        if read.kind != "topic":  # else the Chinese words are searched as they are
            return replace(read, text=query)
    text = _normal(query)
    if _asks_whats_next(text):
        return Question("after", query, relative=0, text=query)
    needs = _NEEDS_BEFORE.match(text)
    # 'kubernetes prerequisites', not 'what comes after prerequisites' (a question of its own about them)
    asks_needs = needs is not None and (needs.group(1) or _NEIGHBOUR.search(text) is None)
    if needs is not None and asks_needs and _trim(subject := needs.group(1) or needs.group(2)):
        text = f"before {subject}"
    neighbour = _NEIGHBOUR.search(text)
    if neighbour and _only_filler(text[: neighbour.start()]):
        kind: Kind = "after" if neighbour.group(1).split()[0] in _AFTER else "before"
        subject = neighbour.group(2).split(",")[0]
        # A subject of framing words alone may be a phase's title ('## Phase 1: Learn'): then its words are the topic
        topic = _trim(subject) or " ".join(
            w for w in _WORDS.findall(subject) if w not in _PHASE_WORDS and w not in _NO_SUBJECT
        )
        anchor = _week_or_phase(subject) or _end_of_path(subject)  # 'after week 12', 'after the final phase'
        if anchor is not None:
            return replace(anchor, kind=kind, topic=topic, text=query)
        if _CURRENT_PHASE.search(subject):  # 'after this phase', 'before my current stage': next to the asker's
            return Question(kind, query, relative=0, text=query)
        if topic:
            return Question(kind, topic, text=query)
    for pattern, asked in ((_CURRENT_PHASE, "week"), (_PREVIOUS_PHASE, "before")):
        found = pattern.search(text)
        if found is not None:  # beside it, words that are not filler may name a path ('my current phase of backend')
            rest = " ".join(w for w in _rest(text, found).split() if w not in _PATH_WORDS)
            return Question(asked, query, relative=0, rest=rest, text=query)
    how_long = _HOW_LONG.match(text.lstrip("¿¡\"'“ "))
    if how_long is not None and (asked := _how_long(how_long.group(1))) is not None:
        return replace(asked, topic=asked.topic or query, text=query)
    end = _end_of_path(text)
    if end is not None:
        return replace(end, topic=query, text=query)
    anchor = _week_or_phase(text)
    if anchor is not None:
        return replace(anchor, topic=query, text=query)
    when = _WHEN.match(text.lstrip("¿¡\"'“ "))  # '¿cuándo aprendo docker?'
    if when is not None and _asks_where(when) and (topic := _when_topic(when.group(1))):
        return Question("when", topic, text=query)
    covers = _COVERS.match(text.lstrip("¿¡\"'“ "))
    if covers is not None and (topic := _when_topic(covers.group(1) or covers.group(2))):
        return Question("when", topic, text=query)
    return Question("topic", query, text=query)


def _how_long(subject: str) -> Question | None:
    """Read what a "how long" question asks about (`subject`: its words after "how long"): a phase, or where a
    topic is taught; None for anything else (a week, the whole path, a day, no subject), which is searched as typed."""
    anchor = _week_or_phase(subject)
    if anchor is not None:
        if anchor.kind != "phase":
            return None
        # beside the phase, the words that are not the question's own may name a path ('phase 3 of frontend')
        rest = " ".join(w for w in anchor.rest.split() if w not in _HOW_LONG_FILLER)
        return replace(anchor, rest=rest)
    if not _HOW_LONG_ELSEWHERE.isdisjoint(_WORDS.findall(subject)):
        return None
    words = subject.split()
    while words and (words[0] in _HOW_LONG_FILLER or words[0] in FILLER or words[0] in _WHEN_FILLER):
        words.pop(0)
    while words and words[-1].rstrip("?!.,") in _TAKES:  # 'how long does docker take?'
        words.pop()
    topic = _when_topic(" ".join(words))
    return Question("when", topic) if topic else None


def _asks_where(when: re.Match[str]) -> bool:
    """Say whether words `_WHEN` matched ask where in the plan a topic is: not a clause ("when I get stuck on
    recursion", where a question puts its verb first: "when do I"), nor what a topic holds or needs ("what parts of
    python matter", "what steps to take")."""
    first = next(iter(when.group(1).split()), "")
    opener = when.string[when.start() : when.start(1)].split()[-1]
    if opener == "when":
        return first not in _CLAUSE_SUBJECTS
    return not (opener.endswith("s") and first in ("of", "to"))


def _when_topic(subject: str) -> str:
    """Return the topic a "when" question asks about: its words past the framing ones ("do i learn", "will we get
    to"), trimmed as `_trim` does; "" when none is left."""
    words = subject.split()
    while words and (words[0] in FILLER or words[0] in _WHEN_FILLER or words[0] in _PHASE_WORDS):
        words.pop(0)
    if words and (words[0] in _WHEN_OPINION or words[0] in _WHEN_USE):
        return ""
    return _trim(" ".join(words))


def _normal(query: str) -> str:
    # Composed accents ("é" as one letter), so a question typed on any keyboard reads the same; one blank between
    # words, so a pattern's blanks never backtrack over a long run of them.
    text = unicodedata.normalize("NFC", query).lower().replace("’", "'").replace("‘", "'")
    return _BLANKS.sub(" ", text).strip()


# Spans of weeks written short: 'week 3/4' (weeks 3-4, as a role file's 'Week 10/11'; 'week 3/12' is week 3 of 12),
# 'w3-w4', 'w3/w4', 'w3-4'.
_WEEK_SLASH = re.compile(rf"\b({_WEEK})\s*(\d{{1,3}})\s*/\s*(\d{{1,3}})\b")
_SHORT_WEEKS = re.compile(r"\bw(\d{1,3})\s*(?:-|–|/|to)\s*w?(\d{1,3})\b")


def _written_out(text: str) -> str:
    """Return text with its spans of weeks written short ('week 3/4', 'w3-w4') written out ('weeks 3-4')."""

    def slash(found: re.Match[str]) -> str:
        first, second = int(found.group(2)), int(found.group(3))
        return f"weeks {first}-{second}" if second == first + 1 else f"week {first}"

    return _SHORT_WEEKS.sub(r"weeks \1-\2", _WEEK_SLASH.sub(slash, text))


def _week_or_phase(text: str) -> Question | None:
    """Read a week, span of weeks or phase number in text, with the words beside it that are not filler."""
    # '3주차', 'неделя 3', '第3週', 'этап 2', 'hafta 5', 'tydzień 3': in the words role files are read in
    text = _written_out(as_english(text).lower())
    found = _week_span().search(text)
    if found is not None:
        first, last, short, ordinal, ordinal_word = found.groups()
        weeks = _counted(first or short or ordinal or ordinal_word, last)
        return Question("week", weeks=weeks, rest=_rest(text, found))
    found = _day_span().search(text)
    if found is not None:
        first, last, ordinal, ordinal_word = found.groups()
        days = _counted(first or ordinal or ordinal_word, last)
        weeks = ((days[0] + 6) // 7, (days[1] + 6) // 7)  # the weeks those days fall in, as a role file's days
        return Question("week", weeks=weeks, rest=_rest(text, found), days=days)
    found = _month_span().search(text)
    if found is not None:
        first, last, ordinal, ordinal_word = found.groups()
        months = _counted(first or ordinal or ordinal_word, last)
        weeks = (4 * months[0] - 3, 4 * months[1])
        return Question("week", weeks=weeks, rest=_rest(text, found), months=months)
    found = _phase_number().search(text)
    if found is not None:
        number, ordinal, ordinal_word = found.groups()
        return Question("phase", phase=_number(number or ordinal or ordinal_word), rest=_rest(text, found))
    found = _step_number().search(text)
    if found is not None:
        word, number, ordinal, ordinal_word, said = found.groups()
        n = _number(number or ordinal or ordinal_word)
        return Question("phase", phase=n, rest=_rest(text, found), step=f"{word or said} {n}")
    found = _RELATIVE_WEEK.search(text)
    if found is not None:
        this, before = found.group(1) or found.group(3), found.group(2) or found.group(4)
        return Question("week", relative=0 if this else -1 if before else 1, rest=_rest(text, found))
    return None


def _end_of_path(text: str) -> Question | None:
    """Read a question about where a path starts or ends ('what should I learn first', 'the final phase'), with the
    words beside it that are not filler (they may name a path); None for any other."""
    found = _END.search(text)
    if found is not None:
        words = [w for w in _WORDS.findall(text[: found.start()] + " " + text[found.end() :]) if w not in FILLER]
        # 'the end of the course', 'end of backend': not 'the end' alone, no end of anything
        alone = "end" in found.group() or "final del" in found.group()
        if alone and not words and _PATH_WORDS.isdisjoint(_WORDS.findall(text[found.end() :])):
            return None
        rest = [w for w in words if w not in _PATH_WORDS and w not in _END_WORDS]
        return Question("phase", end="last", rest=" ".join(rest))
    words = [w for w in _WORDS.findall(text) if w not in FILLER]
    asked = {"first"} & set(words) or ({"where"} & set(words) and len(set(words) & _START_WORDS) > 1)
    elsewhere = _START_ELSEWHERE.search(text)
    if elsewhere is not None:  # 'wo fange ich an': its words are the question's
        around = text[: elsewhere.start()] + " " + text[elsewhere.end() :]
        asked, words = True, [w for w in _WORDS.findall(around) if w not in FILLER and w not in _WHEN_FILLER]
    if not asked or _week_or_phase(text) is not None:  # 'the first week' is week 1
        return None
    rest = [w for w in words if w not in _START_WORDS and w not in _PATH_WORDS]
    return Question("phase", end="first", rest=" ".join(rest))


def read_days(text: str) -> tuple[int, int] | None:
    """Return the days a text names ('Days 31-60: React' is (31, 60)), first and last; None when it names none."""
    found = _day_span().search(_normal(text))
    if found is None:
        return None
    first, last, ordinal, ordinal_word = found.groups()
    return _counted(first or ordinal or ordinal_word, last)


def _counted(first: str, last: str | None) -> tuple[int, int]:
    """Return the first and last of a span asked about ('weeks 3-4', 'week 4-3', 'day 5'), in order."""
    start = _number(first)
    end = _number(last) if last else start
    return min(start, end), max(start, end)


def _number(text: str) -> int:
    """Return the number of digits, a number word ('three', 'third') or a Roman numeral ('iii')."""
    if text.isdigit():
        return int(text)
    return NUMBERS[text] if text in NUMBERS else roman_value(text)


def _rest(text: str, found: re.Match[str]) -> str:
    """Return the words of text around a match that are not filler."""
    return " ".join(w for w in _WORDS.findall(text[: found.start()] + " " + text[found.end() :]) if w not in FILLER)


def _asks_whats_next(text: str) -> bool:
    """Say whether text only asks what comes next: "what's next?", "the next phase", "qué sigue"."""
    found = _NEXT_PHASE.search(text)
    if found is not None:
        return _only_filler(text[: found.start()] + " " + text[found.end() :])
    return not _NEXT_WORDS.isdisjoint(_WORDS.findall(text)) and _only_filler(text)


def _only_filler(text: str) -> bool:
    return all(w in FILLER for w in _WORDS.findall(text))


def _trim(subject: str) -> str:
    """Drop the filler words at either end of a subject: "the databases phase?" -> "databases"."""
    words = re.findall(r"[^\s?!.,;:]+(?:[.][^\s?!.,;:]+)*", subject)
    while words and (words[0] in FILLER or words[0] in _PHASE_WORDS):
        words.pop(0)
    # A one-letter last word after a kept one names the subject with it ('big o', 'plan 9'), though alone it is
    # filler ('o' and 'a' are Spanish and Italian words)
    while (
        words
        and (words[-1] in _PHASE_WORDS or (words[-1] in FILLER and (len(words[-1]) > 1 or len(words) == 1)))
        and not (words[-1] in _LAST_OF_NAMES and any(w not in FILLER for w in words[:-1]))
    ):
        words.pop()
    return " ".join(words)
