mlflow run "$REPO/sample-ml-project" --env-manager local --experiment-name "$EXPERIMENT" -P data="$TRAIN_DATA" \
  2>&1 | tee "$WORK/logs/train.log"
RUN_ID=$(run_id_of "$WORK/logs/train.log")
echo "Run id: $RUN_ID"
