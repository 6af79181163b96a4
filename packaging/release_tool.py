"""Release keys and signatures for the build scripts (users check with `verify-release`).

  python packaging/release_tool.py keygen --secret FILE --public FILE
  python packaging/release_tool.py sign --out DIR (--key-file KEY | --ephemeral PUB) FILE...

``sign`` writes DIR/SHA256SUMS and a minisign signature beside each file and SHA256SUMS.
The secret key is minisign's unencrypted format (``minisign -G -W`` makes the same), never
committed; --key-file also takes the key's text (a CI secret in $TESTIGO_RELEASE_KEY).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reporter.release import (  # noqa: E402
    KEY_FILE_LIMIT,
    SecretKey,
    generate_key,
    read_limited,
    read_secret_key,
    sha256sums,
    sign_file,
    write_secret_key,
)


def _secret(arg: str) -> SecretKey:
    path = Path(arg)
    if "\n" not in arg and path.is_file():
        return read_secret_key(read_limited(path, KEY_FILE_LIMIT))
    return read_secret_key(arg)


def keygen(args: argparse.Namespace) -> None:
    key = generate_key()
    write_secret_key(Path(args.secret), key)
    Path(args.public).write_text(key.public_key().to_text(), encoding="ascii")
    print(
        f"release key {key.public_key().id_hex}: secret in {args.secret} (keep it offline), "
        f"public in {args.public}"
    )


def sign(args: argparse.Namespace) -> None:
    out = Path(args.out)
    if args.key_file:
        key = _secret(args.key_file)
    else:
        key = generate_key()
        Path(args.ephemeral).write_text(key.public_key().to_text(), encoding="ascii")
        banner = "!" * 78
        print(
            f"{banner}\n!! NO RELEASE KEY GIVEN: signed with a key made for this build only "
            f"({key.public_key().id_hex}).\n!! Its public key is {args.ephemeral}; these "
            f"files will NOT verify against the project's\n!! release key. Use --key-file "
            f"or $TESTIGO_RELEASE_KEY for a real release.\n{banner}",
            file=sys.stderr,
        )
    files = [Path(f) for f in args.files]
    sums = out / "SHA256SUMS"
    sums.write_text(sha256sums(files), encoding="utf-8")
    for path in [*files, sums]:
        Path(f"{path}.minisig").write_text(sign_file(path, key), encoding="utf-8")
    print(f"signed {len(files)} files and SHA256SUMS with release key {key.public_key().id_hex}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("keygen", help="a new release key pair")
    p.add_argument("--secret", required=True)
    p.add_argument("--public", required=True)
    p.set_defaults(run=keygen)
    p = sub.add_parser("sign", help="SHA256SUMS and minisign signatures of release files")
    p.add_argument("--out", required=True)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--key-file", help="the release secret key (a file or its text)")
    group.add_argument(
        "--ephemeral",
        metavar="PUB",
        help="sign with a new throw-away key; write its public key here",
    )
    p.add_argument("files", nargs="+")
    p.set_defaults(run=sign)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
