"""`doctor` finds each problem it claims to find, and passes a good setup (issue 15, test 3).

Real parts: vault files, a TLS relay on 127.0.0.1 with its own certificate, a closed port,
a tampered profile row, a child process with core dumps on, a small tmpfs for a full disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.doctor import (
    FAIL,
    OK,
    SKIPPED,
    WARN,
    Context,
    Result,
    all_checks,
    files,
    network,
    run,
    system,
    vault_checks,
)
from reporter.relay.serve import BackgroundRelay
from reporter.relay.tls import make_certificate
from reporter.share.coalition import PROFILE_FILE, create_coalition
from reporter.share.profile import import_profile
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE

KEYS = "frase de las llaves de la coalición 7"


def by_id(results: list[Result]) -> dict[str, Result]:
    return {r.id: r for r in results}


@pytest.fixture(scope="module")
def tls_relay(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BackgroundRelay, str]]:
    root = tmp_path_factory.mktemp("relay")
    pin = make_certificate(root / "tls", ["127.0.0.1"])
    relay = BackgroundRelay(
        root / "store",
        tls_cert=str(root / "tls" / "relay.crt"),
        tls_key=str(root / "tls" / "relay.key"),
    ).start()
    yield relay, pin
    relay.stop()


def provisioned(tmp_path: Path, relay_url: str, pin: str | None) -> Vault:
    create_coalition(tmp_path / "coalition", "Red TDT", [relay_url], KEYS, "x25519", pin)
    vault = Vault.create(tmp_path / "vault", PASSPHRASE)
    import_profile(vault, (tmp_path / "coalition" / PROFILE_FILE).read_bytes())
    return vault


def test_a_good_setup_passes(tmp_path: Path, tls_relay: tuple[BackgroundRelay, str]) -> None:
    relay, pin = tls_relay
    with provisioned(tmp_path, relay.url, pin) as vault:
        results = by_id(run(Context(home=vault.home, vault=vault, core_limit=0, dumpable=0)))

    for rid in (
        "data.permissions",
        "disk.free",
        "vault.integrity",
        "profile.signature",
        "relay.direct",
        "relay.pin",
        "clock",
        "core.dumps",
    ):
        assert results[rid].status == OK, (rid, results[rid].message.en)
    assert results["package.checksums"].status == SKIPPED  # a source checkout
    assert results["relay.tor"].status == SKIPPED  # Tor not configured
    assert not [r.id for r in results.values() if r.status == FAIL]
    assert all(r.message.in_("es") != r.message.en for r in results.values())


def test_a_data_folder_others_can_read_fails(tmp_path: Path) -> None:
    Vault.create(tmp_path / "vault", PASSPHRASE).close()
    ctx = Context(home=tmp_path / "vault")
    assert files.check_data_folder(ctx).status == OK
    os.chmod(tmp_path / "vault", 0o755)  # noqa: S103 - the problem doctor must find

    result = files.check_data_folder(ctx)

    assert result.status == FAIL
    assert "chmod" in result.fix.en
    assert "chmod" in result.fix.in_("es")


def test_a_relay_with_another_key_than_the_pin_fails(
    tmp_path: Path, tls_relay: tuple[BackgroundRelay, str]
) -> None:
    relay, _ = tls_relay
    other_pin = make_certificate(tmp_path / "other", ["127.0.0.1"])
    with provisioned(tmp_path, relay.url, other_pin) as vault:
        ctx = Context(home=vault.home, vault=vault)
        results = by_id(run(ctx, network.CHECKS))

    assert results["relay.pin"].status == FAIL
    assert results["relay.direct"].status == OK  # it answered; only its key is wrong


def test_a_relay_that_is_down_fails(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with provisioned(tmp_path, f"http://127.0.0.1:{port}", None) as vault:
        results = by_id(run(Context(home=vault.home, vault=vault), network.CHECKS))

    assert results["relay.direct"].status == FAIL
    assert results["relay.pin"].status == SKIPPED  # plain http to loopback: nothing to pin


def test_a_tampered_profile_in_the_vault_fails(tmp_path: Path) -> None:
    with provisioned(tmp_path, "http://127.0.0.1:9", None) as vault:
        ctx = Context(home=vault.home, vault=vault)
        assert vault_checks.check_profile(ctx).status == OK
        raw = bytes(vault.query("SELECT data FROM profiles WHERE current = 1")[0][0])
        tampered = raw.replace(b"Red TDT", b"Red TDX")
        with vault.transaction() as conn:
            conn.execute("UPDATE profiles SET data = ? WHERE current = 1", (tampered,))

        assert vault_checks.check_profile(ctx).status == FAIL


def test_a_damaged_vault_page_fails(tmp_path: Path) -> None:
    home = tmp_path / "vault"
    with Vault.create(home, PASSPHRASE) as vault:
        for i in range(200):
            vault.incidents.add({"title": f"incidente {i}" * 20, "incident_types": ["HAR.THREAT"]})
    db = home / "vault.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one byte of a page in the middle
    db.write_bytes(bytes(data))
    with Vault.open(home, PASSPHRASE) as vault:
        result = vault_checks.check_vault_integrity(Context(home=home, vault=vault))

    assert result.status == FAIL


def test_without_the_passphrase_the_vault_checks_say_why_they_skip(tmp_path: Path) -> None:
    Vault.create(tmp_path / "vault", PASSPHRASE).close()
    results = by_id(run(Context(home=tmp_path / "vault")))

    for rid in ("vault.integrity", "profile.signature", "relay.direct", "relay.pin"):
        assert results[rid].status == SKIPPED
        assert "passphrase" in results[rid].message.en


def test_core_dumps_on_fail_and_off_pass() -> None:
    on = Context(home=Path("/"), core_limit=1 << 30, dumpable=1)
    assert system.check_core_dumps(on).status == FAIL
    assert system.check_core_dumps(Context(home=Path("/"), core_limit=0, dumpable=0)).status == OK


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_CORE and prctl")
def test_a_process_with_core_dumps_on_is_found_and_testigo_turns_them_off() -> None:
    code = (
        "import resource, sys, ctypes; from pathlib import Path;"
        "resource.setrlimit(resource.RLIMIT_CORE, (1 << 30, resource.RLIM_INFINITY));"
        "ctypes.CDLL(None).prctl(4, 1, 0, 0, 0);"
        "from reporter.doctor import Context, system;"
        "print(system.check_core_dumps(Context(home=Path('/'))).status);"
        "from reporter.fsutil import harden_process; harden_process();"
        "print(system.check_core_dumps(Context(home=Path('/'))).status)"
    )
    try:
        import resource

        hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    except ImportError:
        pytest.skip("no resource module")
    if hard != resource.RLIM_INFINITY and hard < 1 << 30:
        pytest.skip("the core limit cannot be raised here")
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.split() == [FAIL, OK]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("mounting a small tmpfs was refused here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_low_disk_space_fails(small_disk: Path, tmp_path: Path) -> None:
    home = small_disk / "vault"
    home.mkdir(mode=0o700)
    assert files.check_free_space(Context(home=tmp_path)).status == OK

    result = files.check_free_space(Context(home=home))

    assert result.status == FAIL
    assert "MiB" in result.message.en
    assert "MiB" in result.message.in_("es")
    assert system.check_disk_encryption(Context(home=home)).status == OK  # RAM, not disk


def test_program_files_that_differ_from_their_checksums_fail(tmp_path: Path) -> None:
    program = tmp_path / "testigo"
    (program / "_internal").mkdir(parents=True)
    (program / "testigo").write_bytes(b"\x7fELF program")
    (program / "_internal" / "libqt.so").write_bytes(b"qt" * 1000)
    lines = [
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(program)}"
        for p in (program / "testigo", program / "_internal" / "libqt.so")
    ]
    (program / files.MANIFEST).write_text("\n".join(lines) + "\n")
    ctx = Context(home=tmp_path, program_dir=program)
    assert files.check_package_files(ctx).status == OK

    (program / "data").mkdir()  # a stick's data: not the program
    (program / "data" / "vault.key").write_bytes(b"k")
    assert files.check_package_files(ctx).status == OK
    (program / "_internal" / "libevil.so").write_bytes(b"planted")
    assert files.check_package_files(ctx).status == FAIL  # a planted library
    (program / "_internal" / "libevil.so").unlink()
    (program / "_internal" / "libqt.so").write_bytes(b"qt" * 999 + b"qX")
    assert files.check_package_files(ctx).status == FAIL
    (program / files.MANIFEST).write_text(f"{'0' * 64}  ../../etc/passwd\n")
    assert files.check_package_files(ctx).status == FAIL  # nothing outside its folder


def test_swap_on_a_plain_partition_warns_and_encrypted_or_none_passes(tmp_path: Path) -> None:
    proc, sysfs = tmp_path / "proc", tmp_path / "sys"
    proc.mkdir()
    header = "Filename\tType\tSize\tUsed\tPriority\n"
    for name, uuid in (("vda2", None), ("dm-0", "CRYPT-LUKS2-abc-swap")):
        device = sysfs / "class" / "block" / name
        device.mkdir(parents=True)
        if uuid:
            (device / "dm").mkdir()
            (device / "dm" / "uuid").write_text(uuid + "\n")
    ctx = Context(home=tmp_path, proc=proc, sys_root=sysfs)
    (proc / "swaps").write_text(header)
    assert system.check_swap(ctx).status == OK
    (proc / "swaps").write_text(
        header + "/dev/dm-0 partition 100 0 -2\n/dev/zram0 partition 100 0 100\n"
    )
    assert system.check_swap(ctx).status == OK
    (proc / "swaps").write_text(header + "/dev/vda2 partition 100 0 -2\n")
    assert system.check_swap(ctx).status == "warn"


def test_cli_doctor_speaks_spanish_and_json(tmp_path: Path) -> None:
    env = {**os.environ, "TESTIGO_PASSPHRASE": PASSPHRASE}
    env.pop("TESTIGO_HOME", None)
    home = tmp_path / "vault"
    cli = [sys.executable, "-m", "tests.fast_cli", "--home", str(home)]
    root = Path(__file__).resolve().parents[2]
    subprocess.run([*cli, "init"], env=env, check=True, capture_output=True, cwd=root)
    text = subprocess.run(
        [*cli, "doctor", "--lang", "es"],
        env=env,
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    os.chmod(home, 0o750)  # noqa: S103 - the problem doctor must find
    data = subprocess.run(
        [*cli, "doctor", "--json"], env=env, capture_output=True, text=True, cwd=root, check=False
    )

    assert text.returncode == 0, text.stderr
    assert "Solo usted puede abrir la carpeta de datos." in text.stdout
    assert data.returncode == 1  # a check failed
    checks = {c["id"]: c for c in json.loads(data.stdout)["checks"]}
    assert checks["data.permissions"]["status"] == FAIL
    assert checks["vault.integrity"]["status"] == OK  # it used the passphrase
    assert set(checks["core.dumps"]) == {"id", "status", "message", "fix"}


def test_a_configured_tor_that_is_not_running_fails_and_nothing_goes_direct(
    tmp_path: Path,
) -> None:
    """A person who chose Tor must not have the doctor knock on the relay directly: the
    local network would see which relay they use. The 'relay' here only counts who came."""
    with socket.socket() as relay, socket.socket() as tor:
        relay.bind(("127.0.0.1", 0))
        relay.listen(8)
        relay.setblocking(False)
        tor.bind(("127.0.0.1", 0))  # Tor's port, with no Tor behind it
        port = tor.getsockname()[1]
        ctx = Context(
            home=tmp_path,
            relay_url=f"http://127.0.0.1:{relay.getsockname()[1]}",
            proxy=f"socks5h://127.0.0.1:{port}",
        )
        results = by_id(run(ctx, network.CHECKS))
        with pytest.raises(BlockingIOError):
            relay.accept()  # nobody connected directly

    assert results["relay.direct"].status == SKIPPED
    assert "directly" not in results["relay.direct"].message.en
    assert results["relay.tor"].status == FAIL
    assert "SOCKS" in results["relay.tor"].message.en
    assert "Tor" in results["relay.tor"].fix.en
    assert results["clock"].status == OK
    assert "no relay time" in results["clock"].message.en  # it did not ask directly instead


def test_without_a_proxy_the_direct_try_is_made(tmp_path: Path) -> None:
    relay = BackgroundRelay(tmp_path / "store").start()
    try:
        results = by_id(run(Context(home=tmp_path, relay_url=relay.url), network.CHECKS))
    finally:
        relay.stop()

    assert results["relay.direct"].status == OK
    assert results["relay.tor"].status == SKIPPED


def test_a_clock_behind_the_vaults_own_times_fails(tmp_path: Path) -> None:
    Vault.create(tmp_path / "vault", PASSPHRASE).close()
    ctx = Context(home=tmp_path / "vault")
    assert network.check_clock(ctx).status == OK
    later = (tmp_path / "vault" / "vault.key").stat().st_mtime + 2 * 86400
    os.utime(tmp_path / "vault" / "vault.key", (later, later))  # as if the clock went back

    assert network.check_clock(ctx).status == FAIL


def test_a_stick_without_permissions_is_a_warning_that_says_so(tmp_path: Path) -> None:
    home = tmp_path / "usb" / "data"
    home.mkdir(parents=True)
    os.chmod(home, 0o755)  # noqa: S103 - what FAT shows for every folder
    proc = tmp_path / "proc"
    (proc / "self").mkdir(parents=True)
    (proc / "self" / "mountinfo").write_text(
        "22 1 0:5 / / rw - ext4 /dev/vda rw\n"
        f"40 22 8:17 / {tmp_path / 'usb'} rw,nosuid - vfat /dev/sdb1 rw,fmask=0022\n"
    )

    result = files.check_data_folder(Context(home=home, proc=proc))

    assert result.status == "warn"
    assert "FAT" in result.message.en
    assert "FAT" in result.message.in_("es")


def test_a_clock_far_from_the_relays_date_header_warns(tmp_path: Path) -> None:
    """A relay behind a proxy that sends Date (ours turns it off) lets doctor compare."""
    import threading
    from email.utils import formatdate
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    skew = {"seconds": 0.0}

    class Relay(BaseHTTPRequestHandler):
        def date_time_string(self, timestamp: float | None = None) -> str:
            import time

            return formatdate(time.time() + skew["seconds"], usegmt=True)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(401)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Relay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        in_step = network.check_clock(Context(home=tmp_path, relay_url=url))
        skew["seconds"] = 3 * 3600.0
        off = network.check_clock(Context(home=tmp_path, relay_url=url))
    finally:
        server.shutdown()
        server.server_close()

    assert in_step.status == OK
    assert "relay" in in_step.message.en
    assert off.status == "warn"
    assert "180 minutes" in off.message.en


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and /sys")
def test_disk_encryption_is_found_under_lvm_and_its_absence_warns(tmp_path: Path) -> None:
    """A fake /proc and /sys in the kernel's shapes: ext4 on LVM on LUKS, then a plain disk."""
    proc, sysfs = tmp_path / "proc", tmp_path / "sys"
    (proc / "self").mkdir(parents=True)
    blocks = sysfs / "devices" / "virtual" / "block"
    for name, uuid in (("dm-0", "CRYPT-LUKS2-0123-luks"), ("dm-1", "LVM-abc")):
        (blocks / name / "dm").mkdir(parents=True)
        (blocks / name / "dm" / "uuid").write_text(uuid + "\n")
    (blocks / "dm-1" / "slaves").mkdir()
    (blocks / "dm-1" / "slaves" / "dm-0").symlink_to(blocks / "dm-0")
    (blocks / "vda1").mkdir()
    (sysfs / "dev" / "block").mkdir(parents=True)
    (sysfs / "dev" / "block" / "253:1").symlink_to(blocks / "dm-1")
    (sysfs / "dev" / "block" / "252:1").symlink_to(blocks / "vda1")
    ctx = Context(home=tmp_path / "home", proc=proc, sys_root=sysfs)

    (proc / "self" / "mountinfo").write_text("22 1 253:1 / / rw - ext4 /dev/mapper/vg-root rw\n")
    assert system.check_disk_encryption(ctx).status == OK
    (proc / "self" / "mountinfo").write_text("22 1 252:1 / / rw - ext4 /dev/vda1 rw\n")
    assert system.check_disk_encryption(ctx).status == "warn"
    (proc / "self" / "mountinfo").write_text("22 1 0:31 / / rw - overlay overlay rw\n")
    assert system.check_disk_encryption(ctx).status == SKIPPED  # cannot tell: says so


