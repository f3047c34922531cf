#!/usr/bin/env bash
# Installs a published commune node (provisioning/publish.sh) on a Debian-family system (Raspberry Pi OS 64-bit,
# Debian, Ubuntu) and enables its service. Run as root: install.sh PUBLISH_DIR
# Re-running it upgrades in place: the previous build is kept as /opt/onestop/edge.previous, the data is never touched.
set -euo pipefail

fail() { echo "install.sh: $*" >&2; exit 1; }

[ $# -eq 1 ] || fail "usage: install.sh PUBLISH_DIR (the output of provisioning/publish.sh)"
publish=$(cd "$1" 2>/dev/null && pwd) || fail "no such folder: $1"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
unit_source="$here/onestop-edge.service"
[ "$(id -u)" -eq 0 ] || fail "run as root (sudo bash install.sh $1)"
[ -x "$publish/OneStop.Edge" ] || fail "$publish holds no OneStop.Edge executable: publish it first (provisioning/publish.sh)"
[ -f "$unit_source" ] || fail "onestop-edge.service is missing beside install.sh"

# Refuse a build for another processor: a Pi needs linux-arm64, a mini-PC linux-x64.
want=$(uname -m)
case "$(od -An -t x1 -j 18 -N 2 "$publish/OneStop.Edge" | tr -d ' \n')" in
  3e00) have=x86_64 ;;
  b700) have=aarch64 ;;
  *) have=unknown ;;
esac
[ "$have" = "$want" ] || fail "the build is for $have but this machine is $want: publish for linux-$([ "$want" = aarch64 ] && echo arm64 || echo x64)"

# The service user: no shell, no home of its own beyond the state directory.
if ! id -u onestop >/dev/null 2>&1; then
  useradd --system --user-group --home-dir /var/lib/onestop --no-create-home --shell /usr/sbin/nologin onestop
fi
# Peripherals: serial ports (dialout), GPIO and I2C on a Pi (gpio, i2c), the QR scanner (input). Only groups that exist.
for group in dialout gpio i2c input; do
  if getent group "$group" >/dev/null; then usermod -a -G "$group" onestop; fi
done

# The program: copied beside the live one, then swapped in, so a failed copy leaves the old build running.
install -d -m 0755 /opt/onestop
rm -rf /opt/onestop/edge.new
cp -a "$publish" /opt/onestop/edge.new
chown -R root:root /opt/onestop/edge.new
chmod -R u=rwX,go=rX /opt/onestop/edge.new
chmod 0755 /opt/onestop/edge.new/OneStop.Edge
if [ -d /opt/onestop/edge ]; then
  rm -rf /opt/onestop/edge.previous
  mv /opt/onestop/edge /opt/onestop/edge.previous
fi
mv /opt/onestop/edge.new /opt/onestop/edge

# Data: owner-only (residents' data and the node's keys). systemd's StateDirectory= makes it too; made here so a
# backup can be restored into it before the first start.
install -d -m 0755 /var/lib/onestop
install -d -m 0700 -o onestop -g onestop /var/lib/onestop/edge

# Settings the admin edits; kept across upgrades.
install -d -m 0750 -g onestop /etc/onestop
if [ ! -f /etc/onestop/edge.env ]; then
  install -m 0640 -g onestop /dev/null /etc/onestop/edge.env
  cat > /etc/onestop/edge.env <<'ENV'
# Settings of this node (docs/node-settings.md). Most are set on the desk's first-run setup page instead.
# Edge__NodeId=node-sapa-01
# Edge__CommuneCode=03006
# Urls=http://0.0.0.0:5080
ENV
fi

install -d -m 0755 /etc/systemd/system /etc/systemd/system/multi-user.target.wants
install -m 0644 "$unit_source" /etc/systemd/system/onestop-edge.service
# What `systemctl enable` does, done by hand so it also works in a chroot or an image being prepared.
ln -sf /etc/systemd/system/onestop-edge.service /etc/systemd/system/multi-user.target.wants/onestop-edge.service

if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl restart onestop-edge
  echo "OneStop node installed and started: systemctl status onestop-edge; journalctl -u onestop-edge"
else
  echo "OneStop node installed; systemd is not running here, so it starts at the next boot."
fi
