"""The SQLite database of every package, opened with the clients researchers use: sqlite3, Datasette."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import PROJECT, run_apart
from sovereign_ai_site.database import NAME, datasette_metadata, sqlite_database, table_names
from sovereign_ai_site.site import load


@pytest.fixture(scope="module")
def catalog():
    return load(PROJECT).catalog


@pytest.fixture(scope="module")
def database(catalog, tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / f"{NAME}.sqlite"
    path.write_bytes(sqlite_database(catalog))
    return path


@pytest.fixture()
def db(database):
    connection = sqlite3.connect(database)
    yield connection
    connection.close()


def test_every_table_holds_every_row(catalog, db):
    for (package, resource), name in table_names(catalog).items():
        assert db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(catalog.table(package, resource)), name


def test_keys_are_declared_and_hold(db):
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    events = {(r[2], r[3], r[4]) for r in db.execute("PRAGMA foreign_key_list(events)")}
    assert ("teams", "team_id", "team_id") in events and ("stages", "stage_id", "stage_id") in events  # across packages
    criteria = db.execute("PRAGMA foreign_key_list(criteria)").fetchall()
    assert {(r[2], r[3], r[4]) for r in criteria if r[2] == "criteria"} == {("criteria", "stage_id", "stage_id"), ("criteria", "parent_criterion_id", "criterion_id")}
    assert [r[1] for r in db.execute("PRAGMA table_info(members)") if r[5]] == ["team_id", "org_id"]  # the composite primary key


def test_types_are_the_declared_ones(db):
    assert db.execute("SELECT DISTINCT typeof(points_max) FROM criteria WHERE points_max IS NOT NULL").fetchall() == [("real",)]
    assert db.execute("SELECT DISTINCT typeof(teams_entering) FROM stages WHERE teams_entering IS NOT NULL").fetchall() == [("integer",)]
    dates = [d for (d,) in db.execute("SELECT event_on FROM events")]
    assert dates and all(len(d) == 10 and d[4] == d[7] == "-" for d in dates)


def test_every_row_joins_to_its_sources(catalog, db):
    teams = catalog.table("teams", "teams")
    cited = {
        (team, source)
        for team, source in db.execute(
            "SELECT t.team_id, s.source_id FROM teams t JOIN row_sources r ON r.table_name = 'teams' AND r.row_key = t.team_id JOIN sources s USING (source_id)"
        )
    }
    assert cited == {(t, s) for t, ids in zip(teams["team_id"], teams["source_ids"]) for s in ids.split(";")}
    key = db.execute("SELECT row_key FROM row_sources WHERE table_name = 'members' LIMIT 1").fetchone()[0]
    assert key.count("/") == 1  # team_id/org_id


def test_the_same_data_gives_the_same_bytes(catalog, database):
    assert sqlite_database(catalog) == database.read_bytes()


def test_datasette_opens_it_with_titles_and_descriptions(catalog, database):
    datasette = pytest.importorskip("datasette.app")
    metadata = datasette_metadata(catalog, "Sovereign AI")

    async def ask():
        ds = datasette.Datasette([str(database)], metadata=metadata)
        rows = await ds.client.get(f"/{NAME}/teams.json?_shape=array")
        page = await ds.client.get(f"/{NAME}/teams")
        joined = await ds.client.get(f"/{NAME}.json?_shape=array&sql=select+count(*)+as+n+from+row_sources")
        return rows, page, joined

    rows, page, joined = run_apart(ask())
    assert rows.status_code == 200 and len(rows.json()) == len(catalog.table("teams", "teams"))
    title = catalog.resource("teams", "teams").descriptor["title"]
    assert page.status_code == 200 and title in page.text and "CC-BY-4.0" in page.text
    assert joined.json()[0]["n"] > 0


def test_duckdb_joins_the_published_csvs_across_packages(catalog):
    duckdb = pytest.importorskip("duckdb")
    outcomes, stages = (PROJECT / "data" / "teams" / "outcomes.csv", PROJECT / "data" / "program" / "stages.csv")
    [(joined,)] = duckdb.sql(f"SELECT count(*) FROM read_csv('{outcomes}') o JOIN read_csv('{stages}') s USING (stage_id)").fetchall()
    assert joined == len(catalog.table("teams", "outcomes"))
