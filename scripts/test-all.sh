#!/usr/bin/env bash
# npm test: everything the README promises, on a fresh machine.
# Installs what the tests need when missing, starts a throwaway PostgreSQL, runs unit tests,
# integration tests on PGlite and on PostgreSQL, and the browser journeys; cleans up after itself.
set -euo pipefail
export NODE_OPTIONS="${NODE_OPTIONS:-} --no-warnings=ExperimentalWarning"
cd "$(dirname "$0")/.."

need=()
for pkg in chromium fonts-thai-tlwg poppler-utils nginx; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing missing Debian packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# A throwaway PostgreSQL cluster on a free loopback port.
PG_DIR=$(mktemp -d /tmp/thanrak-pg.XXXXXX)
PG_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
RUN_AS=()
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; RUN_AS=(runuser -u postgres --); fi
cleanup() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR" .tmp/pglite-template-*.tar
}
trap cleanup EXIT
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
export TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"

mkdir -p .tmp/results && rm -f .tmp/results/*.json .tmp/results/stages.txt
SUITE_START=$SECONDS
# Runs one stage, prints its duration and keeps it for the summary.
stage() {
  local name=$1 started=$SECONDS
  shift
  echo "== $name"
  "$@"
  printf '%-45s %5d s\n' "$name" $((SECONDS - started)) | tee -a .tmp/results/stages.txt
}
vitest() { npx vitest run --reporter=default --reporter=json --outputFile.json=".tmp/results/$1.json" --project "${@:2}"; }
e2e() { npm run -s build && PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/results/e2e.json npx playwright test --reporter=list,json; }

stage "Type check and lint" npm run -s check
stage "OpenAPI lint (Redocly, recommended rules)" npm run -s api:lint
stage "Unit tests" vitest unit unit
stage "Integration tests on PGlite" vitest pglite integration
TEST_DATABASE_URL="$TEST_POSTGRES_URL" stage "Integration tests on PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')" \
  vitest postgresql integration
stage "Build and browser journeys (Chromium)" e2e
TEST_DATABASE_URL="$TEST_POSTGRES_URL" stage "Two nodes behind nginx, one killed under load" npm run -s test:cluster
echo
cat .tmp/results/stages.txt
printf '%-45s %5d s\n' "Whole suite" $((SECONDS - SUITE_START))
node scripts/test-summary.mjs .tmp/results
