#!/usr/bin/env bash
# Publishes Booking.Web and Booking.Silo self-contained for linux-x64 into artifacts/publish/{web,silo}, which the
# Dockerfile's `web` and `silo` targets copy. Then: docker compose up --build
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet publish Booking.Web -c Release -r linux-x64 --self-contained -o artifacts/publish/web
dotnet publish Booking.Silo -c Release -r linux-x64 --self-contained -o artifacts/publish/silo
