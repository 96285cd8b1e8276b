"""On PostgreSQL: a geometry column with a spatial index when PostGIS is offered, plain lat/lon otherwise."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from .builders import fill


def test_geometry_follows_lat_lon_when_postgis_is_offered(pg_url):
    from tests.store.conftest import wipe_all

    wipe_all(pg_url)
    fill(pg_url)
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        offered = conn.scalar(text("SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'"))
        columns = set(conn.scalars(text("SELECT column_name FROM information_schema.columns "
                                        "WHERE table_name = 'events'")))
        if not offered:
            assert "geom" not in columns and {"lat", "lon"} <= columns
            return
        rows = conn.execute(text("SELECT lat, lon, ST_Y(geom), ST_X(geom) FROM events ORDER BY pk")).all()
        index = conn.scalar(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_events_geom'"))
    engine.dispose()
    assert len(rows) == 3 and all(lat == y and lon == x for lat, lon, y, x in rows)
    assert "gist" in index.lower()
