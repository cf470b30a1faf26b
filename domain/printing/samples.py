"""Sample documents taken from seed 001 (the 2019 - 20 programme of Plymouth's Education and
Children's Social Care Overview and Scrutiny Committee), for previews, tests and benchmarks."""

from __future__ import annotations

import datetime as dt

from domain.printing.document import (
    DecisionRow,
    DecisionsDoc,
    MeetingGroup,
    PaperAnnex,
    PaperAnswer,
    ProgrammeDoc,
    ProgrammeRow,
    ScheduleRow,
    ScoringSheet,
    year_labels,
)

COUNCIL = "Plymouth City Council"
COMMITTEE = "Education and Children's Social Care Overview and Scrutiny Committee"

_STANDING_REASON = (
    "The Scrutiny Management Board resolved that this item should be included on the ECSC work "
    "programme as a standing item for every meeting to monitor the budget position for items "
    "specifically relating to the panel's terms of reference."
)
_PERFORMANCE = "Corporate Performance and Finance Outturn Report - Education focus"
_OFSTED = (
    "OFSTED Inspection of Children, Young People and Families Service \u2013 Action/ "
    "Improvement Plans"
)


def sample_meetings() -> tuple[MeetingGroup, ...]:
    return (
        MeetingGroup(
            dt.date(2019, 7, 10),
            (
                ProgrammeRow(
                    "Fair Funding for Schools",
                    None,
                    "As a result of an amended motion on notice to 18.03.2019 Council \u2013 "
                    "Education and Children's Overview and Scrutiny Committee to closely monitor "
                    "the impact of the school funding crisis in Plymouth exploring specifically "
                    "whether schools in the city are being forced to close early on some days of "
                    "the week as a result of funding constraints.",
                    "Judith Harwood",
                ),
                ProgrammeRow(
                    "Pledge Update",
                    None,
                    "To provide Members with a progress position on pledges relevant to the "
                    "panel's remit",
                    "Cabinet Member",
                ),
                ProgrammeRow(
                    "Elective Home Education",
                    None,
                    "To include rise and reasons. What are the drivers?",
                    "Jo Siney/ Isabelle Morgan",
                ),
                ProgrammeRow("Bullying and Attendance", None, "", "Jo Siney/ Isabelle Morgan"),
                ProgrammeRow(
                    "Care Leavers and NEET - plan", None, "", "Andrea Powell/ Natalie Smith"
                ),
                ProgrammeRow(
                    "Strategic Risk Register",
                    None,
                    "To help populate the work programme if risks fall within the scrutiny "
                    "panel's remit",
                    "Julie Hosking",
                ),
            ),
        ),
        MeetingGroup(
            dt.date(2019, 9, 11),
            (
                ProgrammeRow(
                    "Child Exploitation",
                    2,
                    "Include a progress report on Together for Childhood. Also for Members to be "
                    "provided with the scope of child exploitation and include information upon "
                    "cyber issues, modern slavery and the framework for the multi-agency group",
                    "Jean Kelly",
                ),
                ProgrammeRow("Together for Childhood", None, "", "Siobhan Wallace"),
                ProgrammeRow(
                    "Plymouth Challenge Update",
                    4,
                    "A progress report",
                    "Judith Harwood/ David Bowles",
                ),  # fmt: skip
                ProgrammeRow(
                    "Early Help Offer and plans for development",
                    5,
                    "Commissioning -Include CAMHS -developments",
                    "Jo Siney/ Emma Crowther",
                ),
                ProgrammeRow(
                    _OFSTED,
                    5,
                    "Improvement plan to be presented to Members. This item has recently gone to "
                    "Cabinet.",
                    "Jean Kelly",
                    ("To follow",),
                ),
            ),
        ),
        MeetingGroup(
            dt.date(2019, 11, 13),
            (
                ProgrammeRow(_PERFORMANCE, 5, _STANDING_REASON, "Judith Harwood"),
                ProgrammeRow("Young Carers", None, "", "Dave Bowles/ Lisa Cornish"),
                ProgrammeRow(
                    "STEM refresh of plan",
                    4,
                    "To provide a retrospective and looking forwards view of the STEM plan.",
                    "Ed Coley",
                ),
                ProgrammeRow(
                    "New Ofsted Framework",
                    3,
                    "To provide details on the impact on the inspection framework.",
                    "Judith Harwood",
                    ("Verbal update",),
                ),
                ProgrammeRow(
                    "Elective Home Education",
                    5,
                    "DFE consultation results to be included for discussion with reference to the "
                    "Inclusion and Attendance Strategy",
                    "Judith Harwood",
                ),
                ProgrammeRow(
                    "School Attendance Consultation",
                    5,
                    "To include data regarding achievement levels in schools.",
                    "Judith Harwood",
                ),
                ProgrammeRow(
                    "Fit and Fed Programme",
                    4,
                    "To provide a briefing upon the success of the summer Fit and Fed programme "
                    "\u2013 data to be included.",
                    "Jean Kelly",
                ),
            ),
        ),
        MeetingGroup(
            dt.date(2020, 1, 8),
            (
                ProgrammeRow("Report on PAUSE", 4, "", "Emma Crowther"),
                ProgrammeRow(
                    "Care Leavers and NEET",
                    5,
                    "Progress report to be provided (specifically Pledge 48)",
                    "Jean Kelly",
                ),
                ProgrammeRow(_PERFORMANCE, 5, _STANDING_REASON, "Judith Harwood"),
                ProgrammeRow(
                    _OFSTED, 5, "To monitor progress since September 2019 meeting.", "Jean Kelly"
                ),
                ProgrammeRow(
                    "Children in Need",
                    5,
                    "Plymouth's response to the Department for Education's paper released in "
                    "June 2019.",
                    "Jean Kelly",
                ),
                ProgrammeRow(
                    "Cyber Bullying",
                    3,
                    "To hear from Dr Andy Phippen \u2013 expert witness on cyber bullying and "
                    "internet security for young people.",
                    "",
                ),
            ),
        ),
        MeetingGroup(
            dt.date(2020, 3, 4),
            (
                ProgrammeRow(_PERFORMANCE, 5, _STANDING_REASON, "Judith Harwood"),
                ProgrammeRow(
                    "Sex Education and Relationship Curriculum",
                    4,
                    "How are maintained schools going to deliver the new sex education curriculum "
                    "\u2013 comes into force in September 2020 \u2013 to have sight of policy.",
                    "Jean Kelly",
                ),
            ),
        ),
    )


