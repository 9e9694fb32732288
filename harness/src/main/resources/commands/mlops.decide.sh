if [ -n "$CHALLENGER_VERSION" ]; then
  for version in "$VERSION" "$CHALLENGER_VERSION"; do
    mlflow run "$REPO/sample-ml-project" -e evaluate --env-manager local --experiment-name "$EXPERIMENT" \
      -P model_uri="models:/$MODEL/$version" -P data="$HOLDOUT" 2>&1 | tee "$WORK/logs/evaluate-v$version.log"
  done
  CHAMPION_SCORE=$(run_metric "$(run_id_of "$WORK/logs/evaluate-v$VERSION.log")" eval_accuracy)
  CHALLENGER_SCORE=$(run_metric "$(run_id_of "$WORK/logs/evaluate-v$CHALLENGER_VERSION.log")" eval_accuracy)
  echo "held-out accuracy on $HOLDOUT: champion v$VERSION $CHAMPION_SCORE," \
    "challenger v$CHALLENGER_VERSION $CHALLENGER_SCORE (margin needed $PROMOTE_MARGIN)"
  if awk -v challenger="$CHALLENGER_SCORE" -v champion="$CHAMPION_SCORE" -v margin="$PROMOTE_MARGIN" \
      'BEGIN { exit !(challenger >= champion + margin) }'; then
    curl -fsS -X POST "$API/registered-models/alias" -H 'Content-Type: application/json' \
      -d "{\"name\": \"$MODEL\", \"alias\": \"$ALIAS\", \"version\": \"$CHALLENGER_VERSION\"}" >/dev/null
    curl -fsS -X POST "$API/model-versions/set-tag" -H 'Content-Type: application/json' \
      -d "{\"name\": \"$MODEL\", \"version\": \"$CHALLENGER_VERSION\", \"key\": \"role\", \"value\": \"$ALIAS\"}" \
      >/dev/null
    echo "=> promoted: '$ALIAS' now points at version $CHALLENGER_VERSION"
  else
    echo "=> kept: the challenger is not better by the margin, so '$ALIAS' stays on version $VERSION"
  fi
else
  echo "No challenger: version $VERSION stays '$ALIAS'."
fi
echo "Alias '$ALIAS' -> version $(curl -fsS "$API/registered-models/alias?name=$MODEL&alias=$ALIAS" \
  | json_get model_version.version)"
