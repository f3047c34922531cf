#!/usr/bin/env bash
# Publishes the commune node self-contained (no .NET needed on the box) for a processor:
#   provisioning/publish.sh linux-arm64 [OUT]   # Raspberry Pi 4/5 on 64-bit Raspberry Pi OS
#   provisioning/publish.sh linux-x64 [OUT]     # a mini-PC
# Then copy OUT and provisioning/ to the box and run: sudo bash provisioning/install.sh OUT
set -euo pipefail
rid=${1:?usage: publish.sh linux-arm64|linux-x64 [OUT]}
case "$rid" in linux-arm64|linux-x64) ;; *) echo "publish.sh: $rid is not linux-arm64 or linux-x64" >&2; exit 1 ;; esac
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${2:-$root/artifacts/publish/edge-$rid}
dotnet publish "$root/edge-node/OneStop.Edge/OneStop.Edge.csproj" -c Release -r "$rid" --self-contained true \
  -p:PublishSingleFile=false -p:DebugType=none -o "$out" -nologo -v quiet
echo "$out"