def sample_to_be_scheduled() -> tuple[ScheduleRow, ...]:
    return (
        ScheduleRow(
            "School visits",
            "Added to the work programme on 13.3.19 \u2013 recommended by Councillor Jon Taylor "
            "(Cabinet Member for Education, Skills and Transformation) for Members to see what "
            "schools were doing to raise standards/ attainment.",
            "Judith Harwood",
        ),
        ScheduleRow(
            "School Readiness Update",
            "Added to the work programme on 6.02.2019 \u2013 progress update at future meeting.",
            "Judith Harwood",
        ),
        ScheduleRow(
            "How the Personal, Social, Health and Economic Education (PSHE) is delivered across "
            "the city.",
            "Added to the work programme on 28.11.2018.",
            "Judith Harwood",
        ),
        ScheduleRow(
            "Transition to Adulthood", "Added to the work programme on 29.05.2019", "Jean Kelly"
        ),
        ScheduleRow(
            "Failure to Reduce Health Inequalities",
            "Added to the work programme on 10.07.2019 This was an amber risk on the Strategic "
            "Risk Register \u2013 for an action plan and future mitigations to be provided.",
            "",
        ),
        ScheduleRow(
            "Safeguarding Social Workers",
            "Added to work programme by Vice Chair 14.08.2019. To include, monitoring, recording "
            "and mitigation.",
            "Jean Kelly",
        ),
    )


