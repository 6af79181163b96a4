"""questions …, settings questions, inbox ask, inbox questions: questions back to the reporter.

Thin callers of reporter.questions (the app calls the same functions); every listing has
--json. The reporter's side never names who asked: a question is from "the coalition".
"""

from __future__ import annotations

import argparse

from reporter.cli.commands import add_group, add_json_command
from reporter.cli.context import CliContext, add_proxy_flag
from reporter.errors import error_from
from reporter.i18n import N_, Texts
from reporter.incidents.question_catalogue import REQUESTS, TEMPLATES, question_text, request_label
from reporter.questions import asking
from reporter.share import device_questions

_T = Texts(
    {
        "none": N_("no questions"),
        "from": N_("the coalition asks"),
        "asks_share": N_("asks you to share: {what}"),
        "answer": N_("your answer: {text}"),
        "answered": N_("answer: {text}"),
        "shared": N_("shared: {what}"),
        "saved": N_(
            "Answer saved. It leaves with the incident's next share: testigo-cli share {id}"
        ),
        "sent": N_("Question {id} sent about report {incident}."),
        "on": N_("Questions from the coalition are on."),
        "off": N_("Questions from the coalition are off: they are deleted unread."),
        "refused": N_(
            "{n} message(s) refused (not signed by the coalition, or not for this device's "
            "incidents)"
        ),
        "open": N_("open"),
        "answered_state": N_("answered (leaves with the next share)"),
        "sent_state": N_("answer sent"),
        "sending": N_("not confirmed by the relay"),
        "asked_sent": N_("sent"),
        "asked_answered": N_("answered in revision {revision}"),
    }
)
_STATES = {"open": "open", "answered": "answered_state", "sent": "sent_state"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The reporter's `questions` group."""
    group = add_group(sub, "questions", "the coalition's questions about your shared incidents")
    p = add_json_command(
        group,
        "list",
        "questions received, inside their incidents",
        "testigo-cli questions list --incident 3f2c… --json",
        cmd_list,
    )
    p.add_argument("--incident", metavar="ID", help="only this incident's questions")
    p = add_json_command(
        group,
        "answer",
        "answer with a short text, or share what was asked (then run share)",
        "testigo-cli questions answer 9a1b… --text 'El martes 14' --share day",
        cmd_answer,
    )
    p.add_argument("question_id", metavar="QID")
    p.add_argument("--text", help="your answer (at most 2000 characters)")
    p.add_argument(
        "--share",
        action="append",
        default=[],
        choices=sorted(REQUESTS),
        help="grant the consent to share this (repeatable); choose a file with share --attach",
    )
    add_json_command(
        group,
        "refused",
        "messages refused: not signed by the coalition or not about this device's incidents",
        "testigo-cli questions refused --json",
        cmd_refused,
    )


def register_settings(settings: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """`settings questions on|off` (the settings group lives in backup_cmd)."""
    p = add_json_command(
        settings,
        "questions",
        "receive the coalition's questions (on by default); off deletes them unread",
        "testigo-cli settings questions off",
        cmd_setting,
    )
    p.add_argument("state", choices=["on", "off"], nargs="?", help="on or off (none: show)")


def register_inbox(inbox: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """`inbox ask` and `inbox questions` (the inbox group lives in inbox_cmd)."""
    p = add_json_command(
        inbox,
        "ask",
        "ask the reporter of a report a question, or to share more (through the relay)",
        "testigo-cli inbox ask 3f2c… --template when_exactly --request day",
        cmd_ask,
    )
    p.add_argument("id", metavar="ID")
    wording = p.add_mutually_exclusive_group()
    wording.add_argument("--template", choices=sorted(TEMPLATES), help="a question of the list")
    wording.add_argument("--text", help="your own question (at most 1000 characters)")
    p.add_argument(
        "--request",
        action="append",
        default=[],
        choices=sorted(REQUESTS),
        help="ask the reporter to share this (repeatable)",
    )
    p.add_argument("--as", dest="author", metavar="NAME", help="recorded here, never sent")
    add_proxy_flag(p)
    p = add_json_command(
        inbox,
        "questions",
        "questions asked (of one report, or all) and whether they were answered",
        "testigo-cli inbox questions 3f2c… --json",
        cmd_asked,
    )
    p.add_argument("id", nargs="?", metavar="ID")


def _requests(codes: list[str], lang: str) -> str:
    return ", ".join(request_label(c, lang) for c in codes)


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    t = _T[ctx.lang]
    with ctx.open_vault() as vault:
        incident = args.incident.strip() if args.incident else None
        found = device_questions.questions(vault, incident)
        titles = vault.incidents.titles(sorted({q["incident_id"] for q in found}))
    lines = []
    for q in found:
        lines.append(
            f"{q['question_id']}  {titles.get(q['incident_id'], q['incident_id'])}"
            f"  [{t[_STATES[q['state']]]}]"
        )
        wording = question_text(q["template"], q["text"], ctx.lang)
        if wording:
            lines.append(f"  {t['from']}: {wording}")
        if q["requests"]:
            lines.append("  " + t["asks_share"].format(what=_requests(q["requests"], ctx.lang)))
        if q["answer_text"]:
            lines.append("  " + t["answer"].format(text=q["answer_text"]))
        if q["answer_shared"]:
            lines.append("  " + t["shared"].format(what=_requests(q["answer_shared"], ctx.lang)))
    ctx.emit(found, "\n".join(lines) or t["none"])
    return 0


def cmd_answer(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        answered = device_questions.answer_question(vault, args.question_id, args.text, args.share)
    ctx.emit(answered, _T[ctx.lang]["saved"].format(id=answered["incident_id"]))
    return 0


def cmd_refused(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        found = device_questions.refusals(vault)
    lines = [_T[ctx.lang]["refused"].format(n=len(found))]
    lines += [
        f"  {r['at']}  {r['error']}: {error_from(r['error'], r['params']).reason_in(ctx.lang)}"
        for r in found
    ]
    ctx.emit(found, "\n".join(lines))
    return 0


def cmd_setting(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        if args.state is not None:
            device_questions.set_questions_enabled(vault, args.state == "on")
        enabled = device_questions.questions_enabled(vault)
    ctx.emit({"questions": enabled}, _T[ctx.lang]["on" if enabled else "off"])
    return 0


def cmd_ask(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        sent = asking.ask_via_relay(
            vault,
            args.id,
            args.proxy,
            template=args.template,
            text=args.text,
            requests=args.request,
            author=args.author,
        )
    text = _T[ctx.lang]["sent"].format(id=sent["question_id"], incident=sent["incident_id"])
    ctx.emit(sent, text)
    return 0


def cmd_asked(args: argparse.Namespace, ctx: CliContext) -> int:
    t = _T[ctx.lang]
    with ctx.open_vault() as vault:
        found = asking.asked(vault, args.id)
    lines = []
    for q in found:
        if q["state"] == "answered":
            state = t["asked_answered"].format(revision=q["answer"]["revision"])
        else:
            state = t["asked_sent"] if q["state"] == "sent" else t["sending"]
        lines.append(f"{q['question_id']}  {q['incident_id']}  {q['asked_at']}  [{state}]")
        wording = question_text(q["template"], q["text"], ctx.lang)
        if wording:
            lines.append(f"  {wording}")
        if q["requests"]:
            lines.append("  + " + _requests(q["requests"], ctx.lang))
        answer = q["answer"] or {}
        if answer.get("text"):
            lines.append("  " + t["answered"].format(text=answer["text"]))
        if answer.get("shared_fields"):
            lines.append(
                "  " + t["shared"].format(what=_requests(answer["shared_fields"], ctx.lang))
            )
    ctx.emit(found, "\n".join(lines) or t["none"])
    return 0
