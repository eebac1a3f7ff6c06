#!/usr/bin/env bash
# The scale-out recipe, on one Debian machine: a PostgreSQL cluster in a temporary folder, two app instances on
# loopback ports, and HAProxy in front with sticky sessions for Blazor circuits. Prints the URL and runs until
# Ctrl-C (or until the file named by SCALE_OUT_STOP_FILE appears), then stops everything and deletes the folder.
#
#   deploy/scale-out.sh                 # Development: the demo catalog and sign-ins of the README
#   ASPNETCORE_ENVIRONMENT=Production PersonalData__MasterKey=… deploy/scale-out.sh
# SCALE_OUT_PORT fixes the balancer's port (default: a free one).
#
# Everything listens on 127.0.0.1 only. Needs the .NET 10 SDK; installs postgresql and haproxy if missing.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
environment="${ASPNETCORE_ENVIRONMENT:-Development}"

missing=()
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
[ -n "$(pg_bin)" ] || missing+=(postgresql)
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed (https://dot.net)."; exit 1; }
haproxy_bin="$(command -v haproxy || echo /usr/sbin/haproxy)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
work="$(mktemp -d /tmp/preferencecenter-scale-out.XXXXXX)"
pids=()
pg_as=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root: root runs it as the postgres user the package creates.
  chown postgres "$work"
  pg_as=(runuser -u postgres --)
fi
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$work/pg/postmaster.pid" ] && "${pg_as[@]}" "$(pg_bin)/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1
  rm -rf "$work"
}
trap stop_all EXIT
trap 'exit 0' INT TERM

pg_port=$(free_port); app1_port=$(free_port); app2_port=$(free_port); lb_port=${SCALE_OUT_PORT:-$(free_port)}

echo "PostgreSQL: a cluster in $work/pg on 127.0.0.1:$pg_port ..."
"${pg_as[@]}" "$(pg_bin)/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1
"${pg_as[@]}" "$(pg_bin)/pg_ctl" -D "$work/pg" -l "$work/postgresql.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work -c max_connections=200" start >/dev/null
for database in preferencecenter preferencecenter_keys; do
  "${pg_as[@]}" "$(pg_bin)/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres "$database"
done

# SCALE_OUT_APP_DLL runs an app already built (the tests pass their own build); otherwise a Release build.
app_dll="${SCALE_OUT_APP_DLL:-$repo/PreferenceCenter/bin/Release/net10.0/PreferenceCenter.dll}"
if [ -z "${SCALE_OUT_APP_DLL:-}" ]; then
  echo "Building the app (Release) ..."
  dotnet build "$repo/PreferenceCenter/PreferenceCenter.csproj" -c Release -v quiet -nologo >"$work/build.log" 2>&1 \
    || { tail -n 30 "$work/build.log"; exit 1; }
fi
mkdir -p "$work/mail"
chmod a+rwx "$work/mail"

start_instance() { # name port
  (
    cd "$repo/PreferenceCenter"
    export ASPNETCORE_ENVIRONMENT="$environment" ASPNETCORE_URLS="http://127.0.0.1:$2"
    export Database__Provider=PostgreSQL
    export ConnectionStrings__PreferenceCenter="Host=127.0.0.1;Port=$pg_port;Database=preferencecenter;Username=postgres"
    export ConnectionStrings__PersonalDataKeys="Host=127.0.0.1;Port=$pg_port;Database=preferencecenter_keys;Username=postgres"
    export App__PublicBaseUrl="http://127.0.0.1:$lb_port/"
    export Email__PickupDirectory="$work/mail"
    # HAProxy is the only proxy whose X-Forwarded-For counts (per-customer rate limits behind the balancer).
    export Network__TrustedProxies__0=127.0.0.1
    exec dotnet "$app_dll"
  ) >"$work/$1.log" 2>&1 &
  pids+=($!)
}
wait_healthy() { # name port
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$2/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then echo "$1 stopped:"; tail -n 30 "$work/$1.log"; exit 1; fi
    sleep 1
  done
  echo "$1 did not answer /health in two minutes:"; tail -n 30 "$work/$1.log"; exit 1
}

# One after the other: the first migrates (and, in Development, seeds the demo); the second finds it done.
echo "Instance app1 on 127.0.0.1:$app1_port ..."
start_instance app1 "$app1_port"; wait_healthy app1 "$app1_port"
echo "Instance app2 on 127.0.0.1:$app2_port ..."
start_instance app2 "$app2_port"; wait_healthy app2 "$app2_port"

sed -e "s/@LB_PORT@/$lb_port/" -e "s/@APP1_PORT@/$app1_port/" -e "s/@APP2_PORT@/$app2_port/" -e "s|@DEPLOY_DIR@|$repo/deploy|" \
  "$repo/deploy/haproxy.cfg" >"$work/haproxy.cfg"
"$haproxy_bin" -c -q -f "$work/haproxy.cfg"
"$haproxy_bin" -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$lb_port/" 2>/dev/null && break; sleep 0.2; done

cat <<EOF

PreferenceCenter on two instances: http://127.0.0.1:$lb_port/
  app1 http://127.0.0.1:$app1_port  app2 http://127.0.0.1:$app2_port  (logs in $work)
  PostgreSQL 127.0.0.1:$pg_port, databases preferencecenter and preferencecenter_keys
  Emails are written to $work/mail
Ctrl-C stops everything and deletes $work.
EOF
echo "READY http://127.0.0.1:$lb_port/ app1=$app1_port app2=$app2_port postgres=$pg_port pids=${pids[*]}"

stop_file="${SCALE_OUT_STOP_FILE:-}"
while :; do
  [ -n "$stop_file" ] && [ -e "$stop_file" ] && exit 0
  sleep 1
done
