"""The dashboard's Service answers concurrent requests exactly as it answers them one by one (indicators with and
without cached outputs, crossover, leads, claim checks), and the API bounds a request's body (413 Problem)."""

from __future__ import annotations

import json
import math
from concurrent.futures import ThreadPoolExecutor

import pytest

from multipolar.indicators import api
from multipolar.web.app import MAX_BODY
from multipolar.web.service import Service

TEXTS = [
    "Kazakhstan's trade with China reached $31.4 billion in 2022, while its trade with Russia was $26 billion.",
    "China overtook Russia as Uzbekistan's largest trading partner in 2017.",
    "Kyrgyzstan imported goods worth $7.6 billion from China in 2021. Russia supplied 25% of its imports.",
    "Tajikistan's exports to Russia fell by 40% between 2014 and 2016.",
]
# (method, keyword arguments): a mix of reads, several of them needing a computation (other parameter values).
REQUESTS = (
    [("indicator", dict(name="trade_share", country="KAZ", partner="CHN,RUS", flow="turnover", years="2015-2023"))]
    + [("indicator", dict(name="trade_growth", country=c, partner="CHN", flow="export", params={"base_year": y}))
       for c in ("KAZ", "UZB") for y in (2005, 2010, 2015)]
    + [("indicator", dict(name="trade_hhi", country=c)) for c in ("ARM", "MNG", "KGZ")]
    + [("indicator", dict(name="un_agreement", country="KAZ", partner="IND"))]
    + [("crossover", dict(region="central-asia")), ("leads", dict(region="central-asia")),
       ("countries", {})]
    + [("check", dict(text=t)) for t in TEXTS]
)


def _ask(service: Service, method: str, kwargs: dict):
    kwargs = dict(kwargs)
    if method == "indicator":
        return bytes(service.indicator(kwargs.pop("name"), **kwargs))
    return bytes(getattr(service, method)(**kwargs))


def _close(a, b, path="") -> None:
    """JSON values equal, floats to 1e-9 relative (DuckDB's parallel sums may add in another order per run)."""
    if isinstance(a, float) or isinstance(b, float):
        assert isinstance(a, (int, float)) and isinstance(b, (int, float)), path
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12), (path, a, b)
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), path
        for k in a:
            _close(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            _close(x, y, f"{path}[{i}]")
    else:
        assert a == b, (path, a, b)


def _fresh(monkeypatch, folder) -> None:
    """An empty indicator cache and new pack contexts: every answer computed anew."""
    monkeypatch.setenv("MULTIPOLAR_CACHE_DIR", str(folder))
    monkeypatch.setattr(api, "_CONTEXTS", {})


def test_concurrent_requests_answer_as_sequential_ones(pack, tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path / "one")
    sequential = [_ask(Service(pack), m, kw) for m, kw in REQUESTS]  # (a Service per request: nothing shared)
    _fresh(monkeypatch, tmp_path / "two")
    service = Service(pack, workers=4)
    work = REQUESTS * 3  # each request three times at once: one build, the others wait for its answer
    with ThreadPoolExecutor(max_workers=12) as pool:
        concurrent = list(pool.map(lambda r: _ask(service, *r), work))
    for (method, kwargs), want, got in zip(work, sequential * 3, concurrent):
        _close(json.loads(want), json.loads(got), f"{method}{kwargs}")
    assert service.misses == len(REQUESTS)  # each distinct request built once


def test_a_body_over_the_limit_is_a_413_problem_unread(client):
    big = b'{"text": "' + b"x" * MAX_BODY + b'"}'
    r = client.post("/api/check", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "at most" in r.json()["detail"]
    chunks = iter([b'{"text": "'] + [b"y" * 65536] * (MAX_BODY // 65536 + 2) + [b'"}'])  # no Content-Length
    r = client.post("/api/check", content=chunks, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "at most" in r.json()["detail"], r.text
    r = client.post("/api/check", json={"text": "Kazakhstan joined the SCO in 2001."})  # a small one still passes
    assert r.status_code == 200


def test_checks_through_the_shared_evidence_and_memo_answer_as_a_check_alone(pack):
    """Texts sharing their first sentences, checked one after another and at once through one Service (its evidence
    and memo shared), give the JSON of check_text on each text alone."""
    from multipolar.claims import check_text
    from multipolar.web.service import dumps

    texts = [TEXTS[0] + " " + t for t in TEXTS[1:]] + [TEXTS[0], TEXTS[0] + " " + TEXTS[1]]
    alone = [json.loads(dumps(check_text(t, "2024-07-04", pack=pack).to_dict())) for t in texts]
    service = Service(pack)
    assert [json.loads(bytes(service.check(t, "2024-07-04"))) for t in texts[:3]] == alone[:3]
    assert len(service._memo) > 0  # the memo was used: verdicts and reading states kept
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda t: json.loads(bytes(Service.check(service, t, "2024-07-04"))), texts))
    assert answers == alone


def test_the_shared_memo_keeps_at_most_its_size_dropping_the_least_recently_used():
    from multipolar.web.service import BoundedMemo

    memo = BoundedMemo(3)
    for key in "abc":
        memo[key] = key.upper()
    assert memo.get("a") == "A"  # a is now the most recently used
    memo["d"] = "D"
    assert len(memo) == 3 and memo.get("b") is None and [memo.get(k) for k in "acd"] == ["A", "C", "D"]
