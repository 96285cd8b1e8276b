"""GET /api/events and friends on SQLite and PostgreSQL: filters, names, merged ids, paging, errors."""

from __future__ import annotations

import orjson
import pytest

from .builders import TEXTS


def _docs(client, **params) -> list[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return [item["document"]["id"] for item in response.json()["items"]]


def test_events_carry_actor_names_merged_ids_and_spans(client):
    items = client.get("/api/events").json()["items"]
    assert [i["document"]["id"] for i in items] == ["shelling", "truce", "arrests"]  # by date
    shelling = items[0]
    assert shelling["sources"] == [{"id": "a1", "name": "Rebels", "code": "SYRREB", "country": "SYR"}]
    assert shelling["merged_id"].startswith("ev-") and shelling["source_count"] == 1
    assert shelling["acled"]["inter1"] == 2 and shelling["acled"]["interaction"] == 27
    trigger = shelling["trigger"]
    assert TEXTS["shelling"][trigger["start"]:trigger["end"]] == trigger["text"] == "shelled"


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "ASSAULT"}, ["shelling"]),
    ({"type": "19"}, ["shelling"]),                          # CAMEO root
    ({"type": "Arrests"}, ["arrests"]),                      # ACLED sub-type, any case
    ({"type": "strategic developments,COERCE"}, ["truce", "arrests"]),
    ({"since": "2020-01-08", "until": "2020-12-31"}, ["truce"]),
    ({"place": "Ma'arrat"}, ["shelling"]),                   # another spelling of the town
    ({"place": "maarat al numan"}, ["shelling"]),
    ({"place": "Idleb"}, ["shelling", "truce"]),             # the province finds its town's event
    ({"place": "170017"}, ["shelling"]),                     # GeoNames id
    ({"country": "Georgia"}, ["arrests"]),
    ({"country": "SYR"}, ["shelling", "truce"]),
    ({"bbox": "44,41,45,42"}, ["arrests"]),
    ({"actor": "SYROPP"}, ["truce"]),
    ({"actor": "protesters"}, ["arrests"]),
    ({"modality": "planned"}, ["truce"]),
    ({"min_sources": "2"}, []),
    ({"min_sources": "1"}, ["shelling", "truce", "arrests"]),
    ({"text": "PARLIAMENT"}, ["arrests"]),
    ({"sort": "-date"}, ["arrests", "truce", "shelling"]),
])
def test_filters(client, params, expected):
    assert _docs(client, **params) == expected


