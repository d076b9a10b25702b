"""ModernGov responses parsed: real mgWebService XML and HTML from the corpus, and short pages in ModernGov's style."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from moderngov.responses import (
    Attendee,
    Committee,
    Link,
    MeetingDetail,
    MeetingRef,
    committees,
    decoded,
    html_documents,
    html_meetings,
    link_kind,
    meeting,
    meetings,
    parse_date,
)

WEB = Path(__file__).parent / "data" / "web"  # copied from ../shared/corpus/web/ (SOURCES.tsv says whence)
MANCHESTER_SERVICE = "https://democracy.manchester.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=4967"
# The decision fragment does not name its council; the page URL only gives its relative links a host.
EXAMPLE = "https://democracy.example.gov.uk/moderngov/"


def test_committees_reads_each_committee_and_its_expired_flag() -> None:
    found = committees((WEB / "lgsf_manchester_GetCommittees_trimmed.xml").read_bytes())

    assert len(found) == 3  # <committeescount> 3</committeescount>
    assert found[0] == Committee(312, "Appointment Sub Committee for Director of Adult Social Services", True, False)
    assert found[2] == Committee(144, "Audit Committee", expired=False, deleted=False)


def test_committees_reads_text_with_a_bom_and_leading_whitespace() -> None:
    raw = (WEB / "lgsf_manchester_GetCommittees_trimmed.xml").read_bytes()

    as_bytes = committees(b"\r\n \xef\xbb\xbf" + raw)
    as_text = committees("\ufeff\n  " + raw.decode("utf-8"))

    assert [c.id for c in as_bytes] == [312, 163, 144]
    assert as_text == as_bytes


def test_meetings_keep_the_cancelled_meeting_with_its_date() -> None:
    found = meetings((WEB / "lgsf_manchester_GetMeetings_committee144.xml").read_text(encoding="utf-8"))

    assert found == [
        MeetingRef(4966, 144, date(2026, 1, 13), "Cancelled"),
        MeetingRef(4967, 144, date(2026, 2, 10), "Confirmed"),
    ]


def test_meeting_4967_lists_its_two_converted_documents_with_titles_as_published() -> None:
    detail = meeting((WEB / "lgsf_manchester_GetMeeting_4967_with_minutes.xml").read_bytes(), MANCHESTER_SERVICE)

    assert (detail.id, detail.date, detail.status) == (4967, date(2026, 2, 10), "Confirmed")
    assert detail.documents == (
        Link(
            "https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860",
            "6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025",  # published with two spaces after APPROVED
            "converted",
        ),
        Link("https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909", "DRAFT WP FEBRUARY 2026", "converted"),
    )


def test_meeting_4967_attendee_is_read_from_its_attributes() -> None:
    detail = meeting((WEB / "lgsf_manchester_GetMeeting_4967_with_minutes.xml").read_bytes(), MANCHESTER_SERVICE)

    assert detail.attendees == (Attendee("192", "Councillor Basil Curley", "Committee Member", "Expected"),)


def test_cancelled_meeting_4966_has_no_documents_but_keeps_its_attendee() -> None:
    detail = meeting((WEB / "lgsf_manchester_GetMeeting_4966_no_minutes.xml").read_text(encoding="utf-8"), "")

    assert detail.documents == ()
    assert (detail.id, detail.date, detail.status) == (4966, date(2026, 1, 13), "Cancelled")
    assert [a.member_id for a in detail.attendees] == ["192"]


def test_meeting_joins_relative_urls_drops_repeats_and_decodes_twice_encoded_titles() -> None:
    xml = """<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid> 12</meetingid>
  <agendaitems>
    <agendaitem><linkeddocuments>
      <linkeddoc><title>Planning &amp;amp; Highways report</title><url>mgConvert2PDF.aspx?ID=5</url></linkeddoc>
      <linkeddoc><title>no url</title><url>
      </url></linkeddoc>
    </linkeddocuments></agendaitem>
    <agendaitem><linkeddocuments>
      <linkeddoc><title>again</title><url>mgConvert2PDF.aspx?ID=5</url></linkeddoc>
      <linkeddoc><title>Appendix</title><url>documents/s77/Appendix A.pdf</url></linkeddoc>
    </linkeddocuments></agendaitem>
  </agendaitems>
