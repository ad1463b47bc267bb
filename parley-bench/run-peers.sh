#!/usr/bin/env bash
# Side-by-side benchmark of XMPP servers on this machine, one server at a time (issue 3).
#
#   parley-bench/run-peers.sh               run every scenario against every server in $SERVERS
#   parley-bench/run-peers.sh start NAME    start one server (prosody | ejabberd | parley) and leave it running
#   parley-bench/run-peers.sh stop NAME     stop it
#   parley-bench/run-peers.sh restart NAME  used by the generator between sign-in runs (SIGNIN_RESTART=1)
#   parley-bench/run-peers.sh provision     only create the accounts $SCENARIOS need on every server in $SERVERS
#
# Everything is a parameter through the environment; defaults below. Servers listen on
# 127.0.0.1 only, with their own config and data under $WORK, TLS required, the same certificate
# type and SCRAM iteration count, no archive, carbons or rate limits. The server is pinned to CPU
# $SERVER_CPU and the generator to CPU $GEN_CPU; each scenario does $WARMUP warm-up run(s), then
# $RUNS measured runs whose medians the generator reports. Results: $OUT/<server>-<scenario>.json
# and, per scenario, a comparison table in $OUT/compare-<scenario>.txt.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
SERVERS="${SERVERS:-prosody ejabberd parley}"
SCENARIOS="${SCENARIOS:-signin chat presence knee}"
WORK="${WORK:-/tmp/parley-peers}"
OUT="${OUT:-$WORK/results}"
DOMAIN="${DOMAIN:-localhost}"
PORT="${PORT:-15222}"                             # not 5222: other things on this box may use it
DIRECT_PORT="${DIRECT_PORT:-15223}"
TLS="${TLS:-starttls}"
CERT_TYPE="${CERT_TYPE:-ec}"                      # ec (P-256, like Parley) | rsa (2048, the issue's figures)
SCRAM_ITERATIONS="${SCRAM_ITERATIONS:-4096}"      # Parley's default
MECHANISM="${MECHANISM:-SCRAM-SHA-1}"
PASSWORD="${PASSWORD:-secret}"
USERS="${USERS:-bench%d}"
SERVER_CPU="${SERVER_CPU:-0}"
GEN_CPU="${GEN_CPU:-1}"
WARMUP="${WARMUP:-1}"
RUNS="${RUNS:-3}"
NOFILE="${NOFILE:-20000}"
SIGNIN_COUNT="${SIGNIN_COUNT:-1000}"; SIGNIN_RATE="${SIGNIN_RATE:-100}"
# Sessions signed in and closed before the baseline of each sign-in run (code loading, caches, JIT).
SIGNIN_PRIME="${SIGNIN_PRIME:-1000}"   # every server: sign-ins before the measured ones (JITs warm)
# 1: a fresh server before every sign-in run (warm-up included), as results/2026-11-29-s3 ran. 0: one
# fresh server for the scenario, warmed by the warm-up run, like a server that was up before 9 a.m.
SIGNIN_RESTART="${SIGNIN_RESTART:-0}"
CHAT_COUNT="${CHAT_COUNT:-200}"; CHAT_RATE="${CHAT_RATE:-1000}"; CHAT_DURATION="${CHAT_DURATION:-20}"
PRESENCE_COUNT="${PRESENCE_COUNT:-200}"; PRESENCE_CONTACTS="${PRESENCE_CONTACTS:-10}"
PRESENCE_RATE="${PRESENCE_RATE:-50}"; PRESENCE_DURATION="${PRESENCE_DURATION:-20}"
KNEE_COUNT="${KNEE_COUNT:-200}"; KNEE_START="${KNEE_START:-50}"; KNEE_FACTOR="${KNEE_FACTOR:-1.5}"
KNEE_STEP="${KNEE_STEP:-10}"; KNEE_MAX_STEPS="${KNEE_MAX_STEPS:-14}"
# room (issue 4): ROOM_COUNT occupants of one room, ROOM_SENDERS of them sending ROOM_RATE msg/s in all.
ROOM_COUNT="${ROOM_COUNT:-1000}"; ROOM_SENDERS="${ROOM_SENDERS:-5}"; ROOM_RATE="${ROOM_RATE:-100}"
ROOM_DURATION="${ROOM_DURATION:-20}"
# Sign-ins at the sign-in scenario's rate (a 1-core Prosody misses connects at 200/s on a busy box);
# joins at ROOM_JOIN_RATE, and up to ROOM_JOIN_TIMEOUT s for all to be seated (every join costs the
# server O(occupants) presences, so seating 1,000 is ~10^6 stanzas: minutes for a slow server).
ROOM_SIGNIN_RATE="${ROOM_SIGNIN_RATE:-100}"; ROOM_JOIN_RATE="${ROOM_JOIN_RATE:-100}"; ROOM_JOIN_TIMEOUT="${ROOM_JOIN_TIMEOUT:-300}"
ROOM_DRAIN="${ROOM_DRAIN:-10}"   # seconds after the last send for deliveries still on their way; later ones count as lost
# richpresence (issue 5, Parley only: the peers have no presence web service): RICH_COUNT users with
# RICH_CONTACTS mutual contacts each, phone states pushed over REST at RICH_RATE changes/s.
RICH_COUNT="${RICH_COUNT:-10000}"; RICH_CONTACTS="${RICH_CONTACTS:-50}"; RICH_RATE="${RICH_RATE:-2000}"
RICH_DURATION="${RICH_DURATION:-20}"
# 10,000 TLS + SCRAM sign-ins at 200/s timed out by the thousand on the shared box; 100/s signs them all in.
RICH_SIGNIN_RATE="${RICH_SIGNIN_RATE:-100}"
# PARLEY_PROVISION=api creates Parley's accounts through its admin REST API, 4 at a time, instead of
# in-band: 10,000 in-band registrations overran the server's bounded blocking pool on a busy box.
PARLEY_PROVISION="${PARLEY_PROVISION:-inband}"
# PRESENCE_RUNS / KNEE_RUNS / ROOM_RUNS / RICH_RUNS override RUNS for those scenarios (the knee is the longest).
# hold: one run signing in HOLD_COUNT sessions (scenario "hold", not in the default list): 19,000 for issue 3.
HOLD_COUNT="${HOLD_COUNT:-19000}"; HOLD_RATE="${HOLD_RATE:-200}"; HOLD_SECONDS="${HOLD_SECONDS:-30}"
# Parley hook: how to start it (pinned and in the background, PID in $WORK/parley/pid). Accounts are
# created by in-band registration from loopback, as for the peers (registration.inBand=true here
# only, like Prosody's allow_registration); offline storage is off like the peers'; carbons only act
# for clients that enable them, which the generator never does; no archive module exists.
# PARLEY_EXTRA: more settings after PARLEY_START, e.g. "--set c2s.transport=io_uring".
PARLEY_HOME="${PARLEY_HOME:-$HERE/..}"
# JVM flags, chosen for one pinned core (see README "Parley's JVM flags"): Serial GC (a 1-core
# process gains nothing from parallel or concurrent collectors, and G1's regions and remembered
# sets cost memory per live object); a heap cap that fits 19,000 sessions with headroom; small
# thread stacks; a 24 MB young generation (a third of the young collections an 8 MB one needed
# during sign-ins, and what a sign-in leaves behind dies there instead of being promoted; start-up
# RSS, not per-session); a 160 MB initial heap (no full collections to grow the old generation during
# the first thousands of sessions; untouched pages are not resident); no pre-touch, so RSS shows
# what the sessions really use; both compilers with their thresholds at a tenth
# (CompileThresholdScaling=0.1): the compiling happens in the warm-up run, and the measured runs get
# C2's code. Session 3 ran C1 only (TieredStopAtLevel=1), when every sign-in run began on a fresh
# process; with one warmed process per scenario, C1+C2 measured 1.46 against 2.30 ms per sign-in and
# 96.5 against 107.5 us per message (medians of three, back to back on a quiet box). C2 without
# uncommon traps (PerMethodTrapLimit=0): code compiled on a short profile pruned branches that the
# next phase took (sign-ins, then presence), and every such branch threw the method back to the
# interpreter and into the compile queue again; presence at 500 deliveries/s cost 150-430 us per
# delivery with the compiler busy in every run, and 56-69 us without the traps (README).
PARLEY_JAVA_OPTS="${PARLEY_JAVA_OPTS:--XX:+UseSerialGC -Xms160m -Xmn24m -Xmx768m -Xss512k -XX:MaxDirectMemorySize=256m -XX:-AlwaysPreTouch -XX:MetaspaceSize=64m -XX:CompileThresholdScaling=0.1 -XX:PerMethodTrapLimit=0}"
PARLEY_EXTRA="${PARLEY_EXTRA:-}"
PARLEY_START="${PARLEY_START:-$PARLEY_HOME/bin/parley serve --set c2s.bind=127.0.0.1 --set c2s.port=$PORT --set c2s.directTlsPort=$DIRECT_PORT --set http.bind=127.0.0.1 --set http.port=${PARLEY_HTTP_PORT:-19090} --set domain=$DOMAIN --set dataDir=$WORK/parley/data --set auth.scramIterations=$SCRAM_ITERATIONS --set tls.certificate=$WORK/cert.pem --set tls.key=$WORK/key.pem --set registration.inBand=true --set offline.enabled=false}"

