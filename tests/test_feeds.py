"""The Atom feed of each language, read with feedparser as a feed reader would."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import PROJECT
from sovereign_ai_site.feeds import FEED
from sovereign_ai_site.site import build_site, load

feedparser = pytest.importorskip("feedparser")
SITE = "https://example.org/tracker/"


@pytest.fixture(scope="module")
def inputs():
    return load(PROJECT)


@pytest.fixture(scope="module")
def sites(inputs):
    return {lang: build_site(inputs, lang, SITE) for lang in ("ko", "en")}


@pytest.mark.parametrize("lang, root", [("ko", SITE), ("en", SITE + "en/")])
def test_every_event_that_happened_and_every_release_is_an_entry(inputs, sites, lang, root):
    feed = feedparser.parse(sites[lang][FEED])
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == lang and feed.feed.id == root + FEED
    events = inputs.catalog.table("timeline", "events")
    happened = events[~events["is_planned"]]
    assert len(feed.entries) == len(happened) + len(inputs.release.releases)
    ids = {entry.id for entry in feed.entries}
    assert {f"{root}programme/timeline/#event-{e}" for e in happened["event_id"]} <= ids
    assert not any(e in entry.id for entry in feed.entries for e in events[events["is_planned"]]["event_id"])
    dates = [entry.updated for entry in feed.entries]
    assert dates == sorted(dates, reverse=True) and feed.feed.updated == dates[0]


def test_every_entry_links_to_its_row_and_names_its_sources(inputs, sites):
    feed = feedparser.parse(sites["en"][FEED])
    timeline, changelog = sites["en"]["programme/timeline/index.md"], sites["en"]["data/changelog.md"]
    sources = inputs.catalog.table("sources", "sources").set_index("source_id")
    events = inputs.catalog.table("timeline", "events").set_index("event_id")
    for entry in feed.entries:
        anchor = entry.link.rsplit("#", 1)[1]
        page = timeline if "/programme/timeline/" in entry.link else changelog
        assert f'id="{anchor}"' in page or f"#{anchor} }}" in page, entry.link
        if anchor.startswith("event-"):
            cited = {link.href for link in entry.links if link.rel == "related"}
            assert cited == {sources.loc[s, "url"] for s in events.loc[anchor.removeprefix("event-"), "source_ids"].split(";")}


def test_text_from_data_stays_text(tmp_path):
    """A hostile event title and description reach the feed as text, not markup."""
    for name in ("data", "seeds", "CITATION.cff", "editorial.yml"):
        (shutil.copytree if (PROJECT / name).is_dir() else shutil.copyfile)(PROJECT / name, tmp_path / name)
    events = tmp_path / "data/timeline/events.csv"
    source = events.read_text(encoding="utf-8").splitlines()[1].rsplit(",", 1)[1]
    hostile = "</title><script>alert(1)</script> & ]]>"
    with events.open("a", encoding="utf-8") as stream:
        stream.write(f'hostile-event,2026-09-01,day,false,policy,"{hostile}",제목,"{hostile}",설명,,,{source}\n')
    xml = build_site(load(tmp_path), "en", SITE)[FEED]
    assert b"<script>" not in xml and b"&lt;script&gt;" in xml
    [entry] = [e for e in feedparser.parse(xml).entries if e.id.endswith("#event-hostile-event")]
    assert entry.title == hostile and entry.summary.endswith(hostile)


def test_no_site_address_no_feed(inputs):
    assert FEED not in build_site(inputs, "ko")


def test_the_same_data_gives_the_same_bytes(inputs, sites):
    assert build_site(inputs, "ko", SITE)[FEED] == sites["ko"][FEED]
    assert re.search(rb"<updated>\d{4}-\d\d-\d\dT00:00:00Z</updated>", sites["ko"][FEED])
