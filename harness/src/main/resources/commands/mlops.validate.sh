# The contract check is the project's own entry point, the one the harness runs: it records its verdict as a run of
# its own experiment and exits 1 (so this script stops) when the data breaks data/schema.json.
mlflow run "$REPO/sample-ml-project" -e validate --env-manager local --experiment-name "$VALIDATION_EXPERIMENT" \
  -P data="$TRAIN_DATA" 2>&1 | tee "$WORK/logs/validate.log"