log() { echo "[run-peers] $*" >&2; }

ensure_packages() {
  local missing=()
  command -v prosody >/dev/null || missing+=(prosody)
  command -v ejabberdctl >/dev/null || missing+=(ejabberd)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

make_cert() {
  [ -s "$WORK/cert.pem" ] && [ "$(cat "$WORK/cert.type" 2>/dev/null)" = "$CERT_TYPE" ] && return
  mkdir -p "$WORK"
  case "$CERT_TYPE" in
    ec) key_opts=(-newkey ec -pkeyopt ec_paramgen_curve:P-256) ;;
    rsa) key_opts=(-newkey rsa:2048) ;;
    *) echo "CERT_TYPE must be ec or rsa" >&2; exit 2 ;;
  esac
  openssl req -x509 "${key_opts[@]}" -nodes -days 30 -subj "/CN=$DOMAIN" \
    -addext "subjectAltName=DNS:$DOMAIN" -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
  echo "$CERT_TYPE" > "$WORK/cert.type"
  chmod 644 "$WORK/cert.pem" "$WORK/key.pem"
}

wait_port() {
  for _ in $(seq 1 120); do
    port_busy && return 0
    sleep 0.5
  done
  log "nothing listens on 127.0.0.1:$PORT"; return 1
}

# ---- Prosody -------------------------------------------------------------------------------
prosody_config() {
  local d="$WORK/prosody"
  mkdir -p "$d/data" "$d/certs"
  cp "$WORK/cert.pem" "$d/certs/$DOMAIN.crt"; cp "$WORK/key.pem" "$d/certs/$DOMAIN.key"
  cat > "$d/prosody.cfg.lua" <<CFG
-- Written by run-peers.sh: 127.0.0.1 only, TLS required, no archive/carbons/limits.
pidfile = "$d/prosody.pid"
data_path = "$d/data"
log = { warn = "$d/prosody.log" }
network_backend = "epoll"
-- Prosody's listen backlog is 128 by default (Parley's is the kernel's 4096): 1,000 sign-ins on
-- a busy core overflowed it (connect timeouts, resets) before Prosody did any work on them.
network_settings = { tcp_backlog = 1024 }
interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
c2s_ports = { $PORT }
c2s_direct_tls_ports = { $DIRECT_PORT }
s2s_ports = { }
http_ports = { }
https_ports = { }
c2s_require_encryption = true
authentication = "internal_hashed"
default_iteration_count = $SCRAM_ITERATIONS
storage = "internal"
allow_registration = true
modules_enabled = { "roster", "saslauth", "tls", "disco", "ping", "register", "posix" }
modules_disabled = { "s2s", "offline" }
certificates = "$d/certs"
ssl = { certificate = "$d/certs/$DOMAIN.crt", key = "$d/certs/$DOMAIN.key" }
c2s_direct_tls_ssl = { certificate = "$d/certs/$DOMAIN.crt", key = "$d/certs/$DOMAIN.key" }
VirtualHost "$DOMAIN"
-- Chat rooms for the room scenario: no occupant limit by default, no archive (no muc_mam).
Component "conference.$DOMAIN" "muc"
  restrict_room_creation = false
CFG
  chown -R prosody:prosody "$d"
}

