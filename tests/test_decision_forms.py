"""Decisions and movers in the forms councils print them, each on lines copied from a real PDF."""

from __future__ import annotations

from dataclasses import replace

from extractors.decisions import outcome, read_decisions
from extractors.headings import Placed
from extractors.movers import movers, resolve_mover
from extractors.tables import Table
from models import AttendanceRecord
from models.vocab import AttendanceStatus, DecisionOutcome
from tests.conftest import placed


def lines(text: str) -> list[Placed]:
    """Like `placed`, but an empty line is a paragraph gap (a line height), not a line."""
    out: list[Placed] = []
    shift = 0.0
    for raw in text.strip("\n").split("\n"):
        if not raw.strip():
            shift += 20.0
            continue
        [one] = placed(raw)
        top = 70.0 + 14.0 * len(out) + shift
        out.append(replace(one, line=replace(one.line, top=top, bottom=top + 10.5)))
    return out


def texts(text: str, title: str = "") -> list[str]:
    return [d.text for d in read_decisions(lines(text), title)]


def test_resolved_in_mid_paragraph_after_the_council() -> None:
    # Burton-cum-Walden Parish Council minutes, 4 Nov 2025, item 6.
    found = texts(
        "The Council discussed further setting the Precept for 2026/27. It noted that at its previous\n"
        "meeting, it had provisionally agreed a figure of £7,700.00. However, in the light of the current\n"
        "Cemetery Committee (see Item 4 above), the Council\n"
        "RESOLVED: To set the Precept for 2026/27 at £7,800.00, and to instruct the Clerk to\n"
        "communicate this decision to North Yorkshire Council as billing authority."
    )
    assert found == [
        "RESOLVED: To set the Precept for 2026/27 at £7,800.00, and to instruct the Clerk to communicate this "
        "decision to North Yorkshire Council as billing authority."
    ]


def test_a_numbered_it_was_approved() -> None:
    # Bristol Transport and Connectivity Committee minutes, 12 Sep 2024, item 7.
    found = texts(
        "put to the vote the recommendation was CARRIED unanimously.\n\n"
        "**1. It was APPROVED that a Task and Finish Group be initiated to be chaired by Cllr Rob Bryher, to\n"
        "**make recommendations to the committee for a modern and holistic Parking and Kerbside Strategy."
    )
    assert len(found) == 1 and found[0].startswith("It was APPROVED that a Task and Finish Group")


def test_a_lead_in_takes_the_numbered_resolution_after_a_gap() -> None:
    # Bristol, item 10: "It was APPROVED;" / "That the Committee ..." / gap / "3. Approved, ...".
    found = texts(
        "**It was APPROVED;\n"
        "**That the Committee for Transport and Connectivity\n\n"
        "**  3. Approved, subject to suitable resource being available, so as not to delay the implementation\n"
        "**    of the CRSTS programme."
    )
    assert found == [
        "That the Committee for Transport and Connectivity 3. Approved, subject to suitable resource being "
        "available, so as not to delay the implementation of the CRSTS programme."
    ]


def test_an_agreed_sentence_beside_a_structured_decision() -> None:
    # Sutton Coldfield Amenities Committee minutes, 13 Mar 2018, item 57.
    found = texts(
        "Committee considered locations for defibrillators from the 2018/19 budget for previously approved\n"
        "by Council. It was agreed that Falcon Lodge Community Centre, the Harvest Fields Centre, sports\n"
        "and recreation facilities and shops on White House Common Road would be prioritised.\n\n"
        "**Committee resolved to note the update on the new locations and progress."
    )
    assert found[0].startswith("It was agreed that Falcon Lodge Community Centre")
    assert found[1] == "Committee resolved to note the update on the new locations and progress."


