# Booking API image for docker-compose.yml. The application is published self-contained on the host first
# (it carries its own .NET runtime), so the image needs only a plain Debian base:
#
#   dotnet publish Booking.Web -c Release -r linux-x64 --self-contained -o artifacts/publish
#   docker compose up --build
#
# Not buildable on the project's build machines (no Docker engine).
FROM debian:12-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates libicu72 tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 booking
WORKDIR /app
COPY artifacts/publish/ ./
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER booking
ENTRYPOINT ["./Booking.Web"]
