"""The clients researchers use, against the built site served on 127.0.0.1: frictionless over HTTP,
pandas reading a CSV's address, sqlite3 and DuckDB running the queries the catalog page shows, Datasette
with the published metadata."""

from __future__ import annotations

import io
import json
import sqlite3
import urllib.request
import zipfile

import pandas as pd
import pytest
from conftest import PROJECT, run_apart
from frictionless import Package
from sovereign_ai_site.catalog_pages import DUCKDB_CSV, QUERIES


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


@pytest.fixture(scope="module")
def database(served_site, tmp_path_factory):
    """The published database and its Datasette metadata, downloaded from the site."""
    folder = tmp_path_factory.mktemp("downloaded")
    for name in ("sovereign-ai.sqlite", "sovereign-ai.metadata.json"):
        (folder / name).write_bytes(fetch(f"{served_site}/data/{name}"))
    return folder / "sovereign-ai.sqlite"


def test_frictionless_opens_a_package_and_the_catalog_over_http(served_site):
    url = f"{served_site}/data/teams/datapackage.json"
    assert json.loads(fetch(url))["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    package = Package(url)
    teams = package.get_resource("teams").read_rows()
    assert len(teams) == len(pd.read_csv(PROJECT / "data/teams/teams.csv")) and teams[0]["team_id"]
    report = Package(f"{served_site}/data/datapackage.json").validate()  # every table, every key between packages
    assert report.valid and len(report.tasks) == len(list((PROJECT / "data").glob("*/*.csv"))), report.flatten(["type", "message"])


def test_pandas_reads_a_csv_from_its_address(served_site):
    online = pd.read_csv(f"{served_site}/data/timeline/events.csv", parse_dates=["event_on"])
    assert len(online) == len(pd.read_csv(PROJECT / "data/timeline/events.csv")) and online["event_on"].notna().all()


def test_sqlite3_runs_the_catalog_pages_queries_across_packages(database):
    db = sqlite3.connect(database)
    try:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        outcomes = db.execute(QUERIES["outcomes"]).fetchall()
        assert len(outcomes) == len(pd.read_csv(PROJECT / "data/teams/outcomes.csv"))  # every outcome has its team and stage
        cited = db.execute(QUERIES["sources"]).fetchall()
        teams = pd.read_csv(PROJECT / "data/teams/teams.csv", dtype=str)
        assert len(cited) == sum(len(set(ids.split(";"))) for ids in teams["source_ids"]) and all(url for *_, url in cited)
    finally:
        db.close()


def test_duckdb_joins_the_csvs_of_the_zip_of_everything(served_site, tmp_path, monkeypatch):
    duckdb = pytest.importorskip("duckdb")
    zipfile.ZipFile(io.BytesIO(fetch(f"{served_site}/data/sovereign-ai-data.zip"))).extractall(tmp_path)
    monkeypatch.chdir(tmp_path)
    rows = duckdb.sql(DUCKDB_CSV).fetchall()
    assert len(rows) == len(pd.read_csv(PROJECT / "data/teams/outcomes.csv"))


def test_datasette_serves_the_database_with_the_published_metadata(database):
    datasette = pytest.importorskip("datasette.app")
    metadata = json.loads(database.with_name("sovereign-ai.metadata.json").read_text())

    async def ask():
        ds = datasette.Datasette([str(database)], metadata=metadata)
        return await ds.client.get("/sovereign-ai/events"), await ds.client.get("/sovereign-ai.json?_shape=array&sql=" + urllib.request.quote(QUERIES["outcomes"]))

    page, joined = run_apart(ask())
    assert page.status_code == 200 and metadata["databases"]["sovereign-ai"]["tables"]["events"]["title"] in page.text
    assert joined.status_code == 200 and len(joined.json()) == len(pd.read_csv(PROJECT / "data/teams/outcomes.csv"))