</meeting>"""

    detail = meeting(xml, EXAMPLE + "mgWebService.asmx/GetMeeting")

    assert detail.documents == (
        Link(EXAMPLE + "mgConvert2PDF.aspx?ID=5", "Planning & Highways report", "converted"),
        Link(EXAMPLE + "documents/s77/Appendix%20A.pdf", "Appendix", "item"),
    )


def test_missing_tags_give_defaults_and_records_without_ids_are_left_out() -> None:
    assert meeting("<meeting/>", "") == MeetingDetail(0, None, "", (), ())
    assert committees("<committees><committee><committeeid>7</committeeid></committee><committee/></committees>") == [
        Committee(7, "", expired=False, deleted=False)
    ]
    assert meetings(
        "<getmeetings><committee><committeeid>7</committeeid><committeemeetings>"
        "<meeting><meetingid>8</meetingid></meeting><meeting><meetingdate>13/01/2026</meetingdate></meeting>"
        "</committeemeetings></committee></getmeetings>"
    ) == [MeetingRef(8, 7, None, "")]


def test_an_error_page_instead_of_xml_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"^not a ModernGov XML response: .Server Error"):
        committees("Server Error in '/' Application.")


def test_decision_details_page_links_its_item_pdf_as_a_valid_absolute_url() -> None:
    page = (WEB / "lgsf_modgov_ieDecisionDetails_fragment.html").read_text(encoding="utf-8")

    found = html_documents(page, EXAMPLE + "ieDecisionDetails.aspx?ID=1")

    # The issue-history and meeting links on the page are no documents; the mgFileSize "PDF 119 KB" is no title.
    assert found == [Link(EXAMPLE + "documents/s7942/polc2%20-%2023.09.2015.pdf", "polc2 - 23.09.2015", "item")]
    assert " " not in found[0].url
    assert unquote(urlsplit(found[0].url).path) == "/moderngov/documents/s7942/polc2 - 23.09.2015.pdf"


def test_decision_details_page_names_the_meeting_it_was_decided_at() -> None:
    page = (WEB / "lgsf_modgov_ieDecisionDetails_fragment.html").read_text(encoding="utf-8")
    url = EXAMPLE + "ieDecisionDetails.aspx?ID=1"

    # <a href="ieListDocuments.aspx?CId=151&amp;MID=4832">19&#47;10&#47;2015 - Policy Committee</a>
    assert html_meetings(page, url, 151) == [MeetingRef(4832, 151, date(2015, 10, 19), "")]
    assert html_meetings(page, url, 152) == []


LIST_DOCUMENTS = """
<div id="modgov"><div class="mgHeader"><h1 class="mgMainTitleTxt">Agenda and minutes</h1></div>
<div class="mgSubTitle"><h2 class="mgSubTitleTxt">Audit Committee - Tuesday, 10th February, 2026 10.00 am</h2></div>
<div class="mgLinks"><ul class="mgActionList">
<li><a href="documents/g4967/Public reports pack 10th-Feb-2026 10.00 Audit Committee.pdf?T=10"
 title="Link&#32;to&#32;Public&#32;reports&#32;pack">Agenda reports pack
<span class="mgFileSize"><img height="12" src="mgimages/logo-pdf-1.gif" width="12" alt="pdf icon" />
 PDF 2 MB</span></a></li>
<li><a href="documents/g4967/Agenda frontsheet 10th-Feb-2026 10.00 Audit Committee.pdf?T=0">Agenda frontsheet
<span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="pdf icon" /> PDF 95 KB</span></a></li>
<li><a href="documents/g4967/Printed minutes 10th-Feb-2026 10.00 Audit Committee.pdf?T=1">Printed minutes
<span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="pdf icon" /> PDF 120 KB</span></a></li>
<li><a href="mgMeetingAttendance.aspx?ID=4967">Attendance details</a></li>
</ul></div>
<div class="mgContent"><table class="mgItemTable">
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">9.</p></td>
<td><p class="mgAiTitleTxt"><a href="mgAi.aspx?ID=18833">Planning &amp;amp; Highways Work Programme</a></p>
<ul class="mgBulletList">
<li><a href="documents/s60909/DRAFT WP FEBRUARY 2026.pdf" title="Link&#32;to&#32;file">Planning &amp;amp; Highways
 work programme <span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="pdf icon" /> PDF 119 KB</span></a></li>
