#!/usr/bin/env bash
# The project's single test command: runs every test in Booking.sln against a
# real PostgreSQL (and the browser tests against Debian's Chromium, installed
# with apt-get when missing, as PostgreSQL is).
#
#   bash scripts/test.sh                      # all tests
#   bash scripts/test.sh --filter "FullyQualifiedName~Booking.Tests.Storage"
#
# If BOOKING_TEST_POSTGRES is set (an admin connection string in Npgsql keyword
# format, e.g. "Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres"),
# that server is used and nothing is started. Otherwise a throwaway PostgreSQL
# is created in a temp dir, listening on 127.0.0.1 only, and removed on exit.
# Extra arguments are passed to `dotnet test`; the exit code is dotnet test's.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

log() { printf 'test.sh: %s\n' "$*" >&2; }

pg_tmp=""
pg_bin=""
pg_data=""

# Runs a PostgreSQL command as the user that owns the cluster. The server
# refuses to run as root, so root hands it to the `postgres` user; anyone else
# owns their own throwaway cluster. The cwd is the temp dir so the postgres
# user never has to read the caller's cwd.
as_pg() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$pg_tmp" && runuser -u postgres -- "$@")
    else
        (cd "$pg_tmp" && "$@")
    fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$pg_data" && -f "$pg_data/postmaster.pid" ]]; then
        log "stopping the throwaway PostgreSQL"
        if ! as_pg "$pg_bin/pg_ctl" stop -D "$pg_data" -m fast -w -t 30 >/dev/null 2>&1; then
            as_pg "$pg_bin/pg_ctl" stop -D "$pg_data" -m immediate -w -t 30 >/dev/null 2>&1 || true
        fi
        # Last resort if pg_ctl could not stop it: the postmaster's pid is the
        # first line of postmaster.pid.
        if [[ -f "$pg_data/postmaster.pid" ]]; then
            local pid
            pid="$(head -n 1 "$pg_data/postmaster.pid" 2>/dev/null || true)"
            if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
                kill -QUIT "$pid" 2>/dev/null || true
                sleep 1
            fi
        fi
    fi
    if [[ -n "$pg_tmp" && -d "$pg_tmp" ]]; then
        rm -rf -- "$pg_tmp"
    fi
    exit "$rc"
}

find_pg_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$dir" && -x "$dir/initdb" ]]; then
        printf '%s\n' "$dir"
    fi
}

install_postgres() {
    log "PostgreSQL server binaries not found: installing the Debian 'postgresql' package"
    local sudo=()
    if [[ $EUID -ne 0 ]]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
}

# The browser tests drive Debian's Chromium (Playwright never downloads a browser of its own here).
chromium_path="/usr/lib/chromium/chromium"

install_chromium() {
    log "Chromium not found at $chromium_path: installing the Debian 'chromium' package"
    local sudo=()
    if [[ $EUID -ne 0 ]]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
}

port_is_free() {
    # A connect that fails means nothing listens there.
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return
    fi
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if port_is_free "$port"; then
            printf '%s\n' "$port"
            return
        fi
    done
    log "no free port found on 127.0.0.1"
    return 1
}

start_postgres() {
    pg_bin="$(find_pg_bin)"
    if [[ -z "$pg_bin" ]]; then
        install_postgres
        pg_bin="$(find_pg_bin)"
        if [[ -z "$pg_bin" ]]; then
            log "initdb still missing under /usr/lib/postgresql/*/bin after installing postgresql"
            exit 1
        fi
    fi
    if [[ $EUID -eq 0 ]] && ! id -u postgres >/dev/null 2>&1; then
        log "creating the 'postgres' system user (the server refuses to run as root)"
        useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
    fi

    # Under /tmp rather than $TMPDIR: the postgres user must be able to reach
    # it, and the unix socket path must stay short.
    pg_tmp="$(mktemp -d /tmp/booking-test-pg.XXXXXX)"
    pg_data="$pg_tmp/data"
    if [[ $EUID -eq 0 ]]; then
        chown postgres: "$pg_tmp"
    fi

    local password
    password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    printf '%s\n' "$password" >"$pg_tmp/pwfile"
    if [[ $EUID -eq 0 ]]; then
        chown postgres: "$pg_tmp/pwfile"
    fi
    chmod 600 "$pg_tmp/pwfile"

    # --no-sync only skips flushing initdb's own files: the cluster is thrown
    # away if the machine dies during the run. The server itself keeps fsync on.
    as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --pwfile="$pg_tmp/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync \
        >"$pg_tmp/initdb.log" 2>&1 || {
        cat "$pg_tmp/initdb.log" >&2
        log "initdb failed"
        exit 1
    }
    rm -f "$pg_tmp/pwfile"

    local attempt port=""
    for attempt in 1 2 3 4 5; do
        port="$(pick_port)"
        {
            printf '\n# booking test settings (scripts/test.sh)\n'
            printf "listen_addresses = '127.0.0.1'\n"
            printf 'port = %s\n' "$port"
            printf "unix_socket_directories = '%s'\n" "$pg_tmp"
            printf 'max_connections = 300\n'
            printf 'shared_buffers = 256MB\n'
            printf 'fsync = on\n'
        } >>"$pg_data/postgresql.conf"
        # Later lines win, so a retry simply appends a new port.
        if as_pg "$pg_bin/pg_ctl" start -D "$pg_data" -l "$pg_tmp/postgres.log" -w -t 60 >/dev/null; then
            break
        fi
        log "PostgreSQL did not start on port $port (attempt $attempt):"
        tail -n 20 "$pg_tmp/postgres.log" >&2 || true
        port=""
    done
    if [[ -z "$port" ]]; then
        log "could not start PostgreSQL"
        exit 1
    fi

    local i
    for i in $(seq 1 60); do
        if "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 1; then
            break
        fi
        if [[ $i -eq 60 ]]; then
            log "PostgreSQL on 127.0.0.1:$port did not become ready"
            tail -n 20 "$pg_tmp/postgres.log" >&2 || true
            exit 1
        fi
        sleep 0.5
    done

    log "throwaway PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $pg_data)"
    export BOOKING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
}

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ ! -x "$chromium_path" ]]; then
    install_chromium
    if [[ ! -x "$chromium_path" ]]; then
        log "$chromium_path still missing after installing chromium"
        exit 1
    fi
fi

if [[ -n "${BOOKING_TEST_POSTGRES:-}" ]]; then
    log "using the PostgreSQL in BOOKING_TEST_POSTGRES; starting none"
else
    start_postgres
fi

set +e
dotnet test Booking.sln -c Release --logger "console;verbosity=normal" "$@"
rc=$?
set -e
exit "$rc"
