#!/usr/bin/env bash
# Makes a Docker engine answer on /var/run/docker.sock and builds the local busybox
# image the tests and the demo use (no registry is reachable, so nothing is pulled).
set -euo pipefail

IMAGE=${DOCKPIT_TEST_IMAGE:-dockpit-test/busybox:latest}
# This script provisions the local engine, whatever DOCKER_HOST the caller has set.
export DOCKER_HOST=unix:///var/run/docker.sock

need_pkgs=()
command -v dockerd >/dev/null 2>&1 || need_pkgs+=(docker.io)
dpkg -s busybox-static >/dev/null 2>&1 || need_pkgs+=(busybox-static)
command -v tmux >/dev/null 2>&1 || need_pkgs+=(tmux)
# Remote-engine tests: a socat bridge for tcp://, and a loopback OpenSSH server for ssh:// (it runs
# the docker CLI that docker.io installs, for `docker system dial-stdio`).
command -v socat >/dev/null 2>&1 || need_pkgs+=(socat)
[ -x /usr/sbin/sshd ] || need_pkgs+=(openssh-server)
# Swarm e2e (test/helpers/swarm.ts): each private daemon gets a bridge of its own, made with `ip`.
command -v ip >/dev/null 2>&1 || need_pkgs+=(iproute2)
# node-pty ships no Linux prebuilds: `npm ci` compiles it with node-gyp.
for tool in make g++ python3; do command -v "$tool" >/dev/null 2>&1 || need_pkgs+=("$tool"); done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "provision: installing ${need_pkgs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

# The docker CLI comes with docker.io; curl may not be on a fresh machine.
engine_up() { timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if ! engine_up; then
  echo "provision: starting dockerd"
  nohup dockerd >/var/log/dockpit-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do engine_up && break; sleep 0.5; done
fi
engine_up || { echo "provision: dockerd did not answer; see /var/log/dockpit-dockerd.log" >&2; exit 1; }
echo "provision: engine $(docker version --format '{{.Server.Version}}') is up"

if ! docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "provision: building $IMAGE from busybox-static"
  ctx=$(mktemp -d)
  cp /bin/busybox "$ctx/busybox"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
CMD ["sh"]
DOCKERFILE
  DOCKER_BUILDKIT=0 docker build -q -t "$IMAGE" "$ctx" >/dev/null
  rm -rf "$ctx"
fi
echo "provision: image $IMAGE ready"
