#!/usr/bin/env bash
# npm run test:cluster: two app nodes on one PostgreSQL behind Debian nginx (loopback), sessions across nodes,
# and a 60-second mixed load with one node killed half-way (cluster/two-nodes.test.ts); a primary and a streaming
# replica made with pg_basebackup, dashboards read from the replica (cluster/replica.test.ts).
# PostgreSQL: TEST_DATABASE_URL or TEST_POSTGRES_URL (an admin URL; a database is created and dropped there),
# otherwise a throwaway cluster of its own. Writes .tmp/results/cluster.json for scripts/test-summary.mjs.
# Exits non-zero on any lost acknowledged write. Whatever the test leaves running is killed here on exit.
set -euo pipefail
export NODE_OPTIONS="${NODE_OPTIONS:-} --no-warnings=ExperimentalWarning"
cd "$(dirname "$0")/.."

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "nginx is not installed (Debian: apt-get install nginx)" >&2
  exit 1
fi

CLUSTER_DIR=$(mktemp -d /tmp/thanrak-cluster.XXXXXX)
export CLUSTER_DIR
runner=""
cleanup() {
  # The test stops its processes itself; this is for when it could not (interrupted, killed, crashed).
  if [ -n "$runner" ] && kill -0 "$runner" 2>/dev/null; then
    kill -TERM -- "-$runner" 2>/dev/null || true
    sleep 2
    kill -KILL -- "-$runner" 2>/dev/null || true
  fi
  for pidfile in "$CLUSTER_DIR"/pids/*.pid; do
    [ -e "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  done
  if [ -f "$CLUSTER_DIR/postgres-dir" ]; then
    pg_dir=$(cat "$CLUSTER_DIR/postgres-dir")
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
      kill -QUIT "$(head -1 "$pg_dir/data/postmaster.pid")" 2>/dev/null || true
      sleep 1
    fi
    rm -rf "$pg_dir"
  fi
  if [ -f "$CLUSTER_DIR/replica-dir" ]; then
    replica_dir=$(cat "$CLUSTER_DIR/replica-dir")
    for pidfile in "$replica_dir"/*/postmaster.pid; do
      [ -f "$pidfile" ] && kill -QUIT "$(head -1 "$pidfile")" 2>/dev/null || true
    done
    rm -rf "$replica_dir"
  fi
  rm -rf "$CLUSTER_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p .tmp/results
status=0
# In a process group of its own (setsid) so an interrupt can stop all of it; `wait` lets the trap run at once.
setsid npx vitest run --config cluster/vitest.config.ts --reporter=default --reporter=json \
  --outputFile.json=.tmp/results/cluster.json "$@" &
runner=$!
wait "$runner" || status=$?
if [ "$status" != 0 ]; then
  rm -rf .tmp/cluster-logs && mkdir -p .tmp/cluster-logs
  cp "$CLUSTER_DIR"/*.log "$CLUSTER_DIR"/nginx.conf .tmp/cluster-logs/ 2>/dev/null || true
  echo "Logs of the nodes, the seed and nginx: .tmp/cluster-logs/" >&2
fi
exit "$status"
