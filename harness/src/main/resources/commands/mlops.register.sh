if ! curl -fsS "$API/registered-models/get?name=$MODEL" >/dev/null 2>&1; then
  curl -fsS -X POST "$API/registered-models/create" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$MODEL\"}" >/dev/null
  echo "Created registered model '$MODEL'"
fi
VERSION=$(curl -fsS -X POST "$API/model-versions/create" -H 'Content-Type: application/json' \
  -d "$(version_request "$MODEL_SOURCE" "$RUN_ID")" | json_get model_version.version)
echo "Created version $VERSION of '$MODEL' from run $RUN_ID"
await_ready "$VERSION"
echo "Version $VERSION is READY"
curl -fsS -X POST "$API/registered-models/alias" -H 'Content-Type: application/json' \
  -d "{\"name\": \"$MODEL\", \"alias\": \"$ALIAS\", \"version\": \"$VERSION\"}" >/dev/null
echo "Alias '$ALIAS' -> version $(curl -fsS "$API/registered-models/alias?name=$MODEL&alias=$ALIAS" \
  | json_get model_version.version)"
echo "UI: $MLFLOW_TRACKING_URI/#/models/$MODEL/versions/$VERSION"
