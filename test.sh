#!/usr/bin/env bash
# Runs every test (xunit, bUnit, Playwright end-to-end) on SQLite, then again with PostgreSQL as the store (all but the
# tests of SQLite itself), and ends with one line for both passes: "N passed, N failed, N skipped" (FAILED lines name
# the provider).
# On a fresh Debian machine it first installs what the tests need: Chromium (Playwright never downloads a
# browser here), aiosmtpd (a real SMTP server on loopback for the email tests), PostgreSQL (a throw-away
# cluster for the tests of the second store, PC_TEST_POSTGRES) and HAProxy (the two-instance tests).
set -uo pipefail
cd "$(dirname "$0")"

chromium="${PREFERENCECENTER_CHROMIUM:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3-aiosmtpd)
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
[ -n "$(pg_bin)" ] || missing+=(postgresql)
# haproxy and curl: the two-instance tests run deploy/scale-out.sh, the scale-out recipe, as an operator would.
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "Could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi
export PREFERENCECENTER_CHROMIUM="$chromium"

# A real SMTP server for the email tests, on loopback only, stopped whatever happens.
smtp_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
maildir=$(mktemp -d)
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$maildir/inbox" >/dev/null 2>&1 &
smtp_pid=$!
pgdir=$(mktemp -d)
pg_as=()
stop_postgres() { [ -f "$pgdir/data/postmaster.pid" ] && "${pg_as[@]}" "$(pg_bin)/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1; }
trap 'kill $smtp_pid 2>/dev/null; rm -rf "$maildir"; stop_postgres; rm -rf "$pgdir"' EXIT
export PREFERENCECENTER_TEST_SMTP_PORT="$smtp_port" PREFERENCECENTER_TEST_MAILDIR="$maildir/inbox"

# A throw-away PostgreSQL cluster in a temporary folder: loopback only, its socket in that folder, no fsync (nothing
# here must survive a crash), no autovacuum (an auto-analyze's snapshot can make VACUUM FULL keep the row versions the
# byte-scan tests look for; see docs/postgresql.md), stopped and deleted at exit. PostgreSQL refuses to run as root, so root runs it as
# the postgres user the package creates. Tests that need it create and drop a database of their own.
if [ "$(id -u)" = 0 ]; then
  chown postgres "$pgdir"
  pg_as=(runuser -u postgres --)
fi
pg_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
if ! { "${pg_as[@]}" "$(pg_bin)/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$pgdir/initdb.log" 2>&1 \
       && "${pg_as[@]}" "$(pg_bin)/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pgdir -c fsync=off -c autovacuum=off -c max_connections=200" start >/dev/null; }; then
  echo "The PostgreSQL test cluster did not start:"; tail -n 20 "$pgdir"/*.log
  echo "0 passed, 1 failed"; exit 1
fi
export PC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
# Its data directory, for the tests that scan the files as someone with a copy of the disk would (root reads them).
export PC_TEST_POSTGRES_DATA="$pgdir/data"

results=TestResults
rm -rf "$results"
dotnet test PreferenceCenter.sln --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?
trx=$(find "$results" -maxdepth 1 -name '*.trx' 2>/dev/null | head -n 1)
if [ -z "$trx" ]; then
  echo "No test results were written (the build probably failed)."
  echo "0 passed, 1 failed"
  exit 1
fi
runs=("$trx|${PC_TEST_PROVIDER:-Sqlite}")

# Second pass: the suite again with PostgreSQL as the store (PC_TEST_PROVIDER: TestHost/TestDatabase gives each store,
# service and bUnit test two databases of its own on the cluster, TestHost/AppHost puts the app on it), within the
# caller's filter if any (results in TestResults/postgresql). Left out:
# - tests of SQLite itself, marked [SqliteOnly("why")] (trait Store=SqliteOnly): its files, PRAGMAs, SQLite-only SQL;
# - the PostgreSQL tests (names with "PostgreSql", and the two-instance tests in EndToEnd.ScaleOut), which run on the
#   cluster in the first pass already;
# - end-to-end tests that start no app host on the chosen store: the command line (the app as a process on a SQLite
#   file), input bounds and the page list.
if [ -z "${PC_TEST_PROVIDER:-}" ] || [ "${PC_TEST_PROVIDER,,}" = sqlite ]; then
  pg_filter="Store!=SqliteOnly&FullyQualifiedName!~PostgreSql&FullyQualifiedName!~EndToEnd.ScaleOut&FullyQualifiedName!~EndToEnd.CommandLineTests&FullyQualifiedName!~EndToEnd.HostileInput.InputBoundsTests&FullyQualifiedName!~EndToEnd.EveryPageIsScannedTests"
  pg_args=(); user_filter=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --filter) user_filter="${2:-}"; shift 2 || shift ;;
      --filter=*) user_filter="${1#--filter=}"; shift ;;
      --no-build) shift ;;
      *) pg_args+=("$1"); shift ;;
    esac
  done
  [ -n "$user_filter" ] && pg_filter="($user_filter)&($pg_filter)"
  echo "Second pass: the suite on PostgreSQL ..."
  PC_TEST_PROVIDER=PostgreSQL dotnet test PreferenceCenter.sln --no-build --filter "$pg_filter" --logger "trx;LogFileName=results.trx" \
    --logger "console;verbosity=normal" --results-directory "$results/postgresql" "${pg_args[@]}"
  pg_status=$?
  pg_trx=$(find "$results/postgresql" -maxdepth 1 -name '*.trx' 2>/dev/null | head -n 1)
  # No results and no error: the caller's filter matched no test that runs on PostgreSQL.
  [ -n "$pg_trx" ] && runs+=("$pg_trx|PostgreSQL")
  [ "$pg_status" -ne 0 ] && status=$pg_status
fi

counter() { grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]*'; }
passed=0; failed=0; skipped=0
for run in "${runs[@]}"; do
  file="${run%|*}"; provider="${run#*|}"
  total=$(counter "$file" total); executed=$(counter "$file" executed); run_failed=$(counter "$file" failed)
  passed=$((passed + $(counter "$file" passed))); failed=$((failed + run_failed)); skipped=$((skipped + total - executed))
  # CI shows only the end of the output, so name each failing test, its provider and its first message line there.
  if [ "${run_failed:-0}" -gt 0 ]; then
    /usr/bin/python3 - "$file" "$provider" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
    message = r.findtext(".//t:Message", default="", namespaces=ns).strip().splitlines()
    print(f"FAILED [{sys.argv[2]}] {r.get('testName')}: {message[0][:300] if message else ''}")
    # CI keeps only the end of the log: the lines that say what was found instead (Playwright's "But was", an
    # assertion's "Actual", the locator's last state) and the test's own line, so a failure there can be diagnosed.
    telling = [l.strip() for l in message[1:] if any(k in l for k in ("Expected", "But was", "Actual", "unexpected value", "resolved to"))]
    stack = r.findtext(".//t:StackTrace", default="", namespaces=ns).splitlines()
    telling += list(dict.fromkeys(l.strip() for l in stack if "PreferenceCenter.Tests" in l and ".cs:line" in l))[:2]
    for line in telling[-8:]:
        print(f"    {line[:300]}")
PY
  fi
done
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1   # a crash that reported no failing test still fails
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
