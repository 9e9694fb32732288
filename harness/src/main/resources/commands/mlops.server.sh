if ! command -v mlflow >/dev/null 2>&1; then
  echo "mlflow is not on PATH: run 'source $REPO/.venv/bin/activate' (./scripts/python-env.sh creates it)" >&2
  exit 3
fi
MLFLOW_PORT=$(free_port)
export MLFLOW_TRACKING_URI="http://127.0.0.1:$MLFLOW_PORT"
API="$MLFLOW_TRACKING_URI/api/2.0/mlflow"
# Two workers, as the harness starts it (MLflow's default is four): plenty for one user. No job consumers: they serve
# MLflow 3's GenAI features, which this workflow does not use, and cost four more processes at start-up.
MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false setsid mlflow server --host 127.0.0.1 --port "$MLFLOW_PORT" --workers 2 \
  --backend-store-uri "sqlite:///$WORK/mlflow.db" --artifacts-destination "$WORK/artifacts" \
  >"$WORK/logs/mlflow-server.log" 2>&1 &
MLFLOW_PID=$!
SERVERS+=("$MLFLOW_PID")
# The first start creates the database's tables, which takes a few seconds.
await_up "$MLFLOW_TRACKING_URI/health" "$MLFLOW_PID" "$WORK/logs/mlflow-server.log"
echo "MLflow server ready at $MLFLOW_TRACKING_URI (UI: $MLFLOW_TRACKING_URI/#/experiments)"
echo "Backend store: $WORK/mlflow.db"