def sample_reviews() -> tuple[ScheduleRow, ...]:
    return (
        ScheduleRow(
            "Bullying and attendance \u2013 Select Review?",
            "Added to the work programme on 13.03.2019. To be scheduled after February 2019.",
            "Judith Harwood",
        ),
        ScheduleRow(
            "Fair Funding for Schools",
            "Added to the work programme on 10.07.2019 To assess the impact of the National "
            "Funding Formula (NFF) upon Plymouth schools, with particular attention upon the "
            "impact on staffing reduction including teaching assistants, the increase in class "
            "sizes, collapsing the school day and concerns schools have for the children over the "
            "city.",
            "Judith Harwood",
        ),
    )


def sample_programme(*, draft: bool = False, annex: bool = True) -> ProgrammeDoc:
    year_label, short_year = year_labels(2019)
    return ProgrammeDoc(
        committee_name=COMMITTEE,
        year_label=year_label,
        short_year=short_year,
        officer_name="Helen Rickman",
        officer_phone="01752 398444",
        council_name=COUNCIL,
        meetings=sample_meetings(),
        to_be_scheduled=sample_to_be_scheduled(),
        reviews=sample_reviews(),
        annex=PaperAnnex() if annex else None,
        draft=draft,
    )


def sample_decisions() -> DecisionsDoc:
    july = dt.date(2019, 7, 10)
    return DecisionsDoc(
        committee_name="Education and Children\u2019s Social Care Overview and Scrutiny Committee",
        council_name=COUNCIL,
        rows=(
            DecisionRow(
                dt.date(2019, 3, 13),
                "The Oracy Project",
                "Members requested to receive the Oracy Project evaluation reports once finalised",
                "March 2019",
                "Ruth Woodhouse",
                "Ongoing",
            ),
            DecisionRow(
                july,
                "Number of Children in Care \u2013 verbal update",
                "Agreed that further details of the trend over the previous 6 month period of "
                "children in care would be provided to Members.",
                "July 2019",
                "Jean Kelly",
                "Request for information emailed",
            ),
            DecisionRow(
                july,
                "Pledge Update",
                "Members noted the update and requested that the School Attendance Consultation is "
                "added to the work programme for discussion in September 2019 (to include data "
                "regarding achievement levels in schools).",
                "July 2019",
                "Judith Harwood",
                "Complete \u2013 added to work programme",
            ),
            DecisionRow(
                july,
                "Fair Funding for Schools",
                "It was agreed that the Education and Children\u2019s Social Care Overview and "
                "Scrutiny Panel would undertake a select review in order to assess the impact of "
                "the National Funding Formula (NFF) upon Plymouth schools, with particular "
                "attention upon the impact on staffing reduction including teaching assistants, "
                "the increase in class sizes, collapsing the school day and concerns schools have "
                "for the children over the city.",
                "July 2019",
                "Judith Harwood",
                "This is added to the work programme and a select committee review plan is being "
                "completed",
            ),
            DecisionRow(
                july,
                "Bullying and Attendance",
                "It was agreed that the Committee:\n"
                "1. recommend to Officers to extend an invitation to both a Primary and Secondary "
                "Head Teacher to attend a future committee in order to advise Members on how they "
                "react to bullying within their schools;\n"
                "2. recommend to Officers to explore the feasibility of inviting a parent whose "
                "child had been bullied to a future committee in order to share their experiences;",
                "July 2019",
                "Judith Harwood",
                "Emailed to officers. This will be actioned as part of the bullying select review.",
            ),
        ),
    )


def sample_scoring_sheet() -> ScoringSheet:
    return ScoringSheet(
        topic_title="School Attendance Consultation",
        scorer="Cllr Mrs Bowyer (Chair)",
        scored_on=dt.date(2019, 7, 10),
        committee_name=COMMITTEE,
        council_name=COUNCIL,
        answers=(
            PaperAnswer(True, "Parents and head teachers raised attendance at the July meeting."),
            PaperAnswer(True, "The consultation closes in October; the committee can respond."),
            PaperAnswer(True, "Persistent absence above the national average (KPI 12)."),
            PaperAnswer(True, "Affects schools in every ward."),
            PaperAnswer(True, "No other forum is reviewing the consultation."),
            PaperAnswer(False, ""),
        ),
    )
