curl -fsS "$API/runs/get?run_id=$RUN_ID" >"$WORK/run.json"
python - "$WORK/run.json" <<'PY'
import json, sys

run = json.load(open(sys.argv[1]))["run"]
tags = {tag["key"]: tag["value"] for tag in run["data"].get("tags", [])}
print("code:    git commit", tags.get("mlflow.source.git.commit", "(not a git checkout)"))
for item in run.get("inputs", {}).get("dataset_inputs", []):
    print("data:    dataset", item["dataset"]["name"], "digest", item["dataset"]["digest"])
for param in sorted(run["data"].get("params", []), key=lambda p: p["key"]):
    print("param:  ", param["key"], "=", param["value"])
for metric in sorted(run["data"].get("metrics", []), key=lambda m: m["key"]):
    print(f"metric:  {metric['key']} = {metric['value']:.4f}")
PY
MODEL_SOURCE=$(model_source "$RUN_ID")
echo "model:   $MODEL_SOURCE"
echo "UI:      $MLFLOW_TRACKING_URI/#/experiments/$(json_get run.info.experiment_id <"$WORK/run.json")/runs/$RUN_ID"
