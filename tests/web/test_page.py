"""The page renders, filters by type and by date (form and brush), opens an event from the map and the
list with every field's words highlighted, and shows the founding article's truce with both claimed
starts; it never requests anything from another host."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from .conftest import ARTIFACTS

pytestmark = pytest.mark.slow


def _only_own_host(page) -> None:
    own = urlparse(page.base).netloc
    others = [u for u in page.requests if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != own]
    assert page.requests and others == []


def _load(page, query: str = "") -> None:
    page.goto(page.base + "/" + query)
    page.wait_for_selector("#event-list button.event")
    page.wait_for_selector(".event-marker")


def test_renders_and_filters_by_type_and_date(page):
    _load(page)
    everything = page.locator("#event-list button.event").count()
    page.screenshot(path=str(ARTIFACTS / "page.png"))
    page.fill("input[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => new URL(location).searchParams.get('type') === 'ASSAULT'")
    page.wait_for_function(f"() => document.querySelectorAll('#event-list button.event').length < {everything}")
    kinds = page.locator("#event-list button.event strong").all_inner_texts()
    assert kinds and set(kinds) == {"ASSAULT"}
    assert page.locator(".event-marker").count() == len(kinds)
    page.fill("input[name=since]", "2024-01-01")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => new URL(location).searchParams.get('since') === '2024-01-01'")
    page.wait_for_function("() => [...document.querySelectorAll('#event-list .when')].every(e => e.textContent >= '2024')")
    dates = page.locator("#event-list .when").all_inner_texts()
    assert dates and all(d >= "2024-01-01" for d in dates)
    page.screenshot(path=str(ARTIFACTS / "page-filtered.png"))
    _only_own_host(page)


def test_the_timeline_brush_filters_by_dates(page):
    _load(page)
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.55, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.98, box["y"] + 40, steps=5)
    page.mouse.up()
    page.wait_for_function("() => new URL(location).searchParams.get('since') !== null")
    since = page.evaluate("new URL(location).searchParams.get('since')")
    page.wait_for_function(f"() => [...document.querySelectorAll('#event-list .when')].every(e => e.textContent >= '{since[:7]}')")
    assert page.locator("#event-list button.event").count() > 0
    _only_own_host(page)


def test_a_shared_url_restores_the_view(page):
    _load(page, "?type=PROTEST")
    assert page.input_value("input[name=type]") == "PROTEST"
    assert set(page.locator("#event-list button.event strong").all_inner_texts()) == {"PROTEST"}


def _highlights(page) -> dict[str, list[str]]:
    page.wait_for_selector("dialog#article[open] mark.trigger")
    marks = page.locator("#article-text mark.field")
    found: dict[str, list[str]] = {}
    for i in range(marks.count()):
        mark = marks.nth(i)
        words = mark.evaluate("m => [...m.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('')")
        found.setdefault(mark.get_attribute("data-role"), []).append(words)
    return found


def test_clicking_in_the_list_opens_the_article_with_its_evidence(page):
    _load(page, "?type=ASSAULT&text=Air%20strike")
    page.locator("#event-list button.event").first.click()
    found = _highlights(page)
    assert {"trigger", "actor", "place", "time", "quantity", "attribution"} <= set(found)
    assert page.locator("#article-text .evidence").count() > 0
    fields = page.locator("#article-fields tbody tr")
    assert fields.count() >= 6
    page.screenshot(path=str(ARTIFACTS / "article.png"))
    page.keyboard.press("Escape")
    assert not page.locator("dialog#article[open]").count()


def test_clicking_on_the_map_opens_the_same_event(page):
    _load(page, "?type=PROTEST")
    marker = page.locator(".event-marker").first
    key = marker.get_attribute("data-key")
    marker.dispatch_event("click")  # markers at one town overlap: click this one, not the one on top
    found = _highlights(page)
    assert "trigger" in found
    assert f"· event {key.split('/')[1]} ·" in page.locator("#article-meta").inner_text()


def test_ceasefire_panel_shows_both_claimed_starts_of_the_founding_truce(page):
    _load(page)
    page.click("#tab-ceasefires")
    truce = page.locator("article.ceasefire", has_text="Idlib").first
    truce.wait_for()
    starts = truce.locator("tr.claimed-start").all_inner_texts()
    assert any("2020-01-12T00:01" in s for s in starts)
    assert any("2020-01-09T23:00" in s and "6 p.m. ET" in s for s in starts)
    truce.get_by_role("button").click()
    page.wait_for_selector(".ceasefire-area")
    page.screenshot(path=str(ARTIFACTS / "ceasefire.png"))
    _only_own_host(page)


def test_keyboard_reaches_the_tabs_and_opens_an_event(page):
    _load(page)
    page.focus("#tab-events")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "tab-ceasefires"
    page.keyboard.press("ArrowLeft")
    page.focus("#event-list button.event")
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog#article[open]")


def test_readable_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    phone.goto(server + "/")
    phone.wait_for_selector("#event-list button.event")
    width = phone.evaluate("document.documentElement.scrollWidth")
    phone.screenshot(path=str(ARTIFACTS / "phone.png"), full_page=False)
    context.close()
    assert width <= 400  # nothing wider than the screen
