"""Full-text search (`--search`, `search=`): the query language, and the index on SQLite and PostgreSQL as writes,
updates, deletes and migrations change the rows."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import create_engine, delete, select, text

from newsmon.store import articles, claims, snippets
from newsmon.store.filters import Filters
from newsmon.store.models import ArticleRow
from newsmon.store.search import MAX_SEARCH_WORDS, Phrase, SearchQueryError, parse_search
from newsmon.store.session import alembic_config, sync_url, upgrade_database
from schemas.articles import Article

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

# Our own texts: (id, outlet, title, text), the first published most recently.
CORPUS = [
    (
        "en-phrase",
        "Wire Desk",
        "Inspectors report on chemical weapons",
        "Inspectors said chemical weapons were used near Douma, a finding Damascus rejected.",
    ),
    ("en-apart", "Wire Desk", "Weapons depot hit", "A weapons depot exploded; officials denied any chemical leak."),
    ("en-talks", "Gazette", "Negotiations resume in Geneva", "Negotiators met again to discuss a ceasefire in Idlib."),
    ("en-shelling", "Gazette", "Shelling near Idlib", "Shelling continued overnight on villages south of Idlib."),
    ("ar", "قناة", "قصف على حلب", "أفادت مصادر محلية بسقوط قذائف على أحياء حلب الشرقية."),
    ("ru", "ТАСС", "Переговоры в Дамаске", "Делегация прибыла в Дамаск для переговоров о перемирии."),
    ("ku", "Rûdaw", "Çarşemê li Qamişlo", "Roja Çarşemê civîn li Qamişlo hat lidarxistin."),
    ("fr", "Le Quotidien", "Alépo sous les bombes", "Les frappes ont touché Alépo et la région de Idleb."),
]


def article(article_id: str, outlet: str, title: str, body: str, age_h: int, version: int = 1) -> Article:
    return Article(article_id=article_id, version=version, url=f"https://news.example/{article_id}", outlet=outlet,
                   feed_url="https://news.example/rss", language="en", title=title, text=body,
                   published_at=NOW - timedelta(hours=age_h), content_hash=f"{article_id}-{version}")  # fmt: skip


async def fill(store) -> None:
    async with store.sessions.begin() as session:
        for age_h, row in enumerate(CORPUS):
            await articles.insert_new(session, article(*row, age_h=age_h), NOW)


async def found(store, query: str, **narrowing) -> list[str]:
    async with store.reads() as session:
        rows = await articles.latest(session, 50, Filters(search=parse_search(query), **narrowing))
    return [row.id for row in rows]


# --- the query language -------------------------------------------------------------------------------------------


def test_words_phrases_or_exclusions_and_prefixes_are_read_as_a_search_box_reads_them():
    query = parse_search('Idlib "chemical weapons" talks OR negotiat* -Geneva')
    assert query.required == ((Phrase(("idlib",)),), (Phrase(("chemical", "weapons")),),
                              (Phrase(("talks",)), Phrase(("negotiat",), is_prefix=True)))  # fmt: skip
    assert query.excluded == (Phrase(("geneva",)),)
    assert query.as_fts5() == '(("idlib") AND ("chemical weapons") AND ("talks" OR "negotiat"*)) NOT ("geneva")'
    assert query.as_tsquery() == "('idlib') & ('chemical' <-> 'weapons') & ('talks' | 'negotiat':*) & !('geneva')"


def test_backend_syntax_in_the_input_is_punctuation_between_words():
    for typed, words in [('NEAR(ceasefire, 5)', ("near", "ceasefire", "5")), ("title:Idlib", ("title", "idlib")),
                         ("&|! Idlib", ("idlib",)), ("Idlib * ^", ("idlib",)), ("'Idlib'::*", ("idlib",)),
                         ("a\\b", ("a", "b")), ("Idlib AND Douma", ("idlib", "douma"))]:  # fmt: skip
        query = parse_search(typed)
        assert [word for group in query.required for phrase in group for word in phrase.words] == list(words), typed
        assert re.fullmatch(r'([() ]|AND|OR|NOT|"[^\W_]+( [^\W_]+)*"\*?)+', query.as_fts5()), typed
        assert re.fullmatch(r"([() &|!]|<->|'[^\W_]+'(:\*)?)+", query.as_tsquery()), typed


@pytest.mark.parametrize(("typed", "complaint"), [
    ("", "no word"), ("   ", "no word"), ("*", "no word"), ('"', "quote is not closed"), ("&|!", "no word"),
    (":", "no word"), ('"chemical weapons', "quote is not closed"), ("OR Idlib", "OR needs"),
    ("Idlib OR", "OR needs"), ("Idlib OR OR Douma", "OR needs"), ("Idlib OR -Douma", "excluded"),
    ("-Idlib", "only exclusions"), (" ".join(["word"] * (MAX_SEARCH_WORDS + 1)), "at most"),
])  # fmt: skip
def test_a_malformed_search_is_refused_saying_what_is_wrong(typed, complaint):
    with pytest.raises(SearchQueryError, match=complaint) as refused:
        parse_search(typed)
    assert "\n" not in str(refused.value)


# --- the index, on both engines -----------------------------------------------------------------------------------


async def test_all_words_must_occur_in_the_title_or_the_text(store):
    await fill(store)
    assert await found(store, "shelling Idlib") == ["en-shelling"]
    assert sorted(await found(store, "idlib")) == ["en-shelling", "en-talks"]


async def test_a_phrase_needs_its_words_in_order(store):
    await fill(store)
    assert await found(store, '"chemical weapons"') == ["en-phrase"]
    assert sorted(await found(store, "chemical weapons")) == ["en-apart", "en-phrase"]


async def test_or_finds_either_and_an_exclusion_removes(store):
    await fill(store)
    assert sorted(await found(store, "Geneva OR Douma")) == ["en-phrase", "en-talks"]
    assert await found(store, "Idlib -ceasefire") == ["en-shelling"]
    assert await found(store, 'weapons -"chemical weapons"') == ["en-apart"]


async def test_a_prefix_finds_every_word_starting_so(store):
    await fill(store)
    assert await found(store, "negotiat*") == ["en-talks"]
    assert await found(store, "negotiat") == []
    assert await found(store, '"chemical weap"*') == ["en-phrase"]


async def test_arabic_russian_and_kurdish_words_are_found_in_any_case(store):
    await fill(store)
    assert await found(store, "حلب") == ["ar"]
    assert await found(store, "ДАМАСК") == ["ru"] and await found(store, "дамаск") == ["ru"]
    assert await found(store, "перемир*") == ["ru"]
    assert await found(store, "Qamişlo") == ["ku"]


async def test_accents_on_latin_letters_are_folded_both_ways(store):
    await fill(store)
    assert await found(store, "Alepo") == ["fr"] and await found(store, "ALÉPO") == ["fr"]
    assert await found(store, "carseme") == ["ku"] and await found(store, "Çarşemê") == ["ku"]
    assert await found(store, "Çarsemê civin") == ["ku"]


async def test_injection_looking_input_is_searched_as_words(store):
    await fill(store)
    for typed in ("Idlib:", "&|! Idlib", "Idlib *", "Idlib)'--", "( Idlib )", "-: Idlib"):
        assert sorted(await found(store, typed)) == ["en-shelling", "en-talks"], typed
    assert await found(store, "NEAR(Idlib") == ["en-shelling"]  # the phrase "near Idlib", not FTS5's NEAR
    assert await found(store, "title:Idlib") == []  # the phrase "title Idlib", not a column filter
    assert await found(store, "ceasefire:* & !Idlib") == ["en-talks"]


async def test_dotted_abbreviations_and_numbers_are_found_alike_on_both_engines(store):
    """PostgreSQL's parser keeps 'U.S.' one lexeme ('u.s', as '3.5' and 'sana.sy'), where FTS5 splits it into 'u' and
    's': the search for "U.S." asked PostgreSQL for 'u' then 's' and found nothing there."""
    async with store.sessions.begin() as session:
        for age_h, (article_id, title, body) in enumerate([
            ("dotted", "U.S. convoy leaves Tal Baydar", "The U.N. team counted 3.5 tonnes of aid, per sana.sy."),
            ("spaced", "Convoy of the U S army", "Counted: 3 5 tonnes. U N estimate."),
        ]):  # fmt: skip
            await articles.insert_new(session, article(article_id, "Wire Desk", title, body, age_h=age_h), NOW)
    assert sorted(await found(store, "U.S.")) == ["dotted", "spaced"]
    assert sorted(await found(store, '"U.S. convoy"')) == ["dotted"]
    assert sorted(await found(store, "u.n. team")) == ["dotted"]
    assert sorted(await found(store, '"3.5 tonnes"')) == ["dotted", "spaced"]  # FTS5 reads '3.5' as 3 then 5
    assert sorted(await found(store, "U.S* convoy")) == ["dotted", "spaced"]
    assert await found(store, "convoy -U.S.") == []


async def test_the_most_relevant_come_first_unless_equal(store):
    await fill(store)
    async with store.sessions.begin() as session:  # older, but about Idlib in its title and all through its text
        await articles.insert_new(session, article("en-idlib", "Gazette", "Idlib Idlib", "Idlib, Idlib and Idlib.",
                                                   age_h=400), NOW)  # fmt: skip
    assert (await found(store, "Idlib"))[0] == "en-idlib"


async def test_search_combines_with_the_other_filters(store):
    await fill(store)
    assert await found(store, "Idlib", outlet="gazette", until=NOW - timedelta(hours=2.5)) == ["en-shelling"]
    assert await found(store, "Idlib", contains="overnight") == ["en-shelling"]
    async with store.reads() as session:
        days = await articles.per_day_by_outlet(session, Filters(search=parse_search("Idlib")))
    assert sum(count for _, _, count in days) == 2


async def test_an_updated_article_is_searched_by_its_new_words(store):
    await fill(store)
    async with store.sessions.begin() as session:
        row = await articles.get(session, "en-shelling")
        assert row is not None
        edited = article("en-shelling", "Gazette", "Shelling stops", "Calm returned to Saraqib.", age_h=3, version=2)
        await articles.update_content(session, row, edited, NOW)
    assert await found(store, "Saraqib") == ["en-shelling"]
    assert await found(store, "overnight") == []
    async with store.sessions.begin() as session:  # a column the index does not hold: nothing to re-index
        row = await articles.get(session, "en-shelling")
        assert row is not None
        row.claims_version = 2
    assert await found(store, "Saraqib") == ["en-shelling"]


async def test_a_deleted_article_and_its_claims_are_gone_from_the_search(store):
    await fill(store)
    async with store.sessions.begin() as session:
        speaker = await claims.speaker_id(session, "Ahmad Saleh", "", [])
        await claims.replace_for_article(session, "en-talks", 1, [claim_row("c1", "en-talks", speaker,
                                                                            "the ceasefire holds")])  # fmt: skip
        await session.execute(delete(ArticleRow).where(ArticleRow.id == "en-talks"))
    assert await found(store, "ceasefire") == []
    assert await claims_found(store, "ceasefire") == []


def claim_row(claim_id: str, article_id: str, speaker: int, said: str) -> dict:
    return {"id": claim_id, "article_id": article_id, "article_version": 1, "speaker_id": speaker,
            "speaker_mention": "he", "cue": "said", "kind": "indirect", "text": said, "start": 0,
            "end": len(said), "quantities": [], "extractor_version": "test"}  # fmt: skip


async def claims_found(store, query: str, **narrowing) -> list[str]:
    async with store.reads() as session:
        rows = await claims.latest(session, 50, Filters(search=parse_search(query), **narrowing))
    return [row.claim.id for row in rows]


async def test_claims_are_searched_by_their_text_and_replaced_claims_leave_the_index(store):
    await fill(store)
    async with store.sessions.begin() as session:
        saleh = await claims.speaker_id(session, "Ahmad Saleh", "", [])
        await claims.replace_for_article(session, "en-talks", 1, [
            claim_row("c1", "en-talks", saleh, "the ceasefire holds in Idlib"),
            claim_row("c2", "en-talks", saleh, "no convoy crossed")])  # fmt: skip
        await claims.replace_for_article(session, "ar", 1, [claim_row("c3", "ar", saleh, "القصف توقف في حلب")])
    assert await claims_found(store, "ceasefire Idlib") == ["c1"]
    assert await claims_found(store, "حلب") == ["c3"]
    assert await claims_found(store, "Idlib", speaker="saleh", outlet="gazette") == ["c1"]
    async with store.sessions.begin() as session:
        await claims.replace_for_article(session, "en-talks", 2, [claim_row("c4", "en-talks", saleh, "talks failed")])
    assert await claims_found(store, "ceasefire") == []
    assert await claims_found(store, "talks") == ["c4"]
    async with store.reads() as session:
        tallies = await claims.top_speakers(session, 10, Filters(search=parse_search("حلب")))
    assert [(tally.speaker, tally.claims) for tally in tallies] == [("Ahmad Saleh", 1)]


# --- the migration ------------------------------------------------------------------------------------------------


def test_the_migration_indexes_rows_already_stored_and_downgrades_cleanly(store_url):
    upgrade_database(store_url, "0008")
    engine = create_engine(sync_url(store_url))
    try:
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO articles (id, version, url, outlet, feed_url, language, title, text, text_source,"
                " published_at, content_hash, first_seen_at, updated_at) VALUES ('old', 1, 'u', 'o', 'f', 'ar',"
                " 'قصف على حلب', 'Shelling near Alépo', 'feed', :now, 'h', :now, :now)"), {"now": NOW})  # fmt: skip
        upgrade_database(store_url)
        with engine.connect() as connection:
            assert _search_ids(connection, "حلب") == ["old"] and _search_ids(connection, "alepo") == ["old"]
        command.downgrade(alembic_config(store_url), "0008")
        with engine.connect() as connection:
            assert _search_objects(connection) == []
        upgrade_database(store_url)
        with engine.connect() as connection:
            assert _search_ids(connection, "shelling") == ["old"]
    finally:
        engine.dispose()


def _search_ids(connection, typed: str) -> list[str]:
    condition = Filters(search=parse_search(typed)).on_article_text(connection.dialect.name)[0]
    return list(connection.scalars(select(ArticleRow.id).where(condition)))


def _search_objects(connection) -> list[str]:
    if connection.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE name LIKE '%search%'"
    else:
        query = (
            "SELECT column_name FROM information_schema.columns WHERE column_name = 'search_vector' UNION ALL "
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%search%'"
        )
    return list(connection.scalars(text(query)))


def test_at_head_the_sqlite_index_has_its_triggers_and_agrees_with_its_tables(tmp_path):
    # A later batch migration that copies articles or claims into a new table drops these triggers and may
    # renumber rowids: it must recreate them and rebuild the index (newsmon/store/search.py).
    url = f"sqlite:///{tmp_path / 'store.db'}"
    upgrade_database(url)
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            triggers = set(connection.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
            for table in ("articles_search", "claims_search"):
                assert {f"{table}_insert", f"{table}_delete", f"{table}_update"} <= triggers
                connection.execute(text(f"INSERT INTO {table}({table}) VALUES ('integrity-check')"))
    finally:
        engine.dispose()


# --- snippets: the excerpt around the best match, its searched words marked (both engines alike) ------------------


async def snippets_of(store, kind: str, ids: list[str], query: str) -> dict[str, str]:
    async with store.reads() as session:
        return await snippets.for_rows(session, kind, ids, parse_search(query))


@pytest.mark.parametrize(("query", "article_id", "snippet"), [
    ("ALEPO", "fr", "Les frappes ont touché <mark>Alépo</mark> et la région de Idleb."),
    ("Çarsemê", "ku", "Roja <mark>Çarşemê</mark> civîn li Qamişlo hat lidarxistin."),
    ("حلب", "ar", "أفادت مصادر محلية بسقوط قذائف على أحياء <mark>حلب</mark> الشرقية."),
    ("дамаск", "ru", "Делегация прибыла в <mark>Дамаск</mark> для переговоров о перемирии."),
    ("перемир*", "ru", "Делегация прибыла в Дамаск для переговоров о <mark>перемирии</mark>."),
    ('"chemical weapons" Douma', "en-phrase",
     "Inspectors said <mark>chemical</mark> <mark>weapons</mark> were used near <mark>Douma</mark>, a finding Damascus"
     " rejected."),
    ("negotiat*", "en-talks", "<mark>Negotiators</mark> met again to discuss a ceasefire in Idlib."),
    ("Idlib -ceasefire", "en-shelling", "Shelling continued overnight on villages south of <mark>Idlib</mark>."),
    ("Geneva OR Douma", "en-talks", "Negotiations resume in <mark>Geneva</mark>"),  # in the title only
])  # fmt: skip
async def test_a_snippet_marks_the_searched_words_alike_on_both_engines(store, query, article_id, snippet):
    await fill(store)
    assert await found(store, query) == [article_id] or article_id in await found(store, query)
    assert await snippets_of(store, "articles", [article_id], query) == {article_id: snippet}


async def test_a_dotted_abbreviation_searched_is_marked_in_its_snippet_on_both_engines(store):
    """PostgreSQL's ts_headline was asked for 'u' and 's' alone, which its parser never sees in "U.S." ('u.s'): the
    snippet of an article found by "U.S." marked nothing there."""
    async with store.sessions.begin() as session:
        body = "The U.S. convoy carried 3.5 tonnes of flour."
        await articles.insert_new(session, article("dotted", "Wire Desk", "Convoy leaves Tal Baydar", body, 1), NOW)
    marked = await snippets_of(store, "articles", ["dotted"], '"U.S. convoy" "3.5 tonnes"')
    assert marked == {"dotted": "The <mark>U</mark>.<mark>S</mark>. <mark>convoy</mark> carried <mark>3</mark>."
                                "<mark>5</mark> <mark>tonnes</mark> of flour."}


async def test_a_long_text_is_cut_to_about_thirty_words_around_the_best_match(store):
    words = [f"w{number}" for number in range(90)]
    words[20], words[60], words[62] = "Idlib", "Idlib", "Douma."
    async with store.sessions.begin() as session:
        await articles.insert_new(session, article("long", "Gazette", "A long day", " ".join(words), age_h=1), NOW)
    expected = " ".join(words[55:85]).replace("Idlib", "<mark>Idlib</mark>").replace("Douma", "<mark>Douma</mark>")
    assert await snippets_of(store, "articles", ["long"], "Idlib OR Douma") == {"long": f"… {expected} …"}
    opening = (await snippets_of(store, "articles", ["long"], "w1"))["long"]
    assert opening.startswith("w0 <mark>w1</mark> w2") and opening.endswith(" w29 …")
    ending = (await snippets_of(store, "articles", ["long"], "w8*"))["long"]  # w80 to w89: the last 30 words
    assert ending.startswith("… Idlib w61 Douma. w63") and ending.endswith("<mark>w88</mark> <mark>w89</mark>")


async def test_a_snippet_escapes_the_text_and_keeps_decomposed_accents_and_line_breaks_readable(store):
    body = "Le <b>convoi</b> & «l'aide» \n\n sont arrivés à Ale\u0301po (Alep)."  # "é" as e + U+0301
    async with store.sessions.begin() as session:
        await articles.insert_new(session, article("escaped", "Le Quotidien", "Convoi", body, age_h=1), NOW)
    assert await snippets_of(store, "articles", ["escaped"], "alepo convoi") == {
        "escaped": "Le &lt;b&gt;<mark>convoi</mark>&lt;/b&gt; &amp; «l'aide» sont arrivés à <mark>Alépo</mark> (Alep)."}


async def test_claims_get_snippets_of_their_text_and_rows_not_asked_for_get_none(store):
    await fill(store)
    async with store.sessions.begin() as session:
        saleh = await claims.speaker_id(session, "Ahmad Saleh", "", [])
        await claims.replace_for_article(session, "en-talks", 1, [
            claim_row("c1", "en-talks", saleh, "the ceasefire holds in Idlib"),
            claim_row("c2", "en-talks", saleh, "no convoy crossed into Idlib")])  # fmt: skip
    assert await snippets_of(store, "claims", ["c1"], "ceasefire Idlib") == {
        "c1": "the <mark>ceasefire</mark> holds in <mark>Idlib</mark>"}
    assert await snippets_of(store, "claims", [], "Idlib") == {}


async def test_a_match_past_the_first_20000_characters_leaves_the_opening_unmarked_on_both_engines(store):
    body = "Opening words about Idlib. " + "filler " * 3000 + "Qaryatayn at last."
    async with store.sessions.begin() as session:
        await articles.insert_new(session, article("liveblog", "Gazette", "Liveblog", body, age_h=1), NOW)
    assert (await snippets_of(store, "articles", ["liveblog"], "Idlib"))["liveblog"].startswith(
        "Opening words about <mark>Idlib</mark>. filler")  # fmt: skip
    late = (await snippets_of(store, "articles", ["liveblog"], "Qaryatayn"))["liveblog"]
    assert late.startswith("Opening words about Idlib. filler") and "<mark>" not in late


async def test_a_search_sorts_by_relevance_or_by_date_and_without_one_by_date(store):
    await fill(store)
    async with store.sessions.begin() as session:  # the oldest, and the most about Idlib
        await articles.insert_new(session, article("en-idlib", "Gazette", "Idlib Idlib", "Idlib, Idlib and Idlib.",
                                                   age_h=400), NOW)  # fmt: skip
    idlib = Filters(search=parse_search("Idlib"))
    async with store.reads() as session:
        by_relevance = [row.id for row in await articles.latest(session, 50, idlib)]
        newest = [row.id for row in await articles.latest(session, 50, idlib, sort="newest")]
        oldest = [row.id for row in await articles.latest(session, 50, idlib, sort="oldest")]
        everything = [row.id for row in await articles.latest(session, 3, sort="oldest")]
    assert by_relevance[0] == "en-idlib"
    assert newest == ["en-talks", "en-shelling", "en-idlib"] and oldest == newest[::-1]
    assert everything == ["en-idlib", "fr", "ku"]


async def test_claims_found_sort_by_relevance_or_by_date(store):
    await fill(store)
    async with store.sessions.begin() as session:
        saleh = await claims.speaker_id(session, "Ahmad Saleh", "", [])
        await claims.replace_for_article(session, "en-talks", 1, [claim_row("c1", "en-talks", saleh, "Idlib held")])
        await claims.replace_for_article(session, "fr", 1, [claim_row("c2", "fr", saleh, "Idlib, Idlib, Idlib")])
    idlib = Filters(search=parse_search("Idlib"))
    async with store.reads() as session:
        assert [row.claim.id for row in await claims.latest(session, 50, idlib)] == ["c2", "c1"]
        assert [row.claim.id for row in await claims.latest(session, 50, idlib, sort="newest")] == ["c1", "c2"]
        assert [row.claim.id for row in await claims.latest(session, 50, idlib, sort="oldest")] == ["c2", "c1"]
        assert [row.claim.id for row in await claims.latest(session, 50, sort="oldest")] == ["c2", "c1"]
