CHALLENGER_VERSION=""
if [ "$RETRAIN_NEEDED" = true ]; then
  # Train on the old data plus the first 3/5 of the new batch; the rest is held out to compare the two models.
  ROWS=$(($(wc -l <"$REPO/sample-ml-project/$PRODUCTION_DATA") - 1))
  FRESH=$((ROWS * 3 / 5))
  HOLDOUT="$PRODUCTION_DATA:tail=$((ROWS - FRESH))"
  echo "Same code, new data: $TRAIN_DATA plus the first $FRESH rows of $PRODUCTION_DATA"
  mlflow run "$REPO/sample-ml-project" --env-manager local --experiment-name "$EXPERIMENT" \
    -P data="$TRAIN_DATA,$PRODUCTION_DATA:head=$FRESH" 2>&1 | tee "$WORK/logs/retrain.log"
  RETRAIN_RUN_ID=$(run_id_of "$WORK/logs/retrain.log")
  CHALLENGER_VERSION=$(curl -fsS -X POST "$API/model-versions/create" -H 'Content-Type: application/json' \
    -d "$(version_request "$(model_source "$RETRAIN_RUN_ID")" "$RETRAIN_RUN_ID")" | json_get model_version.version)
  await_ready "$CHALLENGER_VERSION"
  curl -fsS -X POST "$API/model-versions/set-tag" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$MODEL\", \"version\": \"$CHALLENGER_VERSION\", \"key\": \"role\", \"value\": \"$CHALLENGER\"}" \
    >/dev/null
  curl -fsS -X POST "$API/registered-models/alias" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$MODEL\", \"alias\": \"$CHALLENGER\", \"version\": \"$CHALLENGER_VERSION\"}" >/dev/null
  echo "Registered version $CHALLENGER_VERSION as '$CHALLENGER' (run $RETRAIN_RUN_ID)"
else
  echo "Nothing to retrain: monitoring found no drift and no accuracy decay."
fi
