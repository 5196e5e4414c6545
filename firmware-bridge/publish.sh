#!/usr/bin/env bash
# Builds what goes onto a station: moci-bridge self-contained for the Pi (no .NET needed there), with the
# install script, the systemd unit and the configuration template beside it, in one folder and one .tar.gz.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: firmware-bridge/publish.sh [--rid RID] [--out DIR] [--no-tar]

Publishes moci-bridge self-contained for a Raspberry Pi and packs it with install.sh.

  --rid RID   .NET runtime identifier: linux-arm64 (default; Raspberry Pi OS 64-bit on a Pi 3, 4, 5 or
              Zero 2), or linux-x64 to try the package on a PC.
  --out DIR   Folder to fill (emptied first). Default: firmware-bridge/dist/moci-bridge-RID
  --no-tar    Do not write DIR.tar.gz beside the folder.
  -h, --help  This text.

Then copy DIR.tar.gz to the Pi and run, there:
  tar xzf moci-bridge-linux-arm64.tar.gz && sudo moci-bridge-linux-arm64/install.sh
EOF
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rid="linux-arm64"
out=""
tar=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rid) [ $# -ge 2 ] || { echo "publish.sh: --rid needs a value, e.g. --rid linux-arm64" >&2; exit 2; }; rid="$2"; shift 2 ;;
    --out) [ $# -ge 2 ] || { echo "publish.sh: --out needs a folder" >&2; exit 2; }; out="$2"; shift 2 ;;
    --no-tar) tar=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "publish.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

case "$rid" in
  linux-arm64|linux-x64|linux-arm) ;;
  *) echo "publish.sh: --rid $rid is not a Linux runtime moci-bridge is built for; use linux-arm64 (a Pi with 64-bit Raspberry Pi OS) or linux-x64" >&2; exit 2 ;;
esac
[ -n "$out" ] || out="$here/dist/moci-bridge-$rid"
case "$out" in
  /|"$HOME"|"$here"|"$here/.."|.) echo "publish.sh: refusing to empty $out; give a folder of its own" >&2; exit 2 ;;
esac
command -v dotnet >/dev/null 2>&1 || { echo "publish.sh: dotnet not found; install the .NET 10 SDK" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

echo "Publishing moci-bridge for $rid into $out ..."
dotnet publish "$here/Moci.Bridge/Moci.Bridge.csproj" -c Release -r "$rid" --self-contained -o "$out" -nologo -v quiet -clp:ErrorsOnly

cp "$here/install.sh" "$out/install.sh"
cp "$here/systemd/moci-bridge.service" "$here/systemd/moci-bridge.sysusers" "$out/"
chmod 755 "$out/install.sh" "$out/moci-bridge"

if [ "$tar" -eq 1 ]; then
  tar -C "$(dirname "$out")" -czf "$out.tar.gz" "$(basename "$out")"
  echo "Wrote $out.tar.gz ($(du -h "$out.tar.gz" | cut -f1))"
fi
echo "Wrote $out ($(du -sh "$out" | cut -f1)). On the Pi: sudo ./install.sh --help"
