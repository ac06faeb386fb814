"""Drives the upstream Python `tinker` SDK against a running Mint platform and prints one line per call.

Not part of the test suite (the SDK comes from PyPI, which the build does not need); see README.md here.
Usage: python check.py BASE_URL TML_KEY   e.g. http://127.0.0.1:8001/api/tinker tml-...
Exit status 0 when every call behaved as expected (including the expected refusals).
"""
import asyncio
import datetime
import hashlib
import os
import sys

import httpx
import tinker

BASE, KEY = sys.argv[1], sys.argv[2]
failures = []


def check(name, call, expect_error=None):
    """Runs one call; with expect_error, the call must raise that exception type."""
    try:
        value = call()
    except Exception as e:  # noqa: BLE001 - every outcome is reported
        ok = expect_error is not None and isinstance(e, expect_error)
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {type(e).__name__}: {str(e)[:160]}")
        if not ok:
            failures.append(name)
        return None
    ok = expect_error is None
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {repr(value)[:160]}")
    if not ok:
        failures.append(name)
    return value


service = check("ServiceClient (client/config, dynamic_config)", lambda: tinker.ServiceClient(base_url=BASE, api_key=KEY))
check("get_server_capabilities", service.get_server_capabilities)
training = check("create_lora_training_client (create_session, create_model, retrieve_future)",
                 lambda: service.create_lora_training_client(base_model="Qwen/Qwen3-8B", rank=16,
                                                             user_metadata={"experiment": "sdk-check"}))
check("get_info", training.get_info)
state = check("save_state (save_weights)", lambda: training.save_state("step-1").result(timeout=60))
sampler = check("save_weights_for_sampler", lambda: training.save_weights_for_sampler("step-1").result(timeout=60))
check("load_state", lambda: training.load_state(state.path).result(timeout=60))
check("create_training_client_from_state", lambda: service.create_training_client_from_state(state.path))
sampling = check("create_sampling_client(model_path)", lambda: service.create_sampling_client(model_path=sampler.path))

rest = service.create_rest_client()
runs = check("list_training_runs", lambda: rest.list_training_runs(limit=10).result())
run_id = training.model_id
check("get_training_run", lambda: rest.get_training_run(run_id).result())
check("get_training_run_by_tinker_path", lambda: rest.get_training_run_by_tinker_path(state.path).result())
check("get_weights_info_by_tinker_path", lambda: rest.get_weights_info_by_tinker_path(state.path).result())
check("list_checkpoints", lambda: rest.list_checkpoints(run_id).result())
check("list_user_checkpoints", lambda: rest.list_user_checkpoints(limit=5).result())
check("list_training_runs_async", lambda: asyncio.run(rest.list_training_runs_async(limit=1)))
check("get_checkpoint_archive_url before an upload (404)",
      lambda: rest.get_checkpoint_archive_url_from_tinker_path(state.path).result(), tinker.NotFoundError)

# The archive arrives through Mint's own upload endpoint; the SDK then fetches its signed URL.
archive = os.urandom(3 * 1024 * 1024)
name = state.path.split("/", 3)[3]
upload = httpx.put(f"{BASE}/api/v1/training_runs/{run_id}/checkpoints/{name}/archive", content=archive,
                   headers={"X-API-Key": KEY, "X-Checksum-Sha256": hashlib.sha256(archive).hexdigest()}, timeout=60)
check("upload archive (Mint's PUT)", lambda: (upload.raise_for_status(), upload.json()["size_bytes"])[1])
url = check("get_checkpoint_archive_url_from_tinker_path", lambda: rest.get_checkpoint_archive_url_from_tinker_path(state.path).result())
check("download the signed URL, same bytes", lambda: httpx.get(url.url, timeout=60).content == archive or 1 / 0)

check("publish", lambda: rest.publish_checkpoint_from_tinker_path(state.path).result())
check("publish again (idempotent)", lambda: rest.publish_checkpoint_from_tinker_path(state.path).result())
check("unpublish", lambda: rest.unpublish_checkpoint_from_tinker_path(state.path).result())
check("set_checkpoint_ttl 3600", lambda: rest.set_checkpoint_ttl_from_tinker_path(state.path, 3600).result())
check("set_checkpoint_ttl None", lambda: rest.set_checkpoint_ttl_from_tinker_path(state.path, None).result())
sessions = check("list_sessions", lambda: rest.list_sessions().result())
session_id = run_id.split(":")[0]
check("get_session", lambda: rest.get_session(session_id).result())
check("export_session_trace", lambda: rest.export_session_trace(session_id).result(timeout=60))
hour = datetime.datetime.now(datetime.timezone.utc).replace(minute=0, second=0, microsecond=0)
usage = check("get_billing_usage", lambda: rest.get_billing_usage(hour - datetime.timedelta(hours=2),
                                                                  hour + datetime.timedelta(hours=1)).result())
kinds = sorted({event.event_info.type for event in usage.data}) if usage else []
check("billing events are checkpoint and storage", lambda: kinds == ["checkpoint", "storage"] or 1 / 0)
check("get_sampler", lambda: rest.get_sampler(session_id + ":sample:0").result())
check("get_audit_log (needs the Tinker admin role)", lambda: rest.get_audit_log().result(),
      tinker.PermissionDeniedError if os.environ.get("SDK_CHECK_NOT_ADMIN") else None)
check("delete_checkpoint_from_tinker_path", lambda: rest.delete_checkpoint_from_tinker_path(sampler.path).result())
check("a deleted checkpoint is gone (404)", lambda: rest.get_weights_info_by_tinker_path(sampler.path).result(), tinker.NotFoundError)
check("malformed tinker path (refused in the SDK)", lambda: rest.get_training_run_by_tinker_path("tinker://bad").result(), ValueError)
check("whoami (needs JWT exchange, which Mint leaves off)", lambda: rest.whoami().result(), RuntimeError)

print(f"{len(failures)} unexpected: {failures}" if failures else "all calls behaved as expected")
sys.exit(1 if failures else 0)
