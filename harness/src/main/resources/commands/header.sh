# Everything the script makes stays in the directory it was started from.
WORK="$PWD"
mkdir -p "$WORK/logs"

# Every server started in the background is recorded here, so that the exit trap can stop them all.
SERVERS=()

# A free port on 127.0.0.1, so that nothing depends on 5000 or 8080 being available.
free_port() {
  if command -v python >/dev/null 2>&1; then
    python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  else
    shuf -i 20000-60999 -n 1
  fi
}

# Job control on: each command started in the background (a server's `... &`) gets a process group of its own,
# whose id is its process id and which holds everything it forks (the MLflow server's workers, git daemon's
# connections). Stopping the group stops them all, and waiting until it is empty means the port is free again.
set -m
stop_server() {
  kill -TERM -- "-$1" 2>/dev/null || return 0
  for _ in $(seq 100); do
    kill -0 -- "-$1" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$1" 2>/dev/null || true
}

stop_all_servers() {
  local pid
  set +m  # no job notices ("Terminated ...") for the servers stopped here
  for pid in "${SERVERS[@]}"; do
    stop_server "$pid"
  done
}
trap stop_all_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
