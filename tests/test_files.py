"""Bad input never crashes and never loses data; writes are atomic and only when needed."""

import os
import shlex
import shutil
import stat
import subprocess
import sys

import pytest

from conftest import run_cli
from vnlint.files import decode_source, write_atomically


def test_invalid_utf8_is_a_diagnostic_and_never_rewritten(tmp_path):
    path = tmp_path / "legacy.txt"
    data = b"Dong 1\nVi\xea\xf7t Nam  \n"
    path.write_bytes(data)
    result = run_cli("legacy.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "legacy.txt:2:3: E902 not valid UTF-8: byte(s) ea at byte offset 9 (invalid continuation byte)" in result.stdout
    assert "Traceback" not in result.stderr
    run_cli("--fix", "--unsafe-fixes", "legacy.txt", cwd=tmp_path)
    assert path.read_bytes() == data


def test_binary_file_is_skipped_with_a_notice(tmp_path):
    path = tmp_path / "image.txt"
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    path.write_bytes(data)
    result = run_cli("--fix", "image.txt", cwd=tmp_path)
    assert result.returncode == 0
    assert "image.txt: binary file (contains NUL bytes); skipped" in result.stderr
    assert path.read_bytes() == data


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("--fix", "empty.txt", cwd=tmp_path)
    assert result.returncode == 0 and "All checks passed!" in result.stdout
    assert (tmp_path / "empty.txt").read_bytes() == b""


def test_ten_megabyte_single_line(tmp_path):
    line = ("Hà Nội đón khách quốc tế, tăng trưởng 3,5% trong tháng 9.2024 theo TP.HCM " * 140_000)[: 10_000_000]
    path = tmp_path / "huge.txt"
    path.write_text(line + "  \n", encoding="utf-8")
    result = run_cli("--fix", "--select", "E,W", "huge.txt", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8").rstrip("\n") == line.rstrip()


def run_without_root_powers(*args):
    """Run the CLI so that file permissions apply even when the tests run as root."""
    command = [sys.executable, "-m", "vnlint", *args]
    if os.geteuid() == 0:
        if not shutil.which("capsh"):
            pytest.skip("running as root without capsh: permissions cannot be tested")
        command = ["capsh", "--drop=cap_dac_override,cap_dac_read_search", "--", "-c", shlex.join(command)]
    return subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))


def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Bí mật  \n", encoding="utf-8")
    path.chmod(0)
    try:
        result = run_without_root_powers(str(path))
    finally:
        path.chmod(0o644)
    assert result.returncode == 1, result.stderr
    assert "secret.txt:1:1: E901 cannot read file: Permission denied" in result.stdout
    assert "Traceback" not in result.stderr


def test_broken_link_in_a_folder_is_reported(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    result = run_cli(".", cwd=tmp_path)
    assert "gone.txt:1:1: E901 cannot read file: No such file or directory" in result.stdout


def test_crlf_and_missing_final_newline_are_kept(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes("Dòng một  \r\n\r\n\r\n\r\nDòng hai\u00a0cuối".encode("utf-8"))
    run_cli("--fix", "dos.txt", cwd=tmp_path)
    assert path.read_bytes() == "Dòng một\r\n\r\nDòng hai cuối".encode()
    result = run_cli("dos.txt", cwd=tmp_path)
    assert "All checks passed!" in result.stdout


def test_crlf_positions_count_code_points_not_bytes(tmp_path):
    (tmp_path / "dos.txt").write_bytes("Tiếng Việt \r\n".encode())
    assert "dos.txt:1:11: W002" in run_cli("dos.txt", cwd=tmp_path).stdout


def test_fix_keeps_file_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x  \n", encoding="utf-8")
    path.chmod(0o640)
    run_cli("--fix", "a.txt", cwd=tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text(encoding="utf-8") == "x\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temp file left behind


def test_failed_write_leaves_original_intact(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"original")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(str(path), b"new content")
    assert path.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_write_failure_is_reported_not_raised(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text("x  \n", encoding="utf-8")
    folder.chmod(0o555)  # no temp file can be created next to the target
    try:
        result = run_without_root_powers("--fix", str(path))
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2, result.stdout
    assert "could not write the fixed file" in result.stderr and "the original is unchanged" in result.stderr
    assert path.read_text(encoding="utf-8") == "x  \n"


def test_unchanged_file_is_never_written(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("Sạch sẽ.\n", encoding="utf-8")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    run_cli("--fix", "clean.txt", cwd=tmp_path)
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_bom_is_tolerated_reported_and_removed(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfH\xc3\xa0 N\xe1\xbb\x99i\n")
    assert "bom.txt:1:1: E004 [*] UTF-8 byte-order mark" in run_cli("bom.txt", cwd=tmp_path).stdout
    run_cli("--fix", "bom.txt", cwd=tmp_path)
    assert path.read_bytes() == "Hà Nội\n".encode()


def test_decode_source_mixed_newlines_are_left_alone():
    source = decode_source("x", b"a\r\nb\nc")
    assert source.newline == "\n" and source.text == "a\r\nb\nc"
    assert decode_source("x", b"a\r\nb\r\n").text == "a\nb\n"