prosody_start() {
  prosody_config
  ( ulimit -n "$NOFILE"; exec taskset -c "$SERVER_CPU" setpriv --reuid=prosody --regid=prosody --init-groups \
      prosody -F --config "$WORK/prosody/prosody.cfg.lua" ) >>"$WORK/prosody/stdout.log" 2>&1 &
  echo $! > "$WORK/prosody/pid"
  wait_port
}

prosody_version() { dpkg-query -W -f='${Version}' prosody | sed 's/-.*//'; }

# ---- ejabberd ------------------------------------------------------------------------------
ejabberd_config() {
  local d="$WORK/ejabberd"
  mkdir -p "$d/spool" "$d/logs"
  cat "$WORK/key.pem" "$WORK/cert.pem" > "$d/server.pem"
  local hash=sha; [ "$MECHANISM" = "SCRAM-SHA-256" ] && hash=sha256
  [ "$SCRAM_ITERATIONS" = 4096 ] || log "ejabberd 23.01 always uses 4096 SCRAM iterations (asked: $SCRAM_ITERATIONS)"
  cat > "$d/ejabberd.yml" <<CFG
# Written by run-peers.sh: 127.0.0.1 only, TLS required, no archive/carbons/shapers; listen
# backlog 1024 like Prosody's here (Parley's is the kernel's).
hosts: ["$DOMAIN"]
loglevel: warning
certfiles: ["$d/server.pem"]
auth_method: internal
auth_password_format: scram
auth_scram_hash: $hash
registration_timeout: infinity
shaper_rules: {}
acl:
  loopback: {ip: ["127.0.0.0/8"]}
access_rules:
  register: {allow: all}          # checked against the new account's JID
  register_from: {allow: loopback} # checked against the client's address
listen:
  - {port: $PORT, ip: "127.0.0.1", module: ejabberd_c2s, starttls_required: true, max_stanza_size: 262144, backlog: 1024}
  - {port: $DIRECT_PORT, ip: "127.0.0.1", module: ejabberd_c2s, tls: true, max_stanza_size: 262144, backlog: 1024}
modules:
  mod_roster: {}
  mod_disco: {}
  mod_ping: {}
  mod_register: {access: register, ip_access: register_from}
  # Chat rooms for the room scenario: the default 200-occupant caps raised to fit 1,000, no archive.
  mod_muc:
    host: "conference.$DOMAIN"
    access_create: all
    max_users: 2000
    max_users_presence: 2000
    default_room_options: {max_users: 2000, mam: false}
CFG
  cat > "$d/ejabberdctl.cfg" <<CFG
ERLANG_NODE=ejabberd-bench@localhost
EJABBERD_PID_PATH=$d/beam.pid
EJABBERD_CONFIG_PATH=$d/ejabberd.yml
LOGS_DIR=$d/logs
SPOOL_DIR=$d/spool
ERL_MAX_PORTS=65536
CFG
  : > "$d/inetrc"
  chown -R ejabberd:ejabberd "$d"
}