def test_short_outcomes_take_what_they_decide() -> None:
    # Ayton Community Council minutes, 4 Jun 2019, item 6 (GD: who acts), and 3 Nov 2009, item 5.
    assert texts("**• Erection of Greenhouse - The Old Glebe, Ayton. Supported. GD") == [
        "Erection of Greenhouse - The Old Glebe, Ayton. Supported."
    ]
    found = texts(
        " New Village NoticeBoardsin the Crofts. J I Inglis offered to donate the new boards\n"
        "   to the community. This was agreed by the CC."
    )
    assert found == ["J I Inglis offered to donate the new boards to the community. This was agreed by the CC."]
    # Tintern Community Council minutes, 24 Jun 2019, item 2715: the outcome on its own line.
    assert texts("Clerk's Salary & Expenses - £340.75 (Ch. No. 300123),\n- all approved.") == ["all approved."]


def test_a_motion_without_resolved_and_a_pronoun_proposer() -> None:
    # Tintern, item 2718.
    [decision] = read_decisions(
        lines(
            "Wood. His valuation report is awaited. Cllr Cobb explained to Cllrs that TCC needed to\n"
            "obtain a proper valuation before a sale of the Slipway to the Trust could be considered and\n"
            "she proposed & Cllr Evans seconded that TCC pay the fee. All Councillors present were in\n"
            "agreement. Clerk to raise the cheque and inform the Trust."
        )
    )
    assert decision.text == (
        "she proposed & Cllr Evans seconded that TCC pay the fee. All Councillors present were in agreement."
    )
    assert (decision.proposer, decision.seconder) == ("Cllr Cobb", "Cllr Evans")


def test_a_noting_is_a_decision_only_as_its_own_paragraph() -> None:
    # Bristol, item 11; Kent Cabinet minutes, 30 Jan 2025, item 89 (a point in the debate).
    assert texts("**The Transport and Connectivity Committee noted the report.") == [
        "The Transport and Connectivity Committee noted the report."
    ]
    debate = (
        "• Members noted the challenges of managing limited funding from\n"
        "   successive governments. Comparison was made between Kent's financial"
    )
    assert texts(debate) == []
    assert texts("Apologies were received from Mrs C Bell.") == []


def test_movers_named_after_the_decision() -> None:
    # Ayton, 4 Jun 2019, item 4: the last words are set in bold.
    [decision] = read_decisions(
        lines("The Minutes of the Meeting held on 7 May 2019 were approved. Proposed by GD and seconded\n**by PP.")
    )
    assert decision.text == "The Minutes of the Meeting held on 7 May 2019 were approved."
    assert (decision.proposer, decision.seconder) == ("GD", "PP")


def test_mover_forms() -> None:
    assert movers("Approval -proposed NR, seconded DN.") == ("NR", "DN")  # Ayton, 2009
    assert movers("MOTION BY: Allen Fisk SECOND: Mendez AYES: Sherrard") == ("Allen Fisk", "Mendez")  # East Palo Alto
    assert movers("Commissioner Allen Fisk made a motion, seconded by Commissioner Bello to continue") == (
        "Commissioner Allen Fisk",
        "Commissioner Bello",
    )
    # Chicago Lincoln Square SSA #21 minutes, 29 Jan 2018.
    assert movers("Minutes from 11/30/17 meeting approved - Z. Maiorca (motion), T. Feinberg (second)") == (
        "Z. Maiorca",
        "T. Feinberg",
    )
    assert movers("Motion by Smith, second by Jones.") == ("Smith", "Jones")
    assert movers("proposed by Cllr Hall, seconded by Cllr Reed and unanimously agreed") == ("Cllr Hall", "Cllr Reed")
    assert movers("The Chairman proposed and the Vice-Chairman seconded that the grant be paid.") == (
        "The Chairman",
        "the Vice-Chairman",
    )


