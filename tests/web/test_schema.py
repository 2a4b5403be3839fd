"""The API against its own OpenAPI schema, with schemathesis (property-based: requests generated from the schema,
valid and invalid): no answer is a server error, and every answer's status, media type and body match what the
schema declares (422 bodies included), and invalid requests are rejected. Bounded: a fixed number of examples per
operation and generation mode, derandomised so a run is repeatable."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (content_type_conformance, negative_data_rejection, not_a_server_error,
                                 response_schema_conformance, status_code_conformance)

from multipolar.web import create_app

# Examples generated per API operation and generation mode (each a real request through the app).
EXAMPLES = 20
# What every answer must satisfy.
CHECKS = (not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          negative_data_rejection)
# The operations, read from the app's schema (building the schema reads no data).
OPERATIONS = [r.ok().label for r in schemathesis.openapi.from_asgi("/openapi.json", create_app())
              .get_all_operations()]


# Query values FastAPI reads as true for a bool parameter.
TRUE = {"1", "true", "t", "yes", "y", "on"}


def _no_event_study_fit(case):
    """A re-routing request that would fit the event study (a minute or more per fit, for every combination of
    products, partners and estimator drawn) asks without it; its fit is tested on a small case in test_api.py
    (test_rerouting_event_study_on_request). Invalid values stay as drawn."""
    value = (case.query or {}).get("event_study")
    if value is True or str(value).strip().lower() in TRUE:
        case.query["event_study"] = "false"
    return case


@pytest.fixture(scope="module")
def operations(pack) -> dict:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(pack))
    return {op.label: op for op in (r.ok() for r in schema.get_all_operations())}


def test_every_operation_is_covered():
    assert {"GET /api/indicators/{name}", "GET /api/crossover", "POST /api/check", "GET /api/leads",
            "GET /api/rerouting"} <= set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize("label", OPERATIONS)
def test_the_api_keeps_its_published_contract(operations, label, mode):
    operation = operations[label]
    strategy = operation.as_strategy(generation_mode=mode)
    if label == "GET /api/rerouting":
        strategy = strategy.map(_no_event_study_fit)

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        case.call_and_validate(checks=CHECKS)

    run()