ejabberdctl_() { ejabberdctl --config-dir "$WORK/ejabberd" --spool "$WORK/ejabberd/spool" --logs "$WORK/ejabberd/logs" "$@"; }

ejabberd_start() {
  ejabberd_config
  rm -f "$WORK/ejabberd/beam.pid"
  # Started as the ejabberd user already (setpriv), not through ejabberdctl's own "su": su goes
  # through pam_limits, which put the open-file limit back to 1024 ("Failed TCP accept: too many
  # open files" from the 1,000th session on, and mnesia and the VM went down with it).
  ( ulimit -n "$NOFILE"; export HOME=/var/lib/ejabberd; exec taskset -c "$SERVER_CPU" \
      setpriv --reuid=ejabberd --regid=ejabberd --init-groups ejabberdctl --config-dir "$WORK/ejabberd" \
      --spool "$WORK/ejabberd/spool" --logs "$WORK/ejabberd/logs" foreground ) >>"$WORK/ejabberd/stdout.log" 2>&1 &
  echo $! > "$WORK/ejabberd/launcher.pid"
  wait_port
  # The process to measure is the BEAM VM, which writes its own PID.
  for _ in $(seq 1 40); do [ -s "$WORK/ejabberd/beam.pid" ] && break; sleep 0.25; done
  cp "$WORK/ejabberd/beam.pid" "$WORK/ejabberd/pid"
}

ejabberd_version() { dpkg-query -W -f='${Version}' ejabberd | sed 's/-.*//'; }

# ---- Parley --------------------------------------------------------------------------------
parley_start() {
  mkdir -p "$WORK/parley/data"
  # On a loaded machine the embedded database can miss its 3 s connection timeout at start-up
  # (the server then exits): try again rather than lose the whole run.
  for attempt in 1 2 3; do
    rm -f "$WORK/parley/data/admin-token"   # written once the admin API serves: the last step of start-up
    ( ulimit -n "$NOFILE"; export PARLEY_JAVA_OPTS; exec taskset -c "$SERVER_CPU" $PARLEY_START $PARLEY_EXTRA ) >>"$WORK/parley/stdout.log" 2>&1 &
    echo $! > "$WORK/parley/pid"   # bin/parley execs java, so this is the JVM's PID
    for _ in $(seq 1 240); do
      [ -s "$WORK/parley/data/admin-token" ] && port_busy && return 0
      kill -0 "$(cat "$WORK/parley/pid")" 2>/dev/null || break
      sleep 0.25
    done
    log "parley did not start (attempt $attempt)"; stop_server parley
  done
  return 1
}

