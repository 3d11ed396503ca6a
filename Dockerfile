# Images for docker-compose.yml: the API host (target `web`, the default) and the silo (target `silo`). Both applications
# are published self-contained on the host first (each carries its own .NET runtime), so the images need only a plain
# Debian base:
#
#   bash scripts/docker-publish.sh        # dotnet publish of Booking.Web and Booking.Silo into artifacts/publish/
#   docker compose up --build
#
# Not buildable on the project's build machines (no Docker engine); tests check the compose file against the code instead
# (Booking.Tests/Cluster/DockerComposeTests.cs).
FROM debian:12-slim AS base
# curl: the compose file's health checks call /health/ready.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl libicu72 tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 booking
WORKDIR /app
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER booking

# A silo process (Booking.Silo): grains, membership, /health, /health/ready, /metrics on 8080; silo and gateway ports
# from Booking__Cluster__SiloPort and Booking__Cluster__GatewayPort (11111 and 30000 by default).
FROM base AS silo
COPY artifacts/publish/silo/ ./
EXPOSE 11111 30000
# Every replica advertises its own container address to the other silos and to the API hosts, unless one is configured.
ENTRYPOINT ["/bin/sh", "-c", "export Booking__Cluster__AdvertisedAddress=\"${Booking__Cluster__AdvertisedAddress:-$(hostname -i | cut -d ' ' -f 1)}\" && exec ./Booking.Silo"]

# The API host (Booking.Web): co-hosts a silo by default, or with Booking__Cluster__Role=Client reaches the silos' gateways.
FROM base AS web
COPY artifacts/publish/web/ ./
ENTRYPOINT ["./Booking.Web"]