def test_a_socks5_proxy_that_resolves_names_locally_warns_and_socks5h_passes(
    tmp_path: Path,
) -> None:
    """socks5:// makes this computer ask its DNS server for the relay's name: the network
    learns which relay is used even though the bytes go through the proxy. Nothing connects."""
    relay = "http://127.0.0.1:1"
    local = network.check_proxy_names(
        Context(home=tmp_path, relay_url=relay, proxy="socks5://127.0.0.1:1081")
    )
    assert local.status == WARN
    assert "DNS server learns which relay you use" in local.message.en
    assert "socks5h://" in local.fix.en
    assert "su servidor DNS sabe qué relevo usa" in local.message.in_("es")
    assert "socks5h://" in local.fix.in_("es")
    assert local.fix.in_("es") != local.fix.en
    remote = network.check_proxy_names(
        Context(home=tmp_path, relay_url=relay, proxy="socks5h://127.0.0.1:1081")
    )
    assert remote.status == OK
    assert remote.message.in_("es") != remote.message.en
    direct = network.check_proxy_names(Context(home=tmp_path, relay_url=relay))
    assert direct.status == SKIPPED
    broken = network.check_proxy_names(
        Context(home=tmp_path, relay_url=relay, proxy="http://127.0.0.1:8080")
    )
    assert broken.status == FAIL
    assert "Not a SOCKS proxy address" in broken.message.en
    assert network.check_proxy_names in all_checks()  # the CLI and the app's page run it