def test_the_substantive_motion_not_the_amendment_names_the_movers() -> None:
    # Bristol, item 10: a withdrawn amendment between the motion and its vote.
    text = (
        "The report and recommendations were moved by Councillor Plowden and seconded by Councillor Wilcox. "
        "Councillor Self moved an amendment which was seconded by Tim Rippington. The amendment text as follows:"
    )
    assert movers(text) == ("Councillor Plowden", "Councillor Wilcox")


def test_a_lost_amendment_is_a_rejected_decision() -> None:
    # Kent County Council budget minutes, 13 Feb 2025, item 291.
    [decision] = read_decisions(
        lines(
            "(7) Mr Brady proposed, and Ms Meade seconded the following amendment:\n\n"
            "    Proposed Purpose:\n\n"
            '    "To amend the budget proposed by the Administration in line with the\n'
            "    Labour Group's Alternative Budget in accordance with sections 8.10 - 14\n"
            '    of the Constitution."\n\n'
            "(8) Following the debate, the Chairman put to the vote the amendment set out\n"
            "    in paragraph 7 above and the voting was as follows:\n\n"
            "                                                 Amendment lost."
        )
    )
    assert decision.text.startswith('"To amend the budget proposed by the Administration')
    assert decision.outcome == DecisionOutcome.REJECTED
    assert (decision.proposer, decision.seconder) == ("Mr Brady", "Ms Meade")


def test_a_carried_amendment_is_not_a_decision_of_its_own() -> None:
    # Bristol, item 7: the amended recommendation is what is APPROVED.
    found = texts(
        "Councillor Wilcox moved an amendment to the report as follows:\n\n"
        "c. Approve and implement price alignment for all Easton (ES) RPS permits.\n\n"
        "The amendment was seconded by Councillor Bryher\n\n"
        "On being put to the vote the amendment was CARRIED (5 members voting in favour and 1 against."
    )
    assert found == []


def test_a_us_vote_record_decides_the_item_title() -> None:
    # East Palo Alto Planning Commission minutes, 27 Jan 2020, item 2.
    [decision] = read_decisions(
        lines("**RESULT: APPROVED [UNANIMOUS]\n**MOTION BY: Mashack\n**SECOND: Brown\nAYES: Mashack, Brown"),
        "APPROVAL OF THE AGENDA",
    )
    assert decision.text == "APPROVAL OF THE AGENDA"
    assert (decision.proposer, decision.seconder) == ("Mashack", "Brown")
    # item 5: the motion sentence is the decision; its vote record is not a second one
    found = texts(
        "Commissioner Allen Fisk made a motion, seconded by Commissioner Bello to\n"
        "continue this item to the next Planning Commission Meeting. Motion approved.\n\n"
        "**RESULT: APPROVED [UNANIMOUS]\nMOTION BY: Allen Fisk\n**SECOND: Bello",
        "SPECIAL PRESENTATIONS",
    )
    assert len(found) == 1 and found[0].startswith("Commissioner Allen Fisk made a motion")


def test_the_outcome_comes_from_the_vote_not_any_loss() -> None:
    assert outcome("It was agreed to send a new copy.", "The cheque had been lost in post.") != DecisionOutcome.REJECTED
    assert outcome("Approves the removal.", "On being put to the vote the recommendation was LOST") == (
        DecisionOutcome.REJECTED
    )
    # Kent County Council: amendments lost, then the substantive motion resolved
    assert outcome("RESOLVED that: (a) The 10-year Capital programme", "Amendment lost.") != DecisionOutcome.REJECTED


def _person(name: str, role: str = "", status: AttendanceStatus = AttendanceStatus.PRESENT) -> AttendanceRecord:
    return AttendanceRecord(meeting_id="", name=name, role=role, status=status, source_document_id="", page=1)


