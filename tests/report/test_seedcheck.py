"""The seed article's check in its worker process: the same result as in process, refused by other code, not
started when the report cache holds it, and importable without pandas (so `multipolar report` starts it first)."""

from __future__ import annotations

import json
import subprocess
import sys

from multipolar.report import gathering, seedcheck


def test_the_worker_gives_the_in_process_check():
    worker = seedcheck.CheckWorker.start()
    assert worker is not None
    try:
        got, noted = worker.result()
    finally:
        worker.close()
    article = seedcheck.seed_article()
    here: list[str] = []
    expected = gathering.check_claims(article["text"], article["date"], problems=here)
    assert noted == here
    assert got == json.loads(json.dumps(expected, default=seedcheck.plain))
    assert len(got["claims"]) > 0


def test_a_worker_running_other_code_answers_nothing(monkeypatch):
    monkeypatch.setattr(seedcheck, "_package", lambda: "/elsewhere/multipolar")
    worker = seedcheck.CheckWorker.start()
    try:
        assert worker.result() == (None, [])  # the report then checks in process
    finally:
        worker.close()


def test_no_worker_when_the_report_cache_holds_the_check(tmp_path, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "manifest.json").write_text('{"tables": {}}')
    article = seedcheck.seed_article()
    seedcheck.cache_write(seedcheck.DiskCache(pack), seedcheck.check_key(article), ".json", {"claims": []})
    assert seedcheck.start_early(pack=pack, cache=True) is None
    worker = seedcheck.start_early(pack=pack, cache=False)  # --no-cache: checked again
    assert worker is not None and worker.matches(article, pack) and not worker.matches(article, tmp_path)
    worker.close()
    assert worker._proc.poll() is not None  # closed: the process is gone


def test_starting_the_check_imports_no_pandas():
    code = ("import sys; import multipolar.report.seedcheck as s; s.seed_article(); "
            "print(sorted(m for m in ('pandas', 'ibis', 'duckdb', 'multipolar.report.build') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
