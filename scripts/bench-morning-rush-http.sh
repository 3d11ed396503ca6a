#!/usr/bin/env bash
# The over-HTTP comparisons of README.md's "Morning rush" section. Starts Booking.Web (PostgreSQL storage in the
# database booking_web_bench on the server of BOOKING_TEST_POSTGRES, created if missing), runs the engine over HTTP
# against the SQL baselines served behind the bench's own Kestrel + JSON + JWT endpoint, writes docs/bench/http-*.json
# and docs/bench/morning-rush-http.svg, and stops the Booking.Web it started.
#
#   BOOKING_TEST_POSTGRES="Host=127.0.0.1;Port=55600;Username=postgres;Database=postgres" bash scripts/bench-morning-rush-http.sh
#
# booking_web_bench is kept between runs for its 2,000 employee accounts: the first run signs every one up and in
# (PBKDF2 at 600,000 iterations, about 10 minutes on 2 cores) and keeps their 24-hour access tokens in the temp
# directory. The bookings of earlier runs are deleted before Booking.Web starts (it rebuilds from the tables), so the
# employees are free again on the dates the runs use.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
: "${BOOKING_TEST_POSTGRES:?set BOOKING_TEST_POSTGRES to an admin connection string}"

port="${BENCH_WEB_PORT:-5080}"
out=docs/bench
admin_email=bench-admin@bench.example.com
admin_password=bench-admin-password

# Npgsql keyword strings -> the same server with another database, and a libpq conninfo for psql.
with_database() { python3 -c 'import sys; print(";".join([p for p in sys.argv[1].split(";") if p and not p.lower().startswith("database=")] + ["Database=" + sys.argv[2]]))' "$1" "$2"; }
conninfo() { python3 -c '
import sys
d = {k.strip().lower(): v for k, v in (p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)}
keys = {"host": "host", "port": "port", "username": "user", "password": "password", "database": "dbname"}
print(" ".join(f"{keys[k]}={v}" for k, v in d.items() if k in keys))' "$1"; }

web_db="$(with_database "$BOOKING_TEST_POSTGRES" booking_web_bench)"
if ! psql "$(conninfo "$BOOKING_TEST_POSTGRES")" -tAc "SELECT 1 FROM pg_database WHERE datname = 'booking_web_bench'" | grep -q 1; then
  psql "$(conninfo "$BOOKING_TEST_POSTGRES")" -qc "CREATE DATABASE booking_web_bench"
elif psql "$(conninfo "$web_db")" -tAc "SELECT to_regclass('bookings') IS NOT NULL" | grep -q t; then
  psql "$(conninfo "$web_db")" -qc "DELETE FROM bookings; DELETE FROM grain_state WHERE grain_type = 'Booking.Grains.Interfaces.IResourceDayGrain'"
fi

mkdir -p "$out"
dotnet build Booking.Web -c Release -v quiet -nologo >/dev/null
dotnet build Booking.Bench -c Release -v quiet -nologo >/dev/null

Booking__Storage__Provider=Postgres \
Booking__Storage__ConnectionString="$web_db" \
Booking__Admin__Email="$admin_email" Booking__Admin__Password="$admin_password" \
Booking__Jwt__AccessTokenMinutes=1440 \
Booking__RateLimiting__Auth__PermitLimit=1000000 \
Logging__LogLevel__Default=Warning \
ASPNETCORE_URLS="http://127.0.0.1:$port" \
  dotnet Booking.Web/bin/Release/net10.0/Booking.Web.dll >"${TMPDIR:-/tmp}/booking-web-bench.log" 2>&1 &
web_pid=$!
trap 'kill "$web_pid" 2>/dev/null || true; wait "$web_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 1
done

http=(--target http --url "http://127.0.0.1:$port" --web-db "$web_db" --admin-email "$admin_email" --admin-password "$admin_password")
bench() { dotnet Booking.Bench/bin/Release/net10.0/Booking.Bench.dll "$@"; }

# Each run books dates of its own (its warm-up takes the day after).
bench rush --compare "${http[@]}" --days-ahead 1 --json "$out/http-rush.json" --chart "$out/http-rush.svg"
bench rush --compare "${http[@]}" --days-ahead 3 --arrival-ms 250 --json "$out/http-rush-250ms.json" --chart "$out/http-rush-250ms.svg"
bench rush --compare "${http[@]}" --days-ahead 5 --arrival-ms 0 --json "$out/http-rush-burst.json" --chart "$out/http-rush-burst.svg"
bench hot --compare "${http[@]}" --days-ahead 7 --json "$out/http-hot.json" --chart "$out/http-hot.svg"
bench hot --compare "${http[@]}" --days-ahead 9 --arrival-ms 250 --json "$out/http-hot-250ms.json" --chart "$out/http-hot-250ms.svg"
bench hot --compare "${http[@]}" --days-ahead 11 --arrival-ms 0 --json "$out/http-hot-burst.json" --chart "$out/http-hot-burst.svg"
bench chart "$out/http-rush.json" "$out/http-rush-250ms.json" "$out/http-rush-burst.json" \
  "$out/http-hot.json" "$out/http-hot-250ms.json" "$out/http-hot-burst.json" --out "$out/morning-rush-http.svg"
