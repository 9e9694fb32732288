# The harness serves this bare repository over HTTP and only lets a user with a password push (JGit's servlet in
# Jetty, Basic auth). Git's own HTTP server, git http-backend, needs a web server in front of it, so here git's
# daemon serves the repository on 127.0.0.1 instead: a real network remote, but one without credentials. (A plain
# path works as a remote too: git remote add origin "$WORK/remote/sample-app.git".)
git init --bare -b main "$WORK/remote/sample-app.git"
GIT_PORT=$(free_port)
GIT_URL="git://127.0.0.1:$GIT_PORT/sample-app.git"
setsid git daemon --listen=127.0.0.1 --port="$GIT_PORT" --reuseaddr --base-path="$WORK/remote" --export-all \
  --enable=receive-pack "$WORK/remote" >"$WORK/logs/git-daemon.log" 2>&1 &
SERVERS+=("$!")
for _ in $(seq 50); do
  git ls-remote "$GIT_URL" >/dev/null 2>&1 && break
  sleep 0.2
done
git ls-remote "$GIT_URL" >/dev/null
echo "Serving it at $GIT_URL (git daemon, pushes enabled)"
