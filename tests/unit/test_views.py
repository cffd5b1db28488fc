"""The view logic of the pages: home counts, backlinks, deals, partners, compass views,
events and marketplace splits, Dutch dates."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

from views_support import NOW, SiteFactory, graph_of, md, pick, site_graph, translate, write_site

from reisgids.model.kind import Kind
from reisgids.plan.atlas import instrument_view, partner_view, project_view
from reisgids.plan.compass_views import agenda_item_view, compass_view
from reisgids.plan.dates import format_date, format_moment, format_span, iso
from reisgids.plan.deals import deal_view, phase_counts, phase_sections
from reisgids.plan.edition_views import edition_view
from reisgids.plan.home import home_counts, home_view
from reisgids.plan.learning import lesson_view, review_view
from reisgids.plan.places import area_view, theme_summaries, theme_view
from reisgids.plan.publications import event_view, split_events, split_listings
from reisgids.plan.recording import recording
from reisgids.plan.views import backlink_groups, card_view, ref_view, site_context


def test_home_counts_come_from_the_content(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    counts = home_counts(graph)
    assert counts["deals"] == 3
    assert (counts["phase:execution"], counts["phase:planning"], counts["phase:partners"]) == (
        1, 1, 1)
    assert "phase:completed" not in counts
    assert counts["residents"] == 1  # only residents of deals in execution
    assert counts["reviews"] == 1
    assert (counts["lessons"], counts["successes"]) == (3, 1)
    # status at "now": the entry dated 2026-12-01 does not count yet
    assert counts["agenda"] == 2
    assert counts["status:on-agenda"] == 1
    assert counts["status:withdrawn"] == 1
    assert counts["status:decided"] == 0


def test_home_view_has_four_quadrants_news_events_and_the_current_edition(
        make_site: SiteFactory) -> None:
    view = home_view(site_graph(make_site), translate)
    assert [q.number for q in view.quadrants] == [1, 2, 3, 4]
    assert [c.label for c in view.quadrants[0].counts] == ["Partners zoeken", "Planning",
                                                          "Uitvoering"]
    assert view.quadrants[1].total == 1
    assert view.quadrants[1].counts[0].label == "Anna, bij Buurtkracht"
    assert [n.title for n in view.news] == ["Vierde", "Derde", "Tweede"]
    assert [e.title for e in view.events] == ["Vandaag", "Straks"]
    assert view.edition is not None and view.edition.ref.slug == "2026"
    assert view.edition.is_concept
    assert view.search_url == "/gids/zoeken/"


def test_home_counts_follow_now(make_site: SiteFactory) -> None:
    graph = site_graph(make_site, now=date(2026, 12, 2))
    assert home_counts(graph)["status:decided"] == 1


def test_backlinks_are_grouped_by_kind_and_field_under_headings(
        make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    groups = backlink_groups(graph, graph.backlinks(("partner", "gemeente")))
    headings = [(g.kind, g.heading) for g in groups]
    assert headings == [
        ("deal", "backlinks.deal"), ("deal", "backlinks.deal.residents"),
        ("project", "backlinks.project"), ("partner", "backlinks.partner.parent"),
        ("instrument", "backlinks.instrument.owner"), ("review", "backlinks.review"),
        ("agenda-item", "backlinks.agenda-item.owner"),
        ("compass-edition", "backlinks.compass-edition.co_created_with"),
        ("listing", "backlinks.listing.by")]
    deals = pick(groups, heading="backlinks.deal")
    assert [r.title for r in deals.refs] == ["Plan voor later", "Samen eten"]  # by title
    assert all(translate(h) != h for _, h in headings)  # every heading has a Dutch text


def test_backlinks_skip_what_the_page_shows_itself(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    links = graph.backlinks(("partner", "gemeente"))
    groups = backlink_groups(graph, links, skip=frozenset({("deal", "partners"),
                                                           ("review", "*")}))
    assert [g.heading for g in groups if g.kind in ("deal", "review")] == [
        "backlinks.deal.residents"]


def test_backlinks_leave_area_links_to_the_area_page(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    assert backlink_groups(graph, graph.backlinks(("area", "noord"))) == ()


def test_deal_view_has_the_partner_contribution_matrix_and_a_sorted_timeline(
        make_site: SiteFactory) -> None:
    view = deal_view(site_graph(make_site), "eten")
    assert view.columns == ("Geld", "Menskracht", "Ruimte")
    assert [(r.partner.title, r.role, r.cells) for r in view.rows] == [
        ("Gemeente Teststad", "Financier", (True, False, False)),
        ("Buurtkracht", "Initiatiefnemer", (False, True, True))]
    assert [(m.title, m.done, m.overdue) for m in view.milestones] == [
        ("Eerste tafel", True, False), ("Evaluatie", False, True),
        ("Tweede tafel", False, False)]
    assert view.milestones[0].date_text == "1 maart 2026"
    assert [s.state for s in view.track][:7] == ["done"] * 5 + ["current", "todo"]
    assert [r.slug for r in view.reviews] == ["schouw-eten"]
    # lessons citing the deal directly or through its review
    assert sorted(r.slug for r in view.lessons) == ["meerjarig", "vaste-kern"]
    assert view.residents[0].name == "Anna" and view.residents[0].at.title == "Buurtkracht"


def test_deals_overview_groups_by_phase_in_track_order(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    assert [s.phase for s in phase_sections(graph)] == ["partners", "planning", "execution"]
    assert [s.phase for s in phase_sections(graph, "planning")] == ["planning"]
    assert phase_counts(graph) == [("partners", 1), ("planning", 1), ("execution", 1)]
    eten = phase_sections(graph, "execution")[0].deals[0]
    assert (eten.reviews, eten.lessons) == (1, 2)
    assert eten.next_milestone is not None and eten.next_milestone.title == "Evaluatie"


def test_partner_view(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    gemeente = partner_view(graph, "gemeente")
    assert gemeente.type == "Gemeente"
    assert [c.role for c in gemeente.contacts] == ["Wijkregisseur"]
    assert gemeente.reviewed == "1 oktober 2026" and not gemeente.stale
    assert [(d.deal.slug, d.role, d.residents) for d in gemeente.deals] == [
        ("plan", "Facilitator", ("Bob",)), ("eten", "Financier", ("Anna",))]
    assert [(p.slug, role) for p, role in gemeente.projects] == [("kamer", "partner.member")]
    assert [c.slug for c in gemeente.children] == ["buurt"]
    assert sorted(r.slug for r in gemeente.lessons) == ["meerjarig", "project-les",
                                                        "vaste-kern"]
    buurt = partner_view(graph, "buurt")
    assert buurt.parent is not None and buurt.parent.slug == "gemeente"
    assert not buurt.stale  # no freshness window configured
    assert [(p.slug, role) for p, role in buurt.projects] == [("kamer", "partner.lead")]


def test_a_partner_checked_longer_ago_than_the_freshness_window_is_marked(
        make_site: SiteFactory) -> None:
    root = write_site(make_site)
    with (root / "reisgids.yml").open("a", encoding="utf-8") as config:
        config.write("freshness:\n  partner: 365\n")
    graph = graph_of(root)
    assert partner_view(graph, "buurt").stale  # reviewed 2025-01-01
    assert not partner_view(graph, "gemeente").stale


def test_project_and_instrument_views(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    kamer = project_view(graph, "kamer")
    assert kamer.status == "Lopend" and kamer.lead is not None
    assert [d.slug for d in kamer.deals] == ["eten"]  # linked from the deal's side
    assert [r.slug for r in kamer.lessons] == ["project-les"]
    budget = instrument_view(graph, "budget")
    assert [(d.date_text, d.past) for d in budget.deadlines] == [
        ("15 januari 2026", True), ("15 januari 2027", False)]


def test_review_view_shows_all_five_steps(make_site: SiteFactory) -> None:
    view = review_view(site_graph(make_site), "schouw-eten")
    assert [(s.label, s.done) for s in view.steps] == [
        ("Open schouw", True), ("Meetlat", True), ("Waarderende schouw", False),
        ("Bespreking", False), ("Rapportage", False)]
    assert view.steps_done == 2
    assert [r.slug for r in view.lessons] == ["vaste-kern"]
    assert view.peers[0].partner is not None and view.peers[0].partner.slug == "zorg"


def test_lesson_view_shows_sources_and_the_agenda_items_it_fed(
        make_site: SiteFactory) -> None:
    view = lesson_view(site_graph(make_site), "meerjarig")
    assert [(s.kind, s.document, s.year) for s in view.sources] == [
        ("deal", "", ""), ("document", "Rapport", "2020")]
    assert [(a.ref.slug, a.status_label) for a in view.agenda] == [
        ("meerjarig", "Geagendeerd"), ("oud", "Ingetrokken")]
    assert [f.url for f in view.facts] == ["/gids/lessen/niveau/institutional/",
                                           "/gids/lessen/type/system/",
                                           "/gids/lessen/verandering/funding-term/"]


def test_agenda_item_view_has_its_timeline_and_status_now(make_site: SiteFactory) -> None:
    view = agenda_item_view(site_graph(make_site), "meerjarig")
    assert view.status == "on-agenda" and view.status_label == "Geagendeerd"
    assert [(s.status_label, s.current) for s in view.steps] == [
        ("Geïnventariseerd", False), ("Geagendeerd", True), ("Besloten", False)]
    assert view.steps[2].decision == "Aangenomen"
    assert view.steps[1].forum == "college"
    assert [(h.edition.slug, h.status_label) for h in view.held_in] == [
        ("2026", "Besloten")]


def test_edition_view_status_at_period_end_and_diff(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    view = edition_view(graph, "2026", "https://example.org/gids/kompas/2026/")
    assert view.card.is_concept and view.card.end == "31 december 2026"
    assert [(g.status, [ln.ref.slug for ln in g.items]) for g in view.groups] == [
        ("decided", ["meerjarig"])]
    assert view.diff is not None
    assert [ln.ref.slug for ln in view.diff.new] == ["meerjarig"]
    assert [r.slug for r in view.diff.dropped] == ["oud"]
    assert view.previous is not None and view.previous.slug == "2025" and view.next is None
    assert [p.theme.label for p in view.priorities] == ["Eenzaamheid"]
    assert [r.slug for r in view.co_created_with] == ["buurt", "gemeente"]
    assert "(concept)" in view.citation and view.citation.endswith("/kompas/2026/")
    first = edition_view(graph, "2025", "")
    assert first.diff is None and not first.card.is_concept


def test_compass_view_groups_every_status_in_order(make_site: SiteFactory) -> None:
    view = compass_view(site_graph(make_site))
    assert [g.status for g in view.groups] == ["inventoried", "on-agenda", "decided",
                                               "fed-back", "monitoring", "anchored",
                                               "withdrawn"]
    assert view.groups[0].label == "Geïnventariseerd"
    assert view.current is not None and view.current.ref.slug == "2026"
    assert [e.ref.slug for e in view.editions] == ["2026", "2025"]
    assert view.path[0].count == 1  # lessons with a change other than none


def test_marketplace_listings_expire_the_day_after_valid_until(
        make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    current, archived = split_listings(graph)
    assert [k[1] for k in current] == ["vandaag"]
    assert [k[1] for k in archived] == ["verlopen"]
    later = site_graph(make_site, now=NOW + timedelta(days=1))
    assert [k[1] for k in split_listings(later)[1]] == ["vandaag", "verlopen"]


def test_events_of_today_are_upcoming(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    upcoming, past = split_events(graph)
    assert [k[1] for k in upcoming] == ["vandaag", "straks"]
    assert [k[1] for k in past] == ["gisteren"]
    straks = event_view(graph, "straks")
    assert straks.upcoming and straks.when == "10 december 2026, 14:00–16:00"
    assert straks.ics_url == "/gids/agenda/straks/straks.ics"
    assert not event_view(graph, "gisteren").upcoming


def test_area_view_gathers_across_kinds_and_draws_neighbours(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    view = area_view(graph, "noord")
    assert [(g.kind, [r.slug for r in g.refs]) for g in view.gathered] == [
        ("deal", ["eten"]), ("project", ["kamer"]), ("lesson", ["vaste-kern"])]
    assert view.map is not None and view.map.schematic
    assert [(s.slug, s.current) for s in view.map.shapes] == [("zuid", False),
                                                             ("noord", True)]
    assert area_view(graph, "elders").map is None


def test_theme_views_gather_across_kinds(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    view = theme_view(graph, "eenzaamheid")
    assert [g.kind for g in view.gathered] == ["deal", "project", "lesson"]
    assert [p.edition.slug for p in view.priorities] == ["2026"]
    assert [(t.id, t.count) for t in theme_summaries(graph)] == [("eenzaamheid", 3),
                                                                 ("informele-zorg", 0)]


def test_cards_carry_short_facts_and_text_flags(make_site: SiteFactory) -> None:
    graph = site_graph(make_site)
    assert card_view(graph, ("deal", "eten")).meta == ("Uitvoering", "2 partners")
    lesson = card_view(graph, ("lesson", "vaste-kern"))
    assert lesson.flag == "success" and lesson.date_text == "2 oktober 2026"
    assert card_view(graph, ("compass-edition", "2026")).flag == "concept"
    assert card_view(graph, ("event", "straks")).date_text == "10 december 2026, 14:00–16:00"
    assert card_view(graph, ("listing", "vandaag")).until_text == "22 november 2026"


def test_cards_and_references_are_made_once_per_graph_with_the_kind_as_given(
        make_site: SiteFactory) -> None:
    """Made once, a card is fingerprinted once on every page that lists it; the kind stays
    what the caller gave (a str or the equal Kind: a fingerprint tells them apart)."""
    graph = site_graph(make_site)
    card, ref = card_view(graph, ("deal", "eten")), ref_view(graph, ("deal", "eten"))
    assert card_view(graph, ("deal", "eten")) is card and ref_view(graph, ("deal", "eten")) is ref
    assert card.meta and not ref.meta  # a reference is not a card
    by_kind = card_view(graph, (Kind.DEAL, "eten"))
    assert by_kind == card and type(by_kind.kind) is Kind and type(card.kind) is str
    other = dataclasses.replace(graph)  # the next build's (or save's) graph
    again = card_view(other, ("deal", "eten"))
    assert again == card and again is not card
    assert card_view(graph, ("deal", "eten")) is not card  # one graph is remembered at a time


def test_a_recording_graph_sees_every_card_read_again(make_site: SiteFactory) -> None:
    """serve plans again the pages that read a changed entry: a card taken from the memo
    would read nothing, so a graph that records reads gets none (plan/recording.py)."""
    seen, _bodies = recording(site_graph(make_site), {})
    for _ in range(2):
        seen.start()
        card_view(seen, ("deal", "eten"))
        ref_view(seen, ("project", "kamer"))
        assert {("deal", "eten"), ("project", "kamer")} <= seen.reads().keys


def test_site_context_has_navigation_and_footer_pages(make_site: SiteFactory) -> None:
    context = site_context(site_graph(make_site))
    hrefs = [href for group in context.nav for _, href in group.links]
    assert hrefs[:3] == ["/gids/deals/", "/gids/projecten/", "/gids/partners/"]
    assert "/gids/themas/" in hrefs and "/gids/marktplaats/" in hrefs
    assert [r.slug for r in context.footer] == ["over", "toegankelijkheid"]
    assert context.locale == "nl_NL"


def test_unpublished_references_render_without_a_link(make_site: SiteFactory) -> None:
    graph = site_graph(make_site, {"content/partners/zorg.md": md(
        "title: Zorg\ntype: initiatief\ndraft: true\nemail: z@zorg.example")})
    review = review_view(graph, "schouw-eten")
    assert review.peers[0].partner is not None and review.peers[0].partner.url == ""


def test_dutch_dates_do_not_depend_on_the_locale() -> None:
    assert format_date(date(2026, 12, 10)) == "10 december 2026"
    assert format_date(date(2026, 3, 1), "en") == "1 March 2026"
    amsterdam = timezone(timedelta(hours=1))
    moment = datetime(2026, 12, 10, 14, 0, tzinfo=amsterdam)
    assert format_moment(moment) == "10 december 2026, 14:00"
    assert format_moment(datetime(2026, 12, 10, 13, 0, tzinfo=UTC)) == (
        "10 december 2026, 14:00")  # shown in Amsterdam time
    assert format_span(date(2026, 3, 3), date(2026, 3, 4)) == "3 maart 2026 – 4 maart 2026"
    assert iso(moment) == "2026-12-10T14:00+01:00"
