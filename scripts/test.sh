#!/usr/bin/env bash
# Runs every test of the MOCI hub on a Debian machine that has the .NET SDK.
# Installs what the tests need (Mosquitto and its clients for the broker system tests, VictoriaMetrics for the
# InfluxDB store's writes, Chromium for the page tests,
# qemu-user for the station's arm64 build, shellcheck and systemd-analyze for its install files),
# builds the solution, runs each test project and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
command -v mosquitto_pub >/dev/null 2>&1 || need+=(mosquitto-clients)
# The InfluxDB store's writes are checked against VictoriaMetrics, which takes InfluxDB 2.x line protocol.
[ -x /usr/bin/victoria-metrics ] || need+=(victoria-metrics)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# The station's linux-arm64 build runs under qemu-user in a system test, with Debian's arm64 C and C++ libraries.
command -v qemu-aarch64 >/dev/null 2>&1 || need+=(qemu-user)
[ -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ] || need+=(libc6-arm64-cross)
[ -e /usr/aarch64-linux-gnu/lib/libstdc++.so.6 ] || need+=(libstdc++6-arm64-cross)
# The station's install and publish scripts are linted, and its systemd unit verified, as systemd reads it.
command -v shellcheck >/dev/null 2>&1 || need+=(shellcheck)
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
fc-list 2>/dev/null | grep -q "DejaVu Sans" || [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "Could not install ${need[*]}; the tests that need them will fail." >&2; }
fi

echo "Building ..."
if ! dotnet build MOCI.sln -nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

passed=0; failed=0; skipped=0; status=0
for project in tests/*/*.Tests.csproj; do
  echo "== $(basename "$project" .csproj)"
  output=$(dotnet test "$project" --no-build -nologo 2>&1)
  code=$?
  echo "$output" | grep -E "^\s*(Failed|Skipped) |^\s+(Expected|But was)|Passed!|Failed!|error" | head -200
  # A failure's message (Playwright's, for one, is not an Expected/But was pair) and where it was thrown.
  echo "$output" | grep -A6 "Error Message:" | grep -vE "^\s*$" | head -60
  summary=$(echo "$output" | grep -E "(Passed|Failed)! +- " | tail -1)
  if [ -n "$summary" ]; then
    p=$(echo "$summary" | sed -E 's/.*Passed: *([0-9]+).*/\1/')
    f=$(echo "$summary" | sed -E 's/.*Failed: *([0-9]+),.*/\1/')
    s=$(echo "$summary" | sed -E 's/.*Skipped: *([0-9]+).*/\1/')
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  elif [ $code -ne 0 ]; then
    echo "$output" | tail -40
    failed=$((failed + 1))
  fi
  [ $code -eq 0 ] || status=1
done

echo "$passed passed, $failed failed, $skipped skipped"
exit $status
