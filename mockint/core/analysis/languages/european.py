"""Filled pauses, discourse fillers and hedges of the European languages in the model catalogue.

Source: Wikipedia, "Filler (linguistics)", section "In other languages", for the filled pauses
and the commonest discourse fillers of each language ("euh, ben, du coup", "este, o sea",
"ну, вот, типа", "yyy, jakby", "şey, yani, hani"...), completed with each language's everyday
hedges ("vielleicht", "peut être", "quizás"...). Native speakers' corrections are welcome: the
user can add and remove words per language in Settings. Words that are also ordinary words
("also", "bueno", "ну") count only where they stand apart (languages/rules.py); only words that
are fillers in nearly every use count always. Lowercase, as Vosk writes words. No evidence or
STAR vocabulary yet: those checks are skipped for these languages rather than guessed.
"""

from __future__ import annotations

from mockint.core.analysis.languages.rules import language

GERMAN = language(
    "de",
    "German",
    filled="äh ähm öh öhm eh ehm hm hmm mhm",
    always_words=("sozusagen", "quasi", "halt", "irgendwie"),
    apart_words=("also", "ja", "genau", "naja", "na ja", "gut", "okay", "eigentlich", "tja"),
    tag_words=("ne", "oder", "gell", "weißt du"),
    hedges=("vielleicht", "ich glaube", "ich denke", "wahrscheinlich", "eher", "ein bisschen", "ein wenig"),
)

FRENCH = language(
    "fr",
    "French",
    filled="euh euuh heu hum hmm bah ben mmh",
    always_words=("du coup", "en fait", "eh bien"),
    apart_words=("bon", "alors", "enfin", "voilà", "genre", "tu vois", "tu sais", "disons", "bref"),
    tag_words=("quoi", "hein", "tu vois", "tu sais"),
    hedges=("peut être", "je pense", "je crois", "un peu", "probablement", "sans doute", "il me semble"),
)

SPANISH = language(
    "es",
    "Spanish",
    filled="eh em emm mm mmm ehm",
    always_words=("o sea", "digamos"),
    apart_words=("este", "pues", "bueno", "entonces", "a ver", "tipo", "vale", "bien", "como"),
    tag_words=("vale", "sabes", "verdad"),
    hedges=("quizás", "quizá", "tal vez", "creo que", "a lo mejor", "un poco", "probablemente", "supongo"),
)

ITALIAN = language(
    "it",
    "Italian",
    filled="ehm eh mmm mm uhm boh",
    always_words=("cioè", "insomma", "diciamo", "praticamente"),
    apart_words=("allora", "tipo", "ecco", "niente", "comunque", "quindi", "beh", "va bene"),
    tag_words=("capito", "sai"),
    hedges=("forse", "credo", "penso", "magari", "un po", "probabilmente", "mi sembra"),
)

PORTUGUESE = language(
    "pt",
    "Portuguese",
    filled="hum hã ahn éh ãh uhm mm",
    always_words=("quer dizer", "tipo assim"),
    apart_words=("então", "tipo", "assim", "bom", "bem", "pois", "enfim", "olha", "sabe"),
    tag_words=("né", "sabe", "entendeu", "tá"),
    hedges=("talvez", "acho que", "eu acho", "provavelmente", "um pouco", "meio que", "parece que"),
)

DUTCH = language(
    "nl",
    "Dutch",
    filled="eh ehm uh uhm hm hmm",
    always_words=("zeg maar",),
    apart_words=("dus", "nou", "ja", "eigenlijk", "gewoon", "weet je", "oké", "goed"),
    tag_words=("hè", "toch", "weet je"),
    hedges=("misschien", "ik denk", "denk ik", "een beetje", "waarschijnlijk", "volgens mij", "ik geloof"),
)

POLISH = language(
    "pl",
    "Polish",
    filled="yyy yy eee ee hmm mmm em",
    always_words=("w sumie", "generalnie", "tak jakby"),
    apart_words=("no", "jakby", "znaczy", "wiesz", "po prostu", "dobra", "więc", "tak"),
    tag_words=("wiesz", "prawda"),
    hedges=("chyba", "może", "myślę że", "wydaje mi się", "trochę", "raczej", "prawdopodobnie"),
)

RUSSIAN = language(
    "ru",
    "Russian",
    filled="э ээ эээ эм мм ммм",
    always_words=("короче", "как бы", "так сказать", "в общем", "типа"),
    apart_words=("ну", "вот", "это", "значит", "собственно", "слушай", "так"),
    tag_words=("вот", "понимаешь", "знаешь"),
    hedges=("наверное", "может быть", "возможно", "кажется", "я думаю", "немного", "вроде", "пожалуй"),
)

UKRAINIAN = language(
    "uk",
    "Ukrainian",
    filled="е ее еее ем мм ммм",
    always_words=("короче", "типу", "як би", "так би мовити", "загалом"),
    apart_words=("ну", "от", "ось", "це", "значить", "власне", "слухай", "так"),
    tag_words=("розумієш", "знаєш"),
    hedges=("мабуть", "можливо", "здається", "я думаю", "трохи", "напевно", "ніби"),
)

TURKISH = language(
    "tr",
    "Turkish",
    filled="ı ıı ııı ee eee hmm mm ım",
    always_words=("hani",),
    apart_words=("şey", "yani", "işte", "aslında", "tamam", "şimdi"),
    tag_words=("yani", "işte", "değil mi"),
    hedges=("galiba", "sanırım", "belki", "herhalde", "bence", "biraz", "muhtemelen"),
)

LANGUAGES = (GERMAN, FRENCH, SPANISH, ITALIAN, PORTUGUESE, DUTCH, POLISH, RUSSIAN, UKRAINIAN, TURKISH)
