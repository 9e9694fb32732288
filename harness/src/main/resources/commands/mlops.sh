# Helpers of the MLOps steps' glue; $API is the tracking server's REST API, set when the server starts.

# The lane's rules, as the harness's MlopsPolicy has them (both tested on sample-ml-project/tests/rule_cases.json).
# The accuracy gate: passes_gate ACCURACY MIN_ACCURACY succeeds when the model may be released.
passes_gate() {
  awk -v accuracy="$1" -v threshold="$2" 'BEGIN { exit !(accuracy >= threshold) }'
}

# Monitoring's verdict, as the monitor entry point logs it:
# retrain_needed "$(verdict RUN_ID monitoring.json retrain_needed)"
retrain_needed() {
  [ "$1" = true ]
}

# The promotion rule: promotes CHAMPION CHALLENGER MARGIN succeeds when the challenger is better by at least the
# margin. 1e-9 allows for rounding: accuracies are ratios of row counts, and 0.80 + 0.02 is 0.8200000000000001.
promotes() {
  awk -v champion="$1" -v challenger="$2" -v margin="$3" 'BEGIN { exit !(challenger - champion >= margin - 1e-9) }'
}

# One value from the JSON document on stdin, by its dotted path, e.g. json_get model_version.status
json_get() {
  python -c 'import functools, json, sys
print(functools.reduce(lambda node, key: node[key], sys.argv[1].split("."), json.load(sys.stdin)))' "$1"
}

# The run id `mlflow run` printed in its log: === Run (ID '<run id>') succeeded ===
run_id_of() {
  sed -n "s/.*=== Run (ID '\([0-9a-f]*\)') succeeded ===.*/\1/p" "$1" | tail -n 1
}

# A metric of a run, read back from the tracking server: run_metric RUN_ID accuracy
run_metric() {
  curl -fsS "$API/runs/get?run_id=$1" | python -c 'import json, sys
metrics = json.load(sys.stdin)["run"]["data"]["metrics"]
print(next(m["value"] for m in metrics if m["key"] == sys.argv[1]))' "$2"
}

# The model a run logged, as the registry takes it: MLflow 3 keeps a logged model apart from the run's artifacts
# (models:/<model id>, listed in the run's outputs); MLflow 2 saved it as the run's artifact "model".
model_source() {
  curl -fsS "$API/runs/get?run_id=$1" | python -c 'import json, sys
run = json.load(sys.stdin)["run"]
outputs = run.get("outputs", {}).get("model_outputs", [])
print("models:/" + outputs[-1]["model_id"] if outputs else run["info"]["artifact_uri"] + "/model")'
}

# A field of the verdict an entry point logged as a JSON artifact of its run, as JSON (true, 0.43, "text"):
# verdict RUN_ID monitoring.json retrain_needed
verdict() {
  curl -fsS "$MLFLOW_TRACKING_URI/get-artifact?path=$2&run_uuid=$1" | python -c 'import json, sys
print(json.dumps(json.load(sys.stdin)[sys.argv[1]]))' "$3"
}

# Registering is asynchronous: a new model version can be used once the registry reports it READY.
await_ready() {
  local status=""
  for _ in $(seq 120); do
    status=$(curl -fsS "$API/model-versions/get?name=$MODEL&version=$1" | json_get model_version.status)
    [ "$status" = READY ] && return 0
    sleep 0.5
  done
  echo "version $1 of $MODEL is $status, not READY" >&2
  return 1
}

# Waits until a background server answers at URL, giving up early if its process exits; on failure shows the end of
# its log and stops the script: await_up URL PID LOG
await_up() {
  for _ in $(seq 240); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.5
  done
  curl -fsS "$1" >/dev/null 2>&1 && return 0
  tail -n 20 "$3" >&2
  exit 1
}
