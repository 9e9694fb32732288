ACCURACY=$(run_metric "$RUN_ID" accuracy)
echo "accuracy $ACCURACY, threshold $MIN_ACCURACY"
if ! awk -v accuracy="$ACCURACY" -v threshold="$MIN_ACCURACY" 'BEGIN { exit !(accuracy >= threshold) }'; then
  echo "the model's accuracy is below the threshold: it is not released, nothing is registered" >&2
  exit 1
fi
echo "gate passed: the model may be released"
