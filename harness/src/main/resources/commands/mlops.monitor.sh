# The production batch as the model sees it live: its features without the label.
python - "$REPO/sample-ml-project/$PRODUCTION_DATA" >"$WORK/batch.json" <<'PY'
import json, sys
import pandas as pd

batch = pd.read_csv(sys.argv[1]).drop(columns=["churned"])
print(json.dumps({"dataframe_split": json.loads(batch.to_json(orient="split", index=False))}))
PY
curl -fsS -X POST "$SERVE_URL/invocations" -H 'Content-Type: application/json' -d @"$WORK/batch.json" \
  >"$WORK/predictions.json"
echo "Production batch: $PRODUCTION_DATA scored by $SERVE_URL/invocations"
# Drift per feature as the harness measures it: PSI over ten bins cut at the training data's deciles. Accuracy:
# the predictions against the batch's labels, compared with the training run's.
python - "$REPO/sample-ml-project/$TRAIN_DATA" "$REPO/sample-ml-project/$PRODUCTION_DATA" "$WORK/predictions.json" \
  "$ACCURACY" "$MAX_ACCURACY_DROP" "$PSI_DRIFT" <<'PY' | tee "$WORK/monitor.txt"
import json, sys
import numpy as np
import pandas as pd

train, batch = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2])
predictions = np.array(json.load(open(sys.argv[3]))["predictions"])
before, max_drop, psi_drift = (float(x) for x in sys.argv[4:7])
drifted = []
for feature in batch.columns.drop("churned"):
    reference, current = train[feature].dropna(), batch[feature].dropna()
    cuts = np.unique(np.quantile(reference, np.linspace(0.1, 0.9, 9)))
    shares = [np.bincount(np.searchsorted(cuts, x), minlength=len(cuts) + 1) / len(x) for x in (current, reference)]
    p, q = (np.maximum(s, 1e-4) for s in shares)
    psi = float(np.sum((p - q) * np.log(p / q)))
    print(f"{feature:16} PSI {psi:.4f}  {'DRIFT' if psi >= psi_drift else 'stable'}")
    if psi >= psi_drift:
        drifted.append(feature)
after = float((predictions == batch["churned"].to_numpy()).mean())
print(f"accuracy: {before:.4f} at training -> {after:.4f} on this batch; decay threshold {max_drop}")
print("drift:", ", ".join(drifted) if drifted else "none", f"(PSI >= {psi_drift})")
print("retrain_needed=" + ("yes" if drifted or before - after >= max_drop else "no"))
PY
RETRAIN_NEEDED=$(sed -n 's/^retrain_needed=//p' "$WORK/monitor.txt")
stop_server "$SERVE_PID"
echo "Stopped the model server."
