#!/usr/bin/env bash
# Smoke test of the SSH deployment described in README.md ("Deploying for SSH users"):
# starts a throwaway sshd on 127.0.0.1 with a generated host key and user key and a
# ForceCommand that runs indsats on a centrally placed catalogue, logs in with `ssh -tt`
# inside a tmux pseudo-terminal, types a query, checks the screen, quits and stops the
# server. Installs openssh-server and tmux when missing (Debian/Ubuntu, as root).
#
# Usage: scripts/ssh-smoke.sh [path/to/indsats]   (default: builds target/debug/indsats)
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)

log() { printf 'ssh-smoke: %s\n' "$*"; }
fail() { printf 'ssh-smoke: FAIL: %s\n' "$*" >&2; exit 1; }

need_packages=()
command -v sshd >/dev/null 2>&1 || [ -x /usr/sbin/sshd ] || need_packages+=(openssh-server)
command -v ssh >/dev/null 2>&1 || need_packages+=(openssh-client)
command -v tmux >/dev/null 2>&1 || need_packages+=(tmux)
if [ ${#need_packages[@]} -gt 0 ]; then
    log "installing ${need_packages[*]}"
    if [ "$(id -u)" -ne 0 ]; then fail "need root to install ${need_packages[*]}"; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "${need_packages[@]}" >/dev/null 2>&1 \
        || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends "${need_packages[@]}" >/dev/null; }
fi
SSHD=$(command -v sshd || echo /usr/sbin/sshd)

binary=${1:-}
if [ -z "$binary" ]; then
    cargo build --locked --quiet
    binary="${CARGO_TARGET_DIR:-$repo/target}/debug/indsats"
fi
binary=$(readlink -f "$binary")
[ -x "$binary" ] || fail "no binary at $binary"

work=$(mktemp -d /tmp/indsats-ssh-smoke.XXXXXX)
chmod 755 "$work"
session="indsats-smoke-$$"
cleanup() {
    tmux kill-session -t "$session" >/dev/null 2>&1 || true
    if [ -f "$work/sshd.pid" ]; then kill "$(cat "$work/sshd.pid")" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

user=$(id -un)
port=$(( 20000 + RANDOM % 20000 ))

# The catalogue placed centrally, as in the README's setup.
mkdir -p "$work/srv"
cp "$repo/catalogue/initiatives.json" "$work/srv/catalogue.json"
chmod 644 "$work/srv/catalogue.json"

ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/user_key"
cp "$work/user_key.pub" "$work/authorized_keys"
chmod 600 "$work/authorized_keys"
[ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd && chmod 755 /run/sshd

cat > "$work/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $work/host_key
PidFile $work/sshd.pid
AuthorizedKeysFile $work/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
PrintMotd no
PrintLastLog no
AcceptEnv LANG LC_*
# The deployment: staff get the app directly, on the central catalogue.
Match User $user
    ForceCommand $binary
    SetEnv INDSATS_CATALOGUE=$work/srv/catalogue.json
    PermitTTY yes
    AllowTcpForwarding no
    X11Forwarding no
CONF

"$SSHD" -t -f "$work/sshd_config" || fail "sshd rejects the configuration"
"$SSHD" -f "$work/sshd_config" -E "$work/sshd.log"
for _ in $(seq 50); do [ -s "$work/sshd.pid" ] && break; sleep 0.1; done
[ -s "$work/sshd.pid" ] || { cat "$work/sshd.log" >&2; fail "sshd did not start"; }
log "sshd on 127.0.0.1:$port, forced command $binary"

ssh_cmd="ssh -tt -i $work/user_key -p $port -o BatchMode=yes -o StrictHostKeyChecking=no \
-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR $user@127.0.0.1; echo ssh-exit=\$?; sleep 30"
tmux new-session -d -s "$session" -x 120 -y 50 "$ssh_cmd"

screen() { tmux capture-pane -p -t "$session"; }
wait_for() {
    for _ in $(seq 100); do
        if screen | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
    done
    screen >&2
    cat "$work/sshd.log" >&2 || true
    fail "timed out waiting for '$1'"
}

total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["initiatives"]))' "$repo/catalogue/initiatives.json" 2>/dev/null || echo 46)
wait_for "$total af $total"
log "logged in: the app shows the central catalogue"
tmux send-keys -t "$session" "fgu skolen"
wait_for "Søg › fgu skolen"
wait_for "FGU Skolen"
tmux send-keys -t "$session" Enter
wait_for "Næste skridt"
log "query typed, details open"
# Letters are never commands (a q types); Ctrl-C quits.
tmux send-keys -t "$session" Escape
tmux send-keys -t "$session" q
wait_for "Søg › fgu skolenq"
tmux send-keys -t "$session" C-c
wait_for "ssh-exit=0"
log "quit cleanly through ssh (exit 0)"
log "ok"
