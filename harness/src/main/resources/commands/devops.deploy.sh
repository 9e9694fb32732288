cd "$WORK/sample-app"
APP_PORT=$(free_port)
APP_URL="http://127.0.0.1:$APP_PORT"
setsid java -jar target/sample-app.jar --port "$APP_PORT" >"$WORK/logs/sample-app.log" 2>&1 &
APP_PID=$!
SERVERS+=("$APP_PID")
echo "sample-app started at $APP_URL"
# The JVM needs a moment before it listens; until then curl reports the refused connection and tries again.
curl -fsS --retry 30 --retry-delay 1 --retry-connrefused "$APP_URL/health"
echo
curl -fsS "$APP_URL/greeting?name=learner"
echo