def test_cli_doctor_warns_in_spanish_about_the_vaults_socks5_choice(tmp_path: Path) -> None:
    env = {**os.environ, "TESTIGO_PASSPHRASE": PASSPHRASE, "TMPDIR": str(tmp_path)}
    env.pop("TESTIGO_HOME", None)
    env.pop("TESTIGO_TOR_SOCKS", None)
    home = tmp_path / "vault"
    cli = [sys.executable, "-m", "tests.fast_cli", "--home", str(home)]
    root = Path(__file__).resolve().parents[2]
    for step in (["init"], ["settings", "connection", "--socks", "socks5://127.0.0.1:1081"]):
        subprocess.run([*cli, *step], env=env, check=True, capture_output=True, cwd=root)
    said = subprocess.run(
        [*cli, "--lang", "es", "doctor", "--json"],
        env=env,
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    checks = {c["id"]: c for c in json.loads(said.stdout)["checks"]}
    assert checks["relay.names"]["status"] == WARN, said.stderr
    assert "su servidor DNS sabe qué relevo usa" in checks["relay.names"]["message"]
    assert "socks5h://" in checks["relay.names"]["fix"]
    flag = subprocess.run(
        [*cli, "doctor", "--json", "--proxy", "socks5h://127.0.0.1:1081"],
        env=env,
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    checks = {c["id"]: c for c in json.loads(flag.stdout)["checks"]}
    assert checks["relay.names"]["status"] == OK  # --proxy wins over the vault's choice