# Builds Parley when its sources changed (bin/parley does), once, so no build runs pinned or timed.
parley_build() { "$PARLEY_HOME/bin/parley" version >/dev/null; }

parley_version() { git -C "$PARLEY_HOME" describe --always 2>/dev/null || echo dev; }

# ---- common ----------------------------------------------------------------------------------
stop_server() {
  local name=$1 pidfile="$WORK/$1/pid"
  [ -s "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    # Up to 20 s: Parley gives clients 3 s to read their shutdown error, then closes its database.
    for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  if [ "$name" = ejabberd ] && [ -s "$WORK/ejabberd/launcher.pid" ]; then
    kill "$(cat "$WORK/ejabberd/launcher.pid")" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  sleep 0.5
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start_server() {
  make_cert
  for s in prosody ejabberd parley; do stop_server "$s"; done   # one server at a time
  if port_busy; then log "127.0.0.1:$PORT is taken by something this script did not start"; exit 1; fi
  "$1_start"
  log "$1 running, PID $(cat "$WORK/$1/pid")"
}

bench() { taskset -c "$GEN_CPU" "$HERE/bench.sh" "$@"; }

common_args() {
  local name=$1
  echo --host 127.0.0.1 --port "$([ "$TLS" = direct ] && echo "$DIRECT_PORT" || echo "$PORT")" --tls "$TLS" \
    --domain "$DOMAIN" --users "$USERS" --password "$PASSWORD" --mechanism "$MECHANISM" \
    --target-name "$name" --target-version "$("${name}_version")" \
    --server-pid-file "$WORK/$name/pid" --warmup "$WARMUP" --runs "$RUNS"
}

# Parley's live heap after a full GC (admin API); the peers have no such hook.
stats_args() {
  [ "$1" = parley ] && echo --stats-url "http://127.0.0.1:${PARLEY_HTTP_PORT:-19090}/api/v1/stats/memory" \
    --stats-token-file "$WORK/parley/data/admin-token"
  return 0
}

provision() {
  local name=$1 n=$SIGNIN_COUNT
  for c in $CHAT_COUNT $PRESENCE_COUNT $KNEE_COUNT; do [ "$c" -gt "$n" ] && n=$c; done
  case " $SCENARIOS " in *" room "*) [ "$ROOM_COUNT" -gt "$n" ] && n=$ROOM_COUNT ;; esac
  case " $SCENARIOS " in *" richpresence "*) [ "$1" = parley ] && [ "$RICH_COUNT" -gt "$n" ] && n=$RICH_COUNT ;; esac
  case " $SCENARIOS " in *" hold "*) [ "$HOLD_COUNT" -gt "$n" ] && n=$HOLD_COUNT ;; esac
  # In-band registration (XEP-0077) for every server, Parley included: prosodyctl, ejabberdctl and
  # bin/parley user add work too, but one process (a JVM for Parley) per user is slow.
  # 50/s: faster overruns a 1-core Prosody on a busy box (connect timeouts). Accounts that exist
  # count as done, so a pass that left some out is simply repeated.
  if [ "$name" = parley ] && [ "$PARLEY_PROVISION" = api ]; then
    bench provision --method api --api-data-dir "$WORK/parley/data" --port "$PORT" --domain "$DOMAIN" --users "$USERS" \
      --password "$PASSWORD" -n "$n" && return 0
    log "provisioning through the admin API left accounts out"; return 0
  fi
  for attempt in 1 2 3 4; do
    bench provision --method inband --port "$PORT" --domain "$DOMAIN" --users "$USERS" --password "$PASSWORD" -n "$n" \
      --rate "${PROVISION_RATE:-50}" && return 0
    log "provisioning pass $attempt left accounts out; again"
  done
  log "provisioning incomplete: runs will count the missing accounts as failed sign-ins"
}

