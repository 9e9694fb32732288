for i in $(seq 10); do
  curl -fsS -o /dev/null -w "check $i/10: GET /health -> %{http_code} in %{time_total} s\n" "$APP_URL/health"
  sleep 0.2
done
stop_server "$APP_PID"
echo "Stopped the app."
