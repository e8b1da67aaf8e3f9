"""Every script in, none lost: an article in any language is stored with what could run.

Invented articles (invented towns, rivers and people), one per script, go through the real
pipeline into a real SQLite store. A stage that cannot handle a language is recorded in the
article's ``skipped`` list; the article is never rejected for it.
"""

from __future__ import annotations

import hashlib

import pytest

from newsweave import annotate
from newsweave.annotate.nlp import pipeline
from newsweave.model import Article, RawDocument
from newsweave.pipeline import analyze_batch, ingest_batch
from newsweave.store import Store
from newsweave.textnorm import word_count

# (script, language, text): two sentences of invented local news in each.
ARTICLES = [
    ("Latin", "pl", "Rada miasta Zielonobrzeg przyjęła w poniedziałek plan budowy nowego mostu na rzece Wilczance. "
                    "Burmistrz Jadwiga Krasnowska powiedziała, że prace zaczną się wiosną przyszłego roku."),
    ("Latin", "vi", "Hội đồng thị trấn Đồi Xanh hôm thứ Hai đã thông qua kế hoạch xây cây cầu mới bắc qua sông Bạch Lộ. "
                    "Chủ tịch Nguyễn Thị Hoa cho biết công trình sẽ khởi công vào mùa xuân năm sau."),
    ("Cyrillic", "uk", "Міська рада Вербограда у понеділок ухвалила план будівництва нового мосту через річку Сокільку. "
                       "Голова громади Оксана Терещук сказала, що роботи почнуться навесні наступного року."),
    ("Greek", "el", "Το δημοτικό συμβούλιο της Λευκοπηγής ενέκρινε τη Δευτέρα το σχέδιο για νέα γέφυρα στον ποταμό Ασπρόρεμα. "
                    "Η δήμαρχος Ελένη Καραθανάση δήλωσε ότι οι εργασίες θα ξεκινήσουν την άνοιξη."),
    ("Arabic", "ar", "وافق مجلس مدينة الواحة الزرقاء يوم الاثنين على خطة لبناء جسر جديد فوق نهر السنديان. "
                     "وقالت رئيسة البلدية سلمى الحداد إن الأعمال ستبدأ في الربيع المقبل."),
    ("Hebrew", "he", "מועצת העיר גבעת הדקלים אישרה ביום שני תוכנית לבניית גשר חדש מעל נחל הצבעונים. "
                     "ראש העיר נעמה ברקוביץ אמרה כי העבודות יתחילו באביב הבא."),
    ("Devanagari", "hi", "नीलपुर नगर परिषद ने सोमवार को चंदनी नदी पर नए पुल के निर्माण की योजना को मंज़ूरी दी। "
                         "महापौर सुनीता वर्मा ने कहा कि काम अगले वसंत में शुरू होगा।"),
    ("Han", "zh", "青石镇议会周一批准了在白鹭河上修建新桥的计划。镇长林晓梅表示，工程将于明年春天开工，预计两年内完成。"),
    ("Japanese", "ja", "緑ヶ丘町の議会は月曜日、白鷺川に新しい橋を架ける計画を承認した。町長の森田春子氏は、工事は来年の春に始まると述べた。"),
    ("Hangul", "ko", "푸른언덕시 의회는 월요일 은빛강에 새 다리를 짓는 계획을 승인했다. 김하늘 시장은 공사가 내년 봄에 시작될 것이라고 말했다."),
    ("Thai", "th", "สภาเมืองทุ่งดอกแก้วอนุมัติแผนสร้างสะพานใหม่ข้ามแม่น้ำใบเตยเมื่อวันจันทร์ "
                   "นายกเทศมนตรีสมศรี ใจงาม กล่าวว่างานก่อสร้างจะเริ่มในฤดูใบไม้ผลิปีหน้า"),
]


def _document(language: str, text: str) -> RawDocument:
    return RawDocument(source=f"test://{language}", raw=text, kind="text",
                       raw_sha256=hashlib.sha256(text.encode()).hexdigest())


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> dict[str, Article]:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('scripts') / 'scripts.db'}")
    outcomes = ingest_batch([_document(language, text) for _, language, text in ARTICLES], store)
    assert outcomes == ["new"] * len(ARTICLES), store.rejections()
    articles = {article.source.removeprefix("test://"): article for article in store.iter_articles()}
    store.close()
    return articles


@pytest.mark.parametrize(("script", "language", "text"), ARTICLES, ids=[f"{s}-{lang}" for s, lang, _ in ARTICLES])
def test_an_article_in_each_script_is_stored_with_its_text_and_language(stored, script, language, text):
    article = stored[language]
    assert article.text == text
    assert article.language == language
    assert article.to_json()["skipped"] == [], f"{script}: {article.skipped}"


def test_scripts_without_spaces_count_their_characters_as_words():
    assert word_count("緑ヶ丘町の議会は月曜日、計画を承認した。") >= 5  # one \w+ run, yet a sentence
    assert word_count("สภาเมืองอนุมัติแผนสร้างสะพานใหม่") >= 5
    assert word_count("Rada miasta przyjęła plan") == 4
    assert word_count("青石镇 council") == 3


def test_a_short_article_in_a_script_without_spaces_is_not_too_short():
    [result] = analyze_batch([_document("ja", "森田町長は工事が来年の春に始まると述べた。")], with_assess=False, overlap=False)
    assert isinstance(result, Article)


@pytest.mark.parametrize("language", ["ja", "ko", "zh", "th", "vi"])
def test_token_offsets_stay_exact_in_languages_without_spaced_words(language):
    text = next(text for _, code, text in ARTICLES if code == language)
    doc = pipeline(language)(text)
    assert len(doc) > 3
    assert all(text[token.idx : token.idx + len(token.text)] == token.text for token in doc)
    assert "".join(token.text_with_ws for token in doc) == text


def test_a_stage_that_fails_on_a_language_is_skipped_and_the_article_stored(monkeypatch, tmp_path):
    def picky(articles: list[Article]) -> None:
        for article in articles:
            if article.language == "ja":
                raise ImportError("Japanese support requires an invented package")
            article.work.memo["picky"] = True

    picky.__name__ = "annotate_picky"
    monkeypatch.setattr(annotate, "ANNOTATORS", [*annotate.ANNOTATORS, picky])
    store = Store(f"sqlite:///{tmp_path / 'skips.db'}")
    chosen = [entry for entry in ARTICLES if entry[1] in ("ja", "pl")]
    assert ingest_batch([_document(language, text) for _, language, text in chosen], store) == ["new", "new"]
    assert store.rejections() == []
    articles = {article.language: article for article in store.iter_articles()}
    store.close()
    assert articles["pl"].skipped == []
    [skip] = articles["ja"].skipped
    assert skip.stage == "picky"
    assert "ImportError: Japanese support requires an invented package" in skip.reason
    assert articles["ja"].to_json()["skipped"] == [skip.to_json()]
