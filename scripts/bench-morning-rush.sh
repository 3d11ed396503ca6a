#!/usr/bin/env bash
# Runs the morning-rush comparisons of README.md's "Morning rush" section against the PostgreSQL in
# BOOKING_TEST_POSTGRES (an admin connection string: every target creates and drops a database of its own) and
# writes their JSON figures and one combined SVG chart to docs/bench/.
#
#   BOOKING_TEST_POSTGRES="Host=127.0.0.1;Port=55600;Username=postgres;Database=postgres" bash scripts/bench-morning-rush.sh
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
: "${BOOKING_TEST_POSTGRES:?set BOOKING_TEST_POSTGRES to an admin connection string}"

out=docs/bench
mkdir -p "$out"
dotnet build Booking.Bench -c Release -v quiet -nologo >/dev/null
bench() { dotnet run -c Release --no-build --project Booking.Bench -- "$@"; }

bench rush --compare --json "$out/rush.json" --chart "$out/rush.svg"
bench rush --compare --employees 20000 --slots 1000 --json "$out/rush-20k.json" --chart "$out/rush-20k.svg"
bench hot --compare --json "$out/hot.json" --chart "$out/hot.svg"
bench hot --compare --employees 20000 --json "$out/hot-20k.json" --chart "$out/hot-20k.svg"
bench mentor --compare --json "$out/mentor.json" --chart "$out/mentor.svg"
bench spread --compare --json "$out/spread.json" --chart "$out/spread.svg"
bench chart "$out/rush.json" "$out/rush-20k.json" "$out/hot.json" "$out/hot-20k.json" "$out/mentor.json" "$out/spread.json" --out "$out/morning-rush.svg"
