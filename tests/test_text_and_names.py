"""Unit tests for the small readers of times, dates and people, from real document lines."""

from datetime import date

import pytest

from extractors.document import infer_council
from extractors.names import parse_person, resolve, split_honorific, split_people
from extractors.pages import Line, Page
from extractors.text import find_date, parse_time
from extractors.vocab import slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Time: 1.30 pm", "13:30"),
        ("Cllr Ross Henning arrived at 10:39am.", "10:39"),
        ("12 September 2024 at 5.00 pm", "17:00"),
        ("The meeting was called to order at 7:07 p.m.", "19:07"),
        ("Thursday, 30th January, 2025, at 10.00 am", "10:00"),
        ("no time here, 2024/25", ""),
    ],
)
def test_parse_time(text: str, expected: str) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date: Thursday 26 September 2024", "2024-09-26"),
        ("MEETING HELD ON 27 JUNE 2024 AT THE OLD FIRE STATION", "2024-06-27"),
        ("Thursday, 30th January, 2025, at 10.00 am", "2025-01-30"),
        ("January 27, 2020, 7:00 p.m.", "2020-01-27"),
        # Welsh, written from the vocabulary of bilingual councils (no Welsh minutes in the corpus yet):
        # months, and ordinals 1af, 2il, 3ydd, 5ed, 7fed, 13eg, 21ain.
        ("Cofnodion cyfarfod a gynhaliwyd nos Lun 24ain Mehefin 2019", "2019-06-24"),
        ("Dydd Mawrth 13eg Mawrth 2025", "2025-03-13"),
        ("1af Rhagfyr 2024", "2024-12-01"),
        ("2il Chwefror 2023", "2023-02-02"),
    ],
)
def test_find_date(text: str, expected: str) -> None:
    found = find_date(text)
    assert found is not None and found.isoformat() == expected


def test_slug_is_readable() -> None:
    assert slug("Wiltshire Police and Crime Panel") == "wiltshire-police-and-crime-panel"


def test_member_line_with_organisation_and_role() -> None:
    person = parse_person("Cllr Junab Ali, Swindon Borough Council (Vice-Chairman)")
    assert (person.honorific, person.name, person.organisation, person.role) == (
        "Cllr",
        "Junab Ali",
        "Swindon Borough Council",
        "Vice-Chairman",
    )


def test_officer_with_post_nominals_and_dash_role() -> None:
    person = parse_person("Philip Wilkinson, OBE, MPhil – Police and Crime Commissioner")
    assert (person.name, person.role) == ("Philip Wilkinson", "Police and Crime Commissioner")


def test_online_attendance_is_remote_not_a_role() -> None:
    person = parse_person("Detective Superintendent Guy Elkins (Online)")
    assert (person.honorific, person.name, person.remote, person.role) == (
        "Detective Superintendent",
        "Guy Elkins",
        True,
        "",
    )


def test_kent_present_list_keeps_brackets_and_post_nominals() -> None:
    text = "Mr R W Gough (Chairman), Mr N Baker, Mr R C Love, OBE, Mr D Murphy and Mr R J Thomas"
    assert split_people(text) == [
        "Mr R W Gough (Chairman)",
        "Mr N Baker",
        "Mr R C Love, OBE",
        "Mr D Murphy",
        "Mr R J Thomas",
    ]


def test_honorifics_split_off_both_ends() -> None:
    assert split_honorific("Cllr Dr Brian Mathew") == ("Cllr Dr", "Brian Mathew")
    assert split_honorific("Cllr Sarah Gibson MP") == ("Cllr", "Sarah Gibson")


def test_surname_resolves_to_the_one_attendee() -> None:
    people = ["Ed Plowden", "Emma Edwards", "Graham Morris"]
    assert resolve("Councillor Plowden", people) == "Ed Plowden"
    assert resolve("Councillor Smith", people) == "Smith"


def test_council_name_never_runs_over_a_line_break() -> None:
    # Kent cabinet agenda front sheet, 30 Jan 2025: a contact name above "Council Chamber".
    lines = [
        "Thursday, 30th January, 2025, at 10.00 am Ask for: Georgina Little",
        "Council Chamber, Sessions House, Telephone: Tel: 03000 414043",
        "8. 24/00115 - Kent County Council Integrated Care Strategy (KCC ICS) Delivery Plan",
    ]
    page = Page(number=1, lines=tuple(Line(t, 63.0, 70.0 + 14 * i, 500.0, 80.0 + 14 * i) for i, t in enumerate(lines)))
    assert infer_council([page]) == "Kent County Council"


def _page(lines: list[str]) -> Page:
    return Page(number=1, lines=tuple(Line(t, 63.0, 70.0 + 14 * i, 500.0, 80.0 + 14 * i) for i, t in enumerate(lines)))


def test_the_letterhead_council_wins_over_one_named_more_often() -> None:
    # Burton-cum-Walden's minutes: its letterhead, then North Yorkshire Council in two items.
    page = _page(
        [
            "BURTON-CUM-WALDEN PARISH COUNCIL",
            "MINUTES OF THE PARISH COUNCIL MEETING HELD ON",
            "another Teams meeting with North Yorkshire Council about the school buildings scheduled for",
            "communicate this decision to North Yorkshire Council as billing authority.",
        ]
    )
    assert infer_council([page]) == "Burton-cum-Walden Parish Council"


def test_a_role_before_the_council_is_not_its_name() -> None:
    # Souldern's annual parish meeting, signed at the end.
    signed = "Signed \u2026\u2026\u2026\u2026\u2026\u2026Chair Souldern Parish Council"
    assert infer_council([_page(["addressed.", signed])]) == "Souldern Parish Council"


def test_a_relative_phrase_is_no_date() -> None:
    # Hertingfordbury agenda: "... must be formally notified to Clerk within 28 days".
    assert find_date("28 days") is None
    assert find_date("Minutes of 13/03/2025") == date(2025, 3, 13)


def test_a_year_glued_to_its_month_is_printed() -> None:
    # Souldern minutes printed from a browser: the text layer has no spaces between words.
    assert find_date("Thursday28September2023") == date(2023, 9, 28)


@pytest.mark.parametrize(
    ("printed", "honorific", "name"),
    [
        ("Councilmember Cruikshank", "Councilmember", "Cruikshank"),  # Rancho Palos Verdes agenda
        ("Mayor Pro Tem Ferraro", "Mayor Pro Tem", "Ferraro"),
        ("Cyng. Huw Jones", "Cyng.", "Huw Jones"),  # Welsh "Cynghorydd", written from the vocabulary
    ],
)
def test_us_and_welsh_titles(printed: str, honorific: str, name: str) -> None:
    person = parse_person(printed)
    assert (person.honorific, person.name) == (honorific, name)


def test_a_council_name_with_an_ampersand_is_whole() -> None:
    # West of England Combined Authority reports print "Bath and North East Somerset Council" and
    # "Bath & North East Somerset"; Brighton's council is "Brighton & Hove City Council".
    assert infer_council([_page(["Bath and North East Somerset Council"])]) == "Bath and North East Somerset Council"
    assert infer_council([_page(["Bath & North East Somerset Council"])]) == "Bath & North East Somerset Council"
    assert infer_council([_page(["Brighton & Hove City Council"])]) == "Brighton & Hove City Council"
