SERVE_PORT=$(free_port)
SERVE_URL="http://127.0.0.1:$SERVE_PORT"
setsid mlflow models serve -m "models:/$MODEL@$ALIAS" --env-manager local --host 127.0.0.1 --port "$SERVE_PORT" \
  --workers 1 >"$WORK/logs/model-server.log" 2>&1 &
SERVE_PID=$!
SERVERS+=("$SERVE_PID")
await_up "$SERVE_URL/ping" "$SERVE_PID" "$WORK/logs/model-server.log"
echo "Model server for models:/$MODEL@$ALIAS ready at $SERVE_URL"
# One customer (the first row of data/production_reference.csv) in the scoring server's dataframe_split format.
cat >"$WORK/row.json" <<'JSON'
{"dataframe_split": {"columns": ["tenure_months", "monthly_charges", "support_calls", "usage_hours", "late_payments"], "data": [[3, 64.66, 0, 29.1, 0]]}}
JSON
echo "POST $SERVE_URL/invocations $(cat "$WORK/row.json")"
curl -fsS -X POST "$SERVE_URL/invocations" -H 'Content-Type: application/json' -d @"$WORK/row.json"
echo
