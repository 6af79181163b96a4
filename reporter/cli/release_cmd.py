"""verify-release: check a downloaded package against the release key before installing it."""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

from reporter.cli.commands import add_command
from reporter.cli.context import CliContext, add_json_flag
from reporter.i18n import Text
from reporter.release import (
    KEY_FILE_LIMIT,
    SIGNATURE_FILE_LIMIT,
    PublicKey,
    read_limited,
    read_public_key,
    verify_file,
)

_OK = Text("OK: {name} is signed by the release key {key_id}.\ntrusted comment: {comment}")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(
        sub,
        "verify-release",
        "check a downloaded package or SHA256SUMS against its minisign signature",
        "testigo-cli verify-release testigo_0.1.0_amd64.deb "
        "--signature testigo_0.1.0_amd64.deb.minisig",
    )
    p.add_argument("artifact", metavar="ARTIFACT", help="the downloaded file")
    p.add_argument("--signature", metavar="SIG", required=True, help="its .minisig signature file")
    p.add_argument(
        "--key",
        metavar="KEY",
        help="minisign public key file or its base64 line (default: the project's "
        "release key shipped with Testigo)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_verify_release)


def project_key() -> PublicKey:
    """The release public key shipped in resources/ (also printed in the README)."""
    text = resources.files("resources").joinpath("release-key.pub").read_text("utf-8")
    return read_public_key(text)


def _key(arg: str | None) -> PublicKey:
    if arg is None:
        return project_key()
    path = Path(arg)
    if path.is_file():
        return read_public_key(read_limited(path, KEY_FILE_LIMIT))
    return read_public_key(arg)


def cmd_verify_release(args: argparse.Namespace, ctx: CliContext) -> int:
    key = _key(args.key)
    signature = read_limited(Path(args.signature), SIGNATURE_FILE_LIMIT)
    artifact = Path(args.artifact)
    verified = verify_file(artifact, signature, key)
    ctx.emit(
        {
            "verified": True,
            "file": artifact.name,
            "key_id": verified.key_id,
            "trusted_comment": verified.trusted_comment,
            "prehashed": verified.prehashed,
        },
        _OK[ctx.lang].format(
            name=artifact.name, key_id=verified.key_id, comment=verified.trusted_comment
        ),
    )
    return 0