<li><a href="documents/s60910/Appendix 1.pdf" title="Link&#32;to&#32;file&#32;Appendix&#32;1"><img
 src="mgimages/logo-pdf-1.gif" alt="pdf icon" /></a> <a href="documents/s60910/Appendix 1.pdf">Appendix 1</a></li>
</ul></td></tr></table></div></div>
"""


def test_list_documents_page_finds_packs_minutes_and_item_reports() -> None:
    found = html_documents(LIST_DOCUMENTS, EXAMPLE + "ieListDocuments.aspx?CId=144&MId=4967")

    assert found == [
        Link(
            EXAMPLE + "documents/g4967/Public%20reports%20pack%2010th-Feb-2026%2010.00%20Audit%20Committee.pdf?T=10",
            "Agenda reports pack",
            "pack",
        ),
        Link(
            EXAMPLE + "documents/g4967/Agenda%20frontsheet%2010th-Feb-2026%2010.00%20Audit%20Committee.pdf?T=0",
            "Agenda frontsheet",
            "agenda",
        ),
        Link(
            EXAMPLE + "documents/g4967/Printed%20minutes%2010th-Feb-2026%2010.00%20Audit%20Committee.pdf?T=1",
            "Printed minutes",
            "minutes",
        ),
        Link(
            EXAMPLE + "documents/s60909/DRAFT%20WP%20FEBRUARY%202026.pdf", "Planning & Highways work programme", "item"
        ),
        # The icon link comes first and has no text, so its title attribute names the file; the repeat is dropped.
        Link(EXAMPLE + "documents/s60910/Appendix%201.pdf", "Link to file Appendix 1", "item"),
    ]


def test_a_bare_percent_in_a_file_name_is_encoded() -> None:
    page = '<a href="documents/s99/100% attendance.pdf">100% attendance</a>'

    assert html_documents(page, EXAMPLE)[0].url == EXAMPLE + "documents/s99/100%25%20attendance.pdf"


LIST_MEETINGS = """
<div id="modgov"><div class="mgHeader"><h1 class="mgMainTitleTxt">Browse meetings - Audit Committee</h1></div>
<div class="mgContent">
<ul class="mgBulletList">
<li><a href="ieListDocuments.aspx?CId=144&amp;MId=4968&amp;Ver=4">Tuesday, 10th March, 2026 10.00 am</a></li>
<li><a href="ieListDocuments.aspx?CId=144&amp;MId=4967&amp;Ver=4">10 Feb 2026 10.00 am</a></li>
<li><a href="ieListDocuments.aspx?CId=144&amp;MID=4966&amp;Ver=4">13 Jan 2026 10.00 am</a>&nbsp;&nbsp;CANCELLED</li>
<li><a href="mgMeetingAttendance.aspx?ID=4965">25 Nov 2025 2.00 pm</a></li>
<li><a href="ieListDocuments.aspx?CId=144&amp;MId=4964&amp;Ver=4">14 Oct 2025 10.00 am - Cancelled</a></li>
<li><a href="ieListDocuments.aspx?CId=144&amp;MId=4967&amp;Ver=4">10 Feb 2026 10.00 am</a></li>
<li><a href="ieListDocuments.aspx?CId=145&amp;MId=5001&amp;Ver=4">12 Jan 2026 6.30 pm</a></li>
<li><a href="ieListDocuments.aspx?CId=144&amp;MId=4963&amp;Ver=4">Agenda</a></li>
</ul>
<p><a href="ieListMeetings.aspx?CId=144&amp;Year=2025">12 Jan 2025 earlier meetings</a></p>
</div></div>
"""


def test_list_meetings_page_reads_both_date_forms_and_the_cancelled_meetings() -> None:
    found = html_meetings(LIST_MEETINGS, EXAMPLE + "ieListMeetings.aspx?CId=144", 144)

    # 4967 is listed twice, 5001 belongs to committee 145, and 4963's link carries no date.
    assert found == [
        MeetingRef(4968, 144, date(2026, 3, 10), ""),
        MeetingRef(4967, 144, date(2026, 2, 10), ""),
        MeetingRef(4966, 144, date(2026, 1, 13), "Cancelled"),
        MeetingRef(4965, 144, date(2025, 11, 25), ""),
        MeetingRef(4964, 144, date(2025, 10, 14), "Cancelled"),
    ]


def test_text_after_a_list_with_unclosed_items_does_not_cancel_its_last_meeting() -> None:
    page = """<ul class="mgBulletList">
