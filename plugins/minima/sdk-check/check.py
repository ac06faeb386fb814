"""Drives the upstream Python Minima client (minima-cli 0.14.3) against a running Mint platform and prints one
line per call. Not part of the test suite; see README.md here.
Usage: python check.py BASE_URL KEY   e.g. http://127.0.0.1:8001/api/minima mbt_...
Exit status 0 when every call behaved as expected (including the expected refusals).
"""
import asyncio
import sys
import uuid

from minima_client import AsyncMinimaClient, Constraints, MinimaClient, MinimaError, TaskInput, Usage
from minima_client import WorkflowRequest, WorkflowStep

BASE, KEY = sys.argv[1], sys.argv[2]
failures = []


def check(name, call, expect_status=None):
    """Runs one call; with expect_status, the call must raise MinimaError with that status."""
    try:
        value = call()
    except MinimaError as e:
        ok = e.status == expect_status
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {e}"[:220])
        if not ok:
            failures.append(name)
        return None
    except Exception as e:  # noqa: BLE001 - every outcome is reported
        print(f"FAIL {name}: {type(e).__name__}: {e}"[:220])
        failures.append(name)
        return None
    ok = expect_status is None
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {repr(value)[:160]}")
    if not ok:
        failures.append(name)
    return value


class _RawBody:
    """A request body the client's own models would refuse before sending: to see the server's refusal."""

    def __init__(self, body):
        self.body = body

    def model_dump(self, mode=None):
        return self.body


client = MinimaClient(BASE, api_key=KEY)
namespace = "sdk-check-" + uuid.uuid4().hex[:8]
check("health", client.health)
models = check("models", client.models)
check("models(provider=anthropic, include_stale=False)", lambda: client.models(provider="anthropic", include_stale=False))
rec = check("recommend(str)", lambda: client.recommend("Summarise this incident report in three bullet points.",
                                                      namespace=namespace))
chosen = rec.recommended_model.model_id
check("recommend(TaskInput, constraints, every option)", lambda: client.recommend(
    TaskInput(task="Write a SQL query that finds duplicate invoices.", task_type="code", tags=["sql"]),
    cost_quality_tradeoff=8, constraints=Constraints(max_cost_per_call=0.05), user_id="u1", namespace=namespace,
    explain=True, baseline_model_id=chosen, max_candidates=4))
check("recommend(dict)", lambda: client.recommend({"task": "Translate 'good morning' into French."}, namespace=namespace))
usage = Usage(input_tokens=420, output_tokens=96, cost_usd=0.0012, latency_ms=850)
key = "sdk-check-" + uuid.uuid4().hex
check("feedback", lambda: client.feedback(rec.recommendation_id, chosen, "success", usage,
                                          quality_score=0.9, idempotency_key=key))
check("feedback again, same idempotency key", lambda: client.feedback(rec.recommendation_id, chosen,
                                                                       "success", usage, quality_score=0.9, idempotency_key=key))
unknown = check("feedback for an unknown recommendation (200, accepted false, as upstream)",
                lambda: client.feedback("no-such-recommendation", chosen, "success", usage))
if unknown is not None and (unknown.accepted or "unknown_recommendation" not in unknown.warnings):
    failures.append("feedback for an unknown recommendation: " + repr(unknown))
check("recommend_workflow", lambda: client.recommend_workflow(WorkflowRequest(namespace=namespace, steps=[
    WorkflowStep(step_id="plan", task=TaskInput(task="Plan a database migration.")),
    WorkflowStep(step_id="write", task=TaskInput(task="Write the migration script."), depends_on=["plan"])])))
check("strategies", lambda: client.strategies(namespace=namespace))
check("savings", lambda: client.savings(namespace=namespace))
check("recommend with an empty task (422)", lambda: client._post("/v1/recommend", _RawBody({"task": {"task": ""}})), 422)
check("recommend with the slider at 11 (422)",
      lambda: client._post("/v1/recommend", _RawBody({"task": {"task": "x"}, "cost_quality_tradeoff": 11})), 422)
check("a bad key (401)", lambda: MinimaClient(BASE, api_key="mbt_not-a-key").strategies(), 401)
check("models needs no key (as upstream)", lambda: MinimaClient(BASE, api_key="mbt_not-a-key").models())


async def run_async():
    async with AsyncMinimaClient(BASE, api_key=KEY) as async_client:
        answer = await async_client.recommend("Classify this ticket as billing or technical.", namespace=namespace)
        return answer.recommended_model.model_id


check("AsyncMinimaClient.recommend", lambda: asyncio.run(run_async()))
print(f"{len(failures)} unexpected: {failures}" if failures else "all calls behaved as expected")
sys.exit(1 if failures else 0)