def test_movers_resolve_to_attendees() -> None:
    people = [
        _person("Rob Boyd", "Chair"),
        _person("Norman Robertson", "Vice-Chairman"),
        _person("Robert Allen Fisk"),
        _person("Ed Plowden"),
        _person("Nina Dunn", status=AttendanceStatus.APOLOGIES),
    ]
    assert resolve_mover("NR", people) == "Norman Robertson"  # initials (Ayton)
    assert resolve_mover("The Chairman", people) == "Rob Boyd"
    assert resolve_mover("the Vice-Chairman", people) == "Norman Robertson"
    assert resolve_mover("the Clerk", people) == ""  # no one holds the role: no name is made up
    assert resolve_mover("Allen Fisk", people) == "Robert Allen Fisk"
    assert resolve_mover("Councillor Plowden", people) == "Ed Plowden"
    assert resolve_mover("ND", people) == "ND"  # apologies sent: not at the meeting


def test_each_bullet_under_a_conclusions_heading_is_a_decision() -> None:
    # Hyndland Parent Council minutes, 26 Nov 2025 (continuation lines hang under their bullet).
    found = texts(
        "**Conclusions:\n"
        "**  ● Process needs to be put in place for distribution of minutes.\n"
        "  ● Staggered approach (P1-3 and P4-P7) was looking like the easiest option.\n"
        "  ● If class room is condemned it needs to be removed, this maybe something the playground "
        "surveyors can advise\n"
        "     on.\n"
        "**Action items Person responsible Deadline"
    )
    assert found == [
        "Process needs to be put in place for distribution of minutes.",
        "Staggered approach (P1-3 and P4-P7) was looking like the easiest option.",
        "If class room is condemned it needs to be removed, this maybe something the playground surveyors can "
        "advise on.",
    ]


def test_a_planning_application_and_the_response_to_it() -> None:
    # Tintern, item 2716: an entry runs on over a dash; one with no response is no decision.
    found = texts(
        "DM/2019/00603 - Dwelling on Land between Chapel Cottage & Gower Cottage, Glyn View\n"
        "- approval recommended subject to comments and conditions as these had to be submitted by\n"
        "17 th June.\n"
        "DM/2019/00833 (Agricultural Notification) - Log Store, Woodland to east of Trellech Road.\n"
        "DM/2019/00723 - Listed Building Consent, Old Cider Mill Cottage. TCC had no objections\n"
        "provided the alterations are benign & reversible and recommended approval.\n"
        "Update on DM/2018/01912 - Land south of former Abbey Hotel for 4 dwellings, conversion"
    )
    assert found == [
        "DM/2019/00603 - Dwelling on Land between Chapel Cottage & Gower Cottage, Glyn View - approval recommended "
        "subject to comments and conditions as these had to be submitted by 17 th June.",
        "DM/2019/00723 - Listed Building Consent, Old Cider Mill Cottage. TCC had no objections provided the "
        "alterations are benign & reversible and recommended approval.",
    ]
    # Souldern Parish Council planning minutes, 22 Mar 2018, item 03.18.13.
    assert texts("18/00020/NMA The Tower House - comment to be made as per previous application") == [
        "18/00020/NMA The Tower House - comment to be made as per previous application"
    ]


def test_the_chairs_signature_is_no_decision() -> None:
    # Sutton Coldfield, the last lines of the minutes.
    assert texts("Signed as a correct record") == []


def test_a_us_line_with_its_movers_after_it() -> None:
    # Chicago Lincoln Square SSA #21 minutes, 29 Jan 2018, under "New Business".
    [decision] = read_decisions(lines("o APPROVED - Revised 2018 budget - B. Munro (motion), Z. Maiorca (second)"))
    assert decision.text == "APPROVED - Revised 2018 budget"
    assert (decision.proposer, decision.seconder) == ("B. Munro", "Z. Maiorca")
    # the same form as an item's title, with nothing under it
    [titled] = read_decisions([], "Minutes from 11/30/17 meeting approved - Z. Maiorca (motion), T. Feinberg (second)")
    assert titled.text == "Minutes from 11/30/17 meeting approved"
    # the movers on their own under the title they moved
    [moved] = read_decisions(lines("- M. Prest (motion), C. Dallas (second)"), "Meeting called to order at 9:08am")
    assert moved.text == "Meeting called to order at 9:08am"
    assert (moved.proposer, moved.seconder) == ("M. Prest", "C. Dallas")