def test_cursor_and_offset_pages_cover_every_event_once(client):
    seen, cursor = [], None
    for _ in range(5):
        body = client.get("/api/events", params={"limit": 1, **({"cursor": cursor} if cursor else {})}).json()
        seen += [i["document"]["id"] for i in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == ["shelling", "truce", "arrests"]
    assert _docs(client, limit=1, offset=1) == ["truce"]
    assert client.get("/api/events", params={"total": "true", "limit": 1}).json()["total"] == 3


@pytest.mark.parametrize(("params", "code"), [
    ({"type": "ASSAULTS"}, "E211"), ({"since": "2020-02-30"}, "E210"), ({"bbox": "1,2,3"}, "E212"),
    ({"modality": "maybe"}, "E213"), ({"country": "Atlantis"}, "E214"), ({"cursor": "nonsense"}, "E215"),
    ({"limit": "5000"}, "E216"), ({"sort": "size"}, "E217"),
])
def test_a_bad_filter_is_a_400_naming_it_never_an_empty_list(client, params, code):
    response = client.get("/api/events", params=params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == code and error["message"] and error["fix"]


def test_one_merged_event_with_its_claims_and_their_words(client):
    merged_id = client.get("/api/events", params={"type": "ASSAULT"}).json()["items"][0]["merged_id"]
    event = client.get(f"/api/events/{merged_id}").json()
    assert event["id"] == merged_id and event["source_count"] == 1
    assert event["mentions"][0]["document_id"] == "shelling" and event["mentions"][0]["document_pk"]
    assert event["disputed"] == []
    for attribute in event["claims"].values():
        for value in attribute["values"]:
            for source in value["sources"]:
                if source["start"] is not None:
                    assert TEXTS["shelling"][source["start"]:source["end"]] == source["quote"]
    missing = client.get("/api/events/ev-none")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E601"


def test_document_with_text_and_record(client):
    pk = client.get("/api/events", params={"type": "COERCE"}).json()["items"][0]["document"]["pk"]
    doc = client.get(f"/api/documents/{pk}").json()
    assert doc["text"] == TEXTS["arrests"]
    event = doc["record"]["events"][0]
    assert doc["text"][event["place"]["start"]:event["place"]["end"]] == "Tbilisi"
    assert doc["merged_ids"]["e1"].startswith("ev-")
    listed = client.get("/api/documents").json()
    assert listed["total"] == 3 and {d["events"] for d in listed["items"]} == {1}


def test_timeline_counts_per_day_and_week(client):
    days = client.get("/api/timeline").json()
    assert [(d["date"], d["counts"]) for d in days["series"]] == [
        ("2020-01-06", {"ASSAULT": 1}), ("2020-01-08", {"AGREE": 1}), ("2021-03-02", {"COERCE": 1})]
    weeks = client.get("/api/timeline", params={"bucket": "week", "country": "SY"}).json()
    assert weeks["series"] == [{"date": "2020-01-06", "counts": {"ASSAULT": 1, "AGREE": 1}, "total": 2}]
    assert client.get("/api/timeline", params={"bucket": "year"}).json()["error"]["code"] == "E218"


def test_actors_places_figures(client):
    actors = {a["code"]: a for a in client.get("/api/actors").json()}
    assert actors["SYRREB"]["name"] == "Rebels"
    places = {p["name"]: p for p in client.get("/api/places").json()}
    assert places["Tbilisi"]["country"] == "GE" and places["Tbilisi"]["events"] == 1
    figures = client.get("/api/figures").json()
    killed = [f for f in figures if f["kind"] == "fatalities"]
    assert killed and killed[0]["points"][0]["best"] == 4


@pytest.mark.parametrize("params", [{}, {"sort": "-date", "limit": "2"}, {"sort": "sources", "offset": "1"},
                                    {"type": "ASSAULT", "total": "true"}])
def test_the_answer_is_the_list_of_every_face_encoded(client, target, params):
    """GET /api/events joins the stored items as text: the same bytes as encoding the page that the CLI and
    the exports read (query.list_events), names, merged ids and spans included."""
    from sitrep.query import list_events, open_reader, parse_filter

    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    query = {k: v for k, v in params.items() if k != "total"}
    engine = open_reader(target)
    with engine.connect() as conn:
        f = parse_filter(**{"limit": "100", **query})
        page = list_events(conn, f, total="total" in params)
    engine.dispose()
    assert page.items and response.content == orjson.dumps(
        {"items": page.items, "next_cursor": page.next_cursor, "total": page.total, "limit": f.limit,
         "offset": f.offset})
    assert response.json()["items"][0]["document"]["id"] in {"shelling", "truce", "arrests"}


def test_events_documents_and_checks_the_filter_as_the_routes_that_declare_it(client):
    """GET /api/events reads its filter from the query string itself (api/deps.py query_filter): OpenAPI
    describes each parameter as it does where FastAPI reads them (/api/timeline), and a bad value is the
    same 400."""
    spec = client.get("/openapi.json").json()["paths"]
    events = {p["name"]: p for p in spec["/api/events"]["get"]["parameters"]}
    timeline = {p["name"]: p for p in spec["/api/timeline"]["get"]["parameters"]}
    assert {k: v for k, v in events.items() if k != "total"} == {k: v for k, v in timeline.items() if k != "bucket"}
    for params in ({"since": "2020-13-01"}, {"type": "NOPE"}, {"limit": "0"}):
        bad, same = client.get("/api/events", params=params), client.get("/api/timeline", params=params)
        assert bad.status_code == same.status_code == 400 and bad.json() == same.json()
    repeated = client.get("/api/events?type=PROTEST&type=ASSAULT")  # the last one counts, as FastAPI reads it
    assert [i["document"]["id"] for i in repeated.json()["items"]] == ["shelling"]
