"""The regex compile cache (multipolar.regex_cache): a pattern rebuilt from its stored program matches exactly as one
Python compiles afresh; a damaged or unreadable store is ignored."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys

import pytest

# Patterns with what makes a program differ: groups (named and not), flags inline and given, classes, look-arounds,
# back-references, bytes, Unicode.
PATTERNS = [
    (r"(?P<year>(?:19|20)\d{2})\s*[-–]\s*(?P<end>\d{2,4})", 0),
    (r"\b(?:trade|turnover)\b(?=.*\bChina\b)", re.IGNORECASE),
    (r"(?i)\$\s?(\d+(?:[.,]\d+)?)\s*(billion|bn|million|mn)?", 0),
    (r"^(\w+)\s+\1$", re.MULTILINE),
    (r"⟨#*⟩(?:\s*,\s*⟨#*⟩)*", 0),
    (rb"[\x00-\x1f]+", 0),
    (r"(?<!\d)\d+(?:\.\d+)?%", re.VERBOSE | re.DOTALL),
]
TEXTS = ["Trade in 2019-23 rose; China.", "turnover 2001 – 2005 with china", "$41.5 billion and $3 bn", "abc abc\nx y",
         "⟨###⟩, ⟨##⟩ and", "12.5% of 3%", "nothing here"]

def _run(code: str, env_dir) -> str:
    env = {"MULTIPOLAR_CACHE_DIR": str(env_dir), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


CHECK = r"""
import re, json, sys
from multipolar import regex_cache
regex_cache.install()
PATTERNS = %r
TEXTS = %r
rows = []
for pattern, flags in PATTERNS:
    p = re.compile(pattern, flags)
    texts = [t.encode() for t in TEXTS] if isinstance(pattern, bytes) else TEXTS
    found = [[(m.span(), m.groups(), sorted(m.groupdict().items())) for m in p.finditer(t)] for t in texts]
    rows.append([repr(p.pattern), int(p.flags), p.groups, sorted(p.groupindex.items()), repr(found)])
print(json.dumps({"stored": len(regex_cache._stored), "rows": rows}))
"""


def _check(folder) -> dict:
    import json

    return json.loads(_run(CHECK % (PATTERNS, TEXTS), folder))


def _plain_python() -> list:
    rows = []
    for pattern, flags in PATTERNS:
        p = re.compile(pattern, flags)
        texts = [t.encode() for t in TEXTS] if isinstance(pattern, bytes) else TEXTS
        found = [[(m.span(), m.groups(), sorted(m.groupdict().items())) for m in p.finditer(t)] for t in texts]
        rows.append([repr(p.pattern), int(p.flags), p.groups, sorted(p.groupindex.items()), repr(found)])
    import json

    return json.loads(json.dumps(rows))


def test_stored_programs_match_as_python_compiles_them(tmp_path):
    first = _check(tmp_path)  # compiles, stores at exit
    store = list((tmp_path / "regex").glob("*.marshal"))
    assert len(store) == 1, "the programs were not stored"
    programs = marshal.loads(store[0].read_bytes())
    assert all((p, int(f)) in programs for p, f in PATTERNS)
    second = _check(tmp_path)  # rebuilt from the store
    assert second["stored"] >= len(PATTERNS)
    assert first["rows"] == second["rows"] == _plain_python()


def test_damaged_programs_are_compiled_afresh(tmp_path):
    _check(tmp_path)
    store = next((tmp_path / "regex").glob("*.marshal"))
    programs = marshal.loads(store.read_bytes())
    for key, (flags, code, groups, groupindex, indexgroup) in programs.items():
        programs[key] = (flags, [255] * len(code), groups, groupindex, indexgroup)  # no valid program
    store.write_bytes(marshal.dumps(programs))
    assert _check(tmp_path)["rows"] == _plain_python()
    store.write_bytes(b"not marshal data")
    assert _check(tmp_path)["rows"] == _plain_python()


def test_off_switch_and_unwritable_folder(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    assert _check(blocked)["rows"] == _plain_python()  # nothing can be stored: compiled as usual, no error
    env_off = CHECK.replace("regex_cache.install()", "import os; os.environ['MULTIPOLAR_REGEX_CACHE'] = 'off'; "
                                                      "regex_cache.install()")
    import json

    out = json.loads(_run(env_off % (PATTERNS, TEXTS), tmp_path / "off"))
    assert out["rows"] == _plain_python()
    assert not (tmp_path / "off" / "regex").exists()


@pytest.mark.parametrize("pattern", ["(unclosed", "a{2,1}", "[z-a]"])
def test_errors_are_python_s_own(pattern, tmp_path, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_CACHE_DIR", str(tmp_path))
    from multipolar import regex_cache

    with pytest.raises(re.error) as plain:
        re.compile(pattern + "#plain")
    with pytest.raises(re.error) as cached:
        regex_cache.cached_compile(pattern + "#plain", 0)
    assert str(plain.value) == str(cached.value)


def test_store_keeps_what_is_used_when_full(tmp_path):
    _check(tmp_path)  # stores the 7 PATTERNS
    store = next((tmp_path / "regex").glob("*.marshal"))
    assert len(marshal.loads(store.read_bytes())) >= len(PATTERNS)
    used = [p for p, _ in PATTERNS[:3]]
    code = ("import re\nfrom multipolar import regex_cache\nregex_cache.MAX_STORED = %d\nregex_cache.install()\n"
            "for p in %r: re.compile(p)\nre.compile('new-one-[0-9]+'); re.compile('new-two-[a-z]+')\n"
            % (len(marshal.loads(store.read_bytes())) + 1, used))
    _run(code, tmp_path)
    kept = {p for p, _ in marshal.loads(store.read_bytes())}
    assert kept == {*used, "new-one-[0-9]+", "new-two-[a-z]+"}
