"""The report filter flags, built once for `inbox list`, `stats` and `export`.

Each flag is a field of ``reporter.inbox.query.ReportFilter``; repeating a flag means any of
its values. The same flags select the same reports in every command.
"""

from __future__ import annotations

import argparse

from reporter.inbox.query import (
    COUNTING_STATES,
    REVIEW_STATES,
    VERIFICATION_STATES,
    ReportFilter,
)


def add_report_filter_flags(parser: argparse.ArgumentParser, with_all: bool = True) -> None:
    """Add the filter flags (and ``--all`` unless ``with_all`` is false) to ``parser``."""
    group = parser.add_argument_group("which reports")
    group.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="incident date from (YYYY, YYYY-MM or YYYY-MM-DD)",
    )
    group.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help="incident date to, the whole period named (YYYY, YYYY-MM, …)",
    )
    group.add_argument(
        "--type",
        dest="types",
        action="append",
        default=[],
        metavar="CODE",
        help="incident type code (repeatable)",
    )
    group.add_argument(
        "--state",
        dest="states",
        action="append",
        default=[],
        metavar="CODE",
        help="Mexican state, INEGI code such as 09 (repeatable)",
    )
    group.add_argument(
        "--perpetrator",
        dest="perpetrators",
        action="append",
        default=[],
        metavar="CODE",
        help="perpetrator code, or STATE / NON_STATE",
    )
    group.add_argument(
        "--level",
        dest="levels",
        action="append",
        default=[],
        metavar="LEVEL",
        help="level of government: FEDERAL, STATE, MUNICIPAL",
    )
    group.add_argument(
        "--verification",
        dest="f_verification",
        action="append",
        default=[],
        choices=VERIFICATION_STATES,
    )
    group.add_argument(
        "--review", dest="f_review", action="append", default=[], choices=REVIEW_STATES
    )
    group.add_argument(
        "--counting",
        dest="f_counting",
        action="append",
        default=[],
        choices=COUNTING_STATES,
        help="counting state (overrides the default of counted reports only)",
    )
    group.add_argument("--assignee", metavar="NAME")
    group.add_argument("--tag", dest="f_tag", metavar="TAG")
    group.add_argument("--device", metavar="ID_OR_FINGERPRINT")
    group.add_argument("--text", metavar="TEXT", help="in title or description")
    if with_all:
        group.add_argument(
            "--all",
            dest="include_all",
            action="store_true",
            help="every received report, whatever its counting state",
        )


def report_filter_from(args: argparse.Namespace) -> ReportFilter:
    """The ``ReportFilter`` the flags of ``add_report_filter_flags`` describe."""
    return ReportFilter(
        date_from=args.date_from,
        date_to=args.date_to,
        types=tuple(args.types),
        states=tuple(args.states),
        perpetrators=tuple(args.perpetrators),
        levels=tuple(args.levels),
        verification=tuple(args.f_verification),
        review=tuple(args.f_review),
        counting=tuple(args.f_counting),
        assignee=args.assignee,
        tag=args.f_tag,
        device=args.device,
        text=args.text,
    )


def include_all_from(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "include_all", False))