run_all() {
  ensure_packages
  ulimit -n "$NOFILE"
  [ -d "$HERE/target/lib" ] || (cd "$HERE/.." && mvn -q -B -pl parley-bench -am package -DskipTests)
  mkdir -p "$OUT"
  case " $SERVERS " in *" parley "*) parley_build ;; esac
  for name in $SERVERS; do
    log "=== $name ==="
    start_server "$name"
    provision "$name"
    for sc in $SCENARIOS; do
      start_server "$name"   # each scenario starts from a fresh process
      local args; args=$(common_args "$name")
      echo "$(date -u +%FT%TZ) $name $sc start load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.log"
      # A failed scenario is logged and the run goes on with the next one.
      ( case "$sc" in
        signin) restart=(); [ "$SIGNIN_RESTART" = 1 ] && restart=(--restart-command "$HERE/run-peers.sh restart $name")
                bench signin $args $(stats_args "$name") -n "$SIGNIN_COUNT" --rate "$SIGNIN_RATE" --prime "$SIGNIN_PRIME" \
                  "${restart[@]}" --json "$OUT/$name-signin.json" ;;
        chat) bench chat $args -n "$CHAT_COUNT" --rate "$CHAT_RATE" --duration "$CHAT_DURATION" --json "$OUT/$name-chat.json" ;;
        presence) bench presence $args -n "$PRESENCE_COUNT" -k "$PRESENCE_CONTACTS" --rate "$PRESENCE_RATE" \
                  --duration "$PRESENCE_DURATION" --runs "${PRESENCE_RUNS:-$RUNS}" --json "$OUT/$name-presence.json" ;;
        knee) bench knee $args -n "$KNEE_COUNT" --start-rate "$KNEE_START" --factor "$KNEE_FACTOR" \
                  --step-duration "$KNEE_STEP" --max-steps "$KNEE_MAX_STEPS" --runs "${KNEE_RUNS:-$RUNS}" --json "$OUT/$name-knee.json" ;;
        room) bench room $args -n "$ROOM_COUNT" --senders "$ROOM_SENDERS" --rate "$ROOM_RATE" --duration "$ROOM_DURATION" \
                  --signin-rate "$ROOM_SIGNIN_RATE" --join-rate "$ROOM_JOIN_RATE" --join-timeout "$ROOM_JOIN_TIMEOUT" --drain "$ROOM_DRAIN" \
                  --runs "${ROOM_RUNS:-$RUNS}" --json "$OUT/$name-room.json" ;;
        richpresence) if [ "$name" = parley ]; then
                  bench richpresence $args -n "$RICH_COUNT" -k "$RICH_CONTACTS" --rate "$RICH_RATE" --duration "$RICH_DURATION" \
                    --signin-rate "$RICH_SIGNIN_RATE" \
                    --runs "${RICH_RUNS:-$RUNS}" --api "http://127.0.0.1:${PARLEY_HTTP_PORT:-19090}" \
                    --api-token-file "$WORK/parley/data/admin-token" --json "$OUT/$name-richpresence.json"
                else log "richpresence: $name has no presence web service, skipped"; fi ;;
        hold) bench signin $args $(stats_args "$name") --prime "$SIGNIN_PRIME" -n "$HOLD_COUNT" --rate "$HOLD_RATE" --hold "$HOLD_SECONDS" --warmup 0 --runs 1 \
                  --signin-timeout 120 --json "$OUT/$name-hold.json" ;;
        *) echo "unknown scenario $sc" >&2; exit 2 ;;
      esac ) || log "$name $sc failed"
      echo "$(date -u +%FT%TZ) $name $sc end load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.log"
    done
    stop_server "$name"
  done
  for sc in $SCENARIOS; do
    files=(); for name in $SERVERS; do [ -s "$OUT/$name-$sc.json" ] && files+=("$OUT/$name-$sc.json"); done
    [ ${#files[@]} -ge 2 ] && bench compare "${files[@]}" | tee "$OUT/compare-$sc.txt"
  done
  log "results in $OUT"
}

case "${1:-all}" in
  all) run_all ;;
  start) make_cert; [ "$2" = parley ] && parley_build; start_server "$2" ;;
  stop) stop_server "$2" ;;
  restart) start_server "$2" ;;
  provision) ensure_packages; ulimit -n "$NOFILE"   # the accounts $SCENARIOS need, on every server in $SERVERS
    case " $SERVERS " in *" parley "*) parley_build ;; esac
    for name in $SERVERS; do start_server "$name"; provision "$name"; stop_server "$name"; done ;;
  *) echo "usage: $0 [all | provision | start NAME | stop NAME | restart NAME]" >&2; exit 2 ;;
esac