<li><a href="ieListDocuments.aspx?CId=9&amp;MId=2">3 Mar 2026</a> CANCELLED
<li><a href="ieListDocuments.aspx?CId=9&amp;MId=1">3 Feb 2026</a>
</ul><p>Meetings marked CANCELLED will not take place.</p>"""

    assert [m.status for m in html_meetings(page, EXAMPLE, 9)] == ["Cancelled", ""]


def _urls() -> list[str]:
    with (WEB / "real_moderngov_document_urls.tsv").open(encoding="utf-8", newline="") as handle:
        return [row["url"] for row in csv.DictReader(handle, delimiter="\t")]


def test_every_item_url_in_the_real_list_is_an_item() -> None:
    items = [url for url in _urls() if "/documents/s" in url]

    assert len(items) == 128
    assert {link_kind(url) for url in items} == {"item"}


# What the file name of a documents/g URL says it is, as ModernGov names them (Kent, Bristol).
NAMED_KINDS = {
    "Agenda frontsheet": "agenda",
    "Printed minutes": "minutes",
    "Decisions": "decisions",
    "Public reports pack": "pack",
}


def test_meeting_pdf_kinds_agree_with_their_file_names() -> None:
    meeting_pdfs = [url for url in _urls() if "/documents/g" in url]

    assert len(meeting_pdfs) == 21
    for url in meeting_pdfs:
        name = unquote(url.rsplit("/", 1)[1]).replace("+", " ")
        [expected] = [kind for prefix, kind in NAMED_KINDS.items() if name.startswith(prefix)]
        assert link_kind(url) == expected, url


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        (
            "https://democracy.bristol.gov.uk/documents/l395/Printed%20plan%20Transport%20Connectivity%20Policy%20Committee%20-%2021%20January%202026.pdf?T=4",
            "",
        ),
        ("https://westofengland-ca.moderngov.co.uk/ieListDocuments.aspx?CId=192&MID=727", ""),
        ("https://westofengland-ca.moderngov.co.uk/mgCommitteeDetails.aspx?ID=141", ""),
        ("https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860", "converted"),
        ("https://democracy.manchester.gov.uk/mgConvert2PDF.aspx", ""),
        ("documents/s7942/polc2 - 23.09.2015.pdf", "item"),
    ],
)
def test_link_kind_of_other_pages(url: str, kind: str) -> None:
    assert link_kind(url) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13/01/2026", date(2026, 1, 13)),
        ("10 Feb 2026 10.00 am", date(2026, 2, 10)),
        ("Tuesday, 10th February, 2026 10.00 am", date(2026, 2, 10)),
        ("Printed minutes 13th-Mar-2025 10.00 County Council", date(2025, 3, 13)),
        ("19/10/2015 - Policy Committee", date(2015, 10, 19)),
        ("10 Febuary 2026", date(2026, 2, 10)),  # misspelt as councils sometimes do
        ("31/02/2026", None),
        ("Audit Committee", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_decoded_unescapes_twice_encoded_text_and_collapses_whitespace() -> None:
    assert decoded("  Planning &amp;amp;\n Highways&nbsp;Committee ") == "Planning & Highways Committee"
    # Three passes at most: a fourth level of escaping is left as text.
    assert decoded("&amp;amp;amp;amp;") == "&amp;"
