"""Exports open without editing: the CSV in pandas with typed columns, the GeoJSON as points with the
event's id and type, Parquet with its schema; the same from the API and from `sitrep export`."""

from __future__ import annotations

import io
import json

import pandas as pd
import pyarrow.parquet as pq
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.exports.cli import export


def test_csv_loads_in_pandas_with_dates_and_numbers(client):
    response = client.get("/api/export/events.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    frame = pd.read_csv(io.StringIO(response.text), parse_dates=["event_date"])
    assert len(frame) == 3
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert frame["latitude"].dtype == "float64" and frame["year"].dtype == "int64"
    shelling = frame[frame["event_type"] == "Explosions/Remote violence"].iloc[0]
    assert shelling["fatalities"] == 4 and shelling["actor1"] == "Rebels" and shelling["inter1"] == 2
    assert shelling["location"] == "Maaret al-Numan" and shelling["iso"] == 760 and shelling["country"] == "Syria"
    assert shelling["sub_event_type"] == "Shelling/artillery/missile attack" and shelling["plover_type"] == "ASSAULT"
    truce = frame[frame["plover_type"] == "AGREE"].iloc[0]
    assert truce["actor1"] == "Government forces" and truce["assoc_actor_1"] == "the opposition"
    assert pd.isna(truce["fatalities"])  # not read is empty, never 0


def test_geojson_is_a_collection_of_points_with_id_and_type(client):
    collection = client.get("/api/export/events.geojson", params={"country": "SY"}).json()
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 2
    for feature in collection["features"]:
        assert feature["geometry"]["type"] in ("Point", "Polygon")
        lon, lat = feature["geometry"]["coordinates"]
        assert (lat, lon) == (feature["properties"]["latitude"], feature["properties"]["longitude"])
        assert feature["id"] == feature["properties"]["event_id"] and feature["properties"]["plover_type"]


def test_parquet_has_typed_columns(client):
    table = pq.read_table(io.BytesIO(client.get("/api/export/events.parquet").content))
    assert table.num_rows == 3
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("fatalities").type) == "int64"


def test_cli_export_writes_the_same_rows(target, tmp_path, monkeypatch):
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(export, ["geojson", "--db", target, "--type", "COERCE", "--out", str(out)])
    assert result.exit_code == 0, result.output
    features = json.loads(out.read_text())["features"]
    assert [f["properties"]["location"] for f in features] == ["Tbilisi"]
    assert not (tmp_path / "events.geojson.part").exists()
    csv_out = tmp_path / "events.csv"
    assert CliRunner().invoke(export, ["csv", "--db", target, "--out", str(csv_out)]).exit_code == 0
    assert len(pd.read_csv(csv_out)) == 3


def test_cli_export_of_a_bad_filter_is_exit_2_and_writes_nothing(target, tmp_path):
    out = tmp_path / "x.csv"
    result = CliRunner().invoke(export, ["csv", "--db", target, "--type", "NOPE", "--out", str(out)])
    assert result.exit_code == 2 and "E211" in result.output
    assert not out.exists()


def test_cli_events_shows_names_and_merged_ids(target):
    result = CliRunner().invoke(cli, ["events", "--db", target, "--format", "table", "--place", "Ma'arrat"])
    assert result.exit_code == 0, result.output
    row = [line for line in result.output.splitlines() if line.startswith("shelling")]
    assert len(row) == 1 and "Rebels (SYRREB)" in row[0] and " ev-" in row[0]
