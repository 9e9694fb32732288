# Monitoring is the project's own entry point, the one the harness runs: it sends the labelled production batch to the
# model server, measures drift (PSI, KS) against the training data and the accuracy decay, and logs all of it as a run
# of the monitoring experiment, whose tag retrain.needed is the verdict.
mlflow run "$REPO/sample-ml-project" -e monitor --env-manager local --experiment-name "$MONITORING_EXPERIMENT" \
  -P model_uri="models:/$MODEL@$ALIAS" -P scoring_url="$SERVE_URL/invocations" -P data="$PRODUCTION_DATA" \
  -P reference="$TRAIN_DATA" -P max_accuracy_drop="$MAX_ACCURACY_DROP" 2>&1 | tee "$WORK/logs/monitor.log"
MONITOR_RUN_ID=$(run_id_of "$WORK/logs/monitor.log")
RETRAIN_NEEDED=$(run_tag "$MONITOR_RUN_ID" retrain.needed)
echo "Monitoring run $MONITOR_RUN_ID: retrain.needed=$RETRAIN_NEEDED"
stop_server "$SERVE_PID"
echo "Stopped the model server."
