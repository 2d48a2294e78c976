"""Filled pauses, discourse fillers and hedges of the Asian languages in the model catalogue.

Source: Wikipedia, "Filler (linguistics)", section "In other languages" (Korean "eum, eo, geu",
Japanese "eto, ano", Mandarin "zhege, neige", Hindi/Urdu "yani, matlab", Vietnamese "ờ, thì"),
completed with each language's everyday hedges (Korean "아마", Japanese "たぶん", Chinese "可能").
Native speakers' corrections are welcome: the user can add and remove words per language in
Settings. Written as the Vosk models write them: Hangul, kana and kanji, simplified Chinese,
Devanagari and Vietnamese with its tones, split into words as each model splits them.
Demonstratives used as stalls ("그", "あの", "那个") count only where they stand apart
(languages/rules.py). No evidence or STAR vocabulary yet: those checks are skipped.
"""

from __future__ import annotations

from mockint.core.analysis.languages.rules import language

KOREAN = language(
    "ko",
    "Korean",
    filled="음 음음 어 어어 으 으음 흠 에 아",
    always_words=("뭐랄까", "있잖아", "있잖아요"),
    apart_words=("그", "저", "뭐", "막", "그러니까", "이제", "그냥", "그래서", "근데"),
    tag_words=("그죠", "있잖아요"),
    hedges=("아마", "아마도", "약간", "좀", "것 같아요", "것 같습니다", "글쎄요", "잘 모르겠지만", "제 생각에는"),
)

JAPANESE = language(
    "ja",
    "Japanese",
    filled="えー えっと えーと ええと えと うーん うん ん んー あー まあ まぁ",
    always_words=("なんか", "なんていうか", "なんて いう か"),
    apart_words=("あの", "あのー", "その", "そのー", "ええ", "で", "とりあえず"),
    tag_words=(),  # "ね" and "よね" close most spoken sentences: not fillers
    hedges=("たぶん", "多分", "かもしれません", "と思います", "ちょっと", "おそらく", "みたいな"),
)

CHINESE = language(
    "zh",
    "Chinese",
    filled="嗯 呃 额 唔 诶",
    always_words=("怎么说", "怎么说呢"),
    apart_words=("那个", "这个", "就是", "然后", "就是说", "反正", "所以", "啊", "哦"),
    tag_words=("对吧", "是吧"),
    hedges=("可能", "大概", "好像", "我觉得", "有点", "应该", "也许", "差不多"),
)

HINDI = language(
    "hi",
    "Hindi",
    filled="अ अं उम हम्म हम्म्म ऍ",
    always_words=("मतलब", "यानी", "यानि"),
    apart_words=("तो", "वो", "बस", "अच्छा", "ठीक है", "देखिए"),
    tag_words=("ना", "है ना"),
    hedges=("शायद", "मुझे लगता है", "थोड़ा", "लगभग", "मेरे ख्याल से", "हो सकता है"),
)

VIETNAMESE = language(
    "vi",
    "Vietnamese",
    filled="ờ ừm ơ ưm hừm",
    always_words=("kiểu như", "nói chung là", "kiểu kiểu"),
    apart_words=("thì", "là", "kiểu", "cái", "thế", "nói chung", "vâng", "ừ", "à"),
    tag_words=("đấy", "nhỉ", "nhé"),
    hedges=("có lẽ", "chắc là", "hình như", "tôi nghĩ", "hơi", "có thể", "em nghĩ"),
)

LANGUAGES = (KOREAN, JAPANESE, CHINESE, HINDI, VIETNAMESE)