def test_a_decision_column_of_a_table() -> None:
    # Sutton Coldfield Amenities Committee minutes, 13 Mar 2018, item 6 (community grant applications).
    body = lines(
        "Committee considered the following applications:\n"
        "Organisation Project Summary Amount Requested Recommendation\n"
        "Friends of Mossy Bank Improvements to Mossy Bank public open space. Vesey Ward £2500 approved.\n"
        "YMCA YMCA is seeking funding to continue their Trinity Ward £8,000 Rejected."
    )
    table = Table(
        page=1,
        x0=42.0,
        top=body[1].line.top,
        x1=560.0,
        bottom=body[-1].line.bottom,
        rows=(
            ("Organisation", "Project Summary", "Amount Requested", "Recommendation"),
            ("Friends of Mossy Bank", "Improvements to Mossy Bank public open space.", "Vesey Ward £3098.50",
             "£2500 approved. Meets the criteria of protecting and improving the environment."),
            ("YMCA", "YMCA is seeking funding to continue their Triple A project", "Trinity Ward £8,000",
             "Rejected. Committee noted that this application should be considered alongside the emerging "
             "priorities in the community plan."),
        ),
        method="pdfplumber",
    )  # fmt: skip
    found = read_decisions(body, tables=[table])
    assert [d.text[:15] for d in found] == ["£2500 approved.", "Rejected. Commi"]
    assert [d.outcome for d in found] == [DecisionOutcome.APPROVED, DecisionOutcome.REJECTED]
    # a table elsewhere in the minutes is not this item's
    assert read_decisions(body[:1], tables=[table]) == []


def test_a_lead_in_in_mid_line_takes_the_resolution_below() -> None:
    # Bristol's vote and its "It was APPROVED" set on one line, as some renderings of its minutes run them.
    found = texts(
        "On being put to the vote the recommendation was CARRIED unanimously. It was APPROVED that;\n\n"
        "**a Task and Finish Group be initiated to be chaired by Cllr Rob Bryher."
    )
    assert found == ["It was APPROVED that; a Task and Finish Group be initiated to be chaired by Cllr Rob Bryher."]


def test_a_recap_of_the_items_decisions_is_not_read_again() -> None:
    # Bristol, item 7: the summary after the item's votes.
    found = texts(
        "**It was APPROVED:\n"
        "**6. Approved the implementation of competitive early bird charging at Temple Gate and West End\n\n"
        "**SUMMARY OF APPROVED RECOMMENDATIONS\n"
        "**The Policy Committee RESOLVED:\n"
        "**1. Initiated a Task and Finish Group, to be chaired by Cllr Rob Bryher, to make recommendations to"
    )
    assert found == ["Approved the implementation of competitive early bird charging at Temple Gate and West End"]


def test_an_outcome_that_says_what_it_allows_stands_alone() -> None:
    # Souldern Parish Council planning minutes, 22 Mar 2018, item 03.18.09.
    found = texts(
        "Two quotes had been received, the lowest of which was submitted by Kevin Cambray for £700. He will\n"
        "carry out the work over 2 weekends. Approved to proceed."
    )
    assert found == ["Approved to proceed."]


def test_a_title_that_is_a_decision() -> None:
    # Chicago SSA #21, items whose titles are the business done (movers dropped from the title).
    body = lines("o In 2017, the SSA received $239,503 out of $242,994 in expected taxes")
    [decision] = read_decisions(body, "2017/18 Financials approved")
    assert decision.text == "2017/18 Financials approved"
    assert read_decisions([], "Todd Feinberg welcomed to SSA Commission") == []


def test_a_long_run_of_short_outcomes_reads_in_one_pass() -> None:
    # Review finding: 1,200 lines of "Approved. Agreed." in one paragraph recursed once per outcome.
    found = texts("\n".join(["Approved. Agreed."] * 1200))
    assert len(found) == 2400
    assert all(t in ("Approved.", "Agreed.") for t in found)


def test_movers_of_one_decision_do_not_pass_to_the_next() -> None:
    # Review finding: the movers before the first resolution were given to the second too.
    found = read_decisions(
        lines(
            "Proposed by Cllr Adams, seconded by Cllr Brown.\n"
            "RESOLVED grant approved.\n"
            "\n"
            "RESOLVED that the playground report be noted."
        )
    )
    assert [(d.proposer, d.seconder) for d in found] == [("Cllr Adams", "Cllr Brown"), ("", "")]


def test_many_decisions_in_one_item_keep_their_own_movers() -> None:
    # A long item (Kent County Council minutes copied end to end): each resolution's movers are
    # the ones printed just before it, and the last resolution has none.
    block = "Mr Oakford proposed, and Mr Gough seconded the motion that:\nRESOLVED that the report be noted.\n\n"
    found = read_decisions(lines(block * 300 + "RESOLVED that the playground report be noted."))
    assert len(found) == 301
    assert all(d.proposer == "Mr Oakford" for d in found[:-1]) and found[-1].proposer == ""


def test_a_lost_amendment_leaves_the_motions_movers_to_its_resolution() -> None:
    # Kent County Council budget minutes, 13 Feb 2025, item 291: the motion, a lost amendment, the resolution.
    found = read_decisions(
        lines(
            "(4) Mr Oakford proposed and Mr Gough Seconded the following motion:\n\n"
            '"County Council is asked to agree the 10-year Capital programme."\n\n'
            "(7) Mr Brady proposed, and Ms Meade seconded the following amendment:\n\n"
            '"To amend the budget in line with the Labour Group\'s Alternative Budget."\n\n'
            "(8) Following the debate, the Chairman put to the vote the amendment set out\n"
            "in paragraph 7 above and the voting was as follows:\n\n"
            "Amendment lost.\n\n"
            "(9) RESOLVED that the 10-year Capital programme be agreed."
        )
    )
    assert [(d.proposer, d.outcome) for d in found] == [
        ("Mr Brady", DecisionOutcome.REJECTED),
        ("Mr Oakford", DecisionOutcome.APPROVED),
    ]


def test_a_report_conclusion_is_not_a_decision() -> None:
    # Kent record of decision 24/00093, page 5: "Conclusion" heads a report's summing up.
    found = texts(
        "**Conclusion\n"
        "The information provided in response to the Cabinet Committee motion will inform any future\n"
        "decision by the Cabinet Member."
    )
    assert found == []


def test_one_list_of_deciding_bodies_for_decisions_and_their_outcomes() -> None:
    # "The Transport and Connectivity Committee noted the report." (Bristol decisions notice): the
    # same body words make the sentence a decision and its outcome "noted", whichever body it is.
    for body in ("Transport and Connectivity Committee", "Police and Crime Panel", "Cabinet", "Planning Commission"):
        [decision] = read_decisions(lines(f"The {body} noted the report."))
        assert decision.outcome == DecisionOutcome.NOTED, body


def test_a_paragraph_of_debate_opened_by_members_gives_its_first_sentence() -> None:
    # Kent Cabinet minutes, 30 Jan 2025, page 2.
    found = texts(
        "Members agreed to refer the decision to full Council. Mr Watts (General\n"
        "Counsel) confirmed that in accordance with s.17.73 and S.74 of the\n"
        "Constitution, that following a decision to refer an item to full Council, it\n"
        "would first be reconsidered by the next meeting of the Cabinet."
    )
    assert found == ["Members agreed to refer the decision to full Council."]
