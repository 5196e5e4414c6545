#!/usr/bin/env bash
# Installs moci-bridge on a Raspberry Pi as a systemd service: the program, its configuration, its own user, the
# unit, and I2C / UART / 1-Wire switched on when the configured sensors need them. Run it again to update.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: sudo ./install.sh [--config FILE] [options]
       sudo ./install.sh --uninstall [--purge]

Installs moci-bridge from this folder (made by firmware-bridge/publish.sh) as a service:
  /opt/moci-bridge/                       the program (replaced on update)
  /usr/local/bin/moci-bridge              runs it with the configuration below (moci-bridge check)
  /etc/moci-bridge/moci-bridge.json       the configuration: --config FILE, else kept if there, else the template
  /etc/systemd/system/moci-bridge.service the service, as user moci (groups i2c, gpio, dialout)
  /usr/lib/sysusers.d/moci-bridge.conf    that user
  /var/lib/moci-bridge/                   the outbox (kept on update and on --uninstall)
and switches on I2C, the UART or 1-Wire in config.txt when the configured sensors use them (a reboot is then
needed). The service is started unless the configuration is still the template.

Options:
  --config FILE  The station's configuration (station id, secret, broker, sensors), e.g. the file the hub's
                 admin gave you. Replaces the installed one; the old one is kept as moci-bridge.json.bak.
  --from DIR     The published folder holding moci-bridge. Default: the folder of this script.
  --root DIR     Install under DIR instead of / (an SD card's root file system, or a test): writes the same
                 files, runs no systemctl and creates no user.
  --no-start     Install and enable, but do not (re)start the service.
  --dry-run      Print what would be done; change nothing.
  --uninstall    Stop and remove the service, the program and the user's sysusers entry. The configuration and
                 the outbox stay unless --purge is given too.
  --purge        With --uninstall: also delete /etc/moci-bridge and /var/lib/moci-bridge (unsent readings too).
  -h, --help     This text.
EOF
}

fail() { echo "install.sh: $*" >&2; exit 1; }
usage_error() { echo "install.sh: $*" >&2; echo "Run ./install.sh --help for the options." >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
given="$*"
from="$here"
config=""
root=""
dry_run=0
start=1
uninstall=0
purge=0
while [ $# -gt 0 ]; do
  case "$1" in
    --config) [ $# -ge 2 ] || usage_error "--config needs a file, e.g. --config rrg-school-01.json"; config="$2"; shift 2 ;;
    --from) [ $# -ge 2 ] || usage_error "--from needs the folder publish.sh made"; from="$2"; shift 2 ;;
    --root) [ $# -ge 2 ] || usage_error "--root needs a folder"; root="$2"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    --no-start) start=0; shift ;;
    --uninstall) uninstall=1; shift ;;
    --purge) purge=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument '$1'" ;;
  esac
done

[ "$purge" -eq 0 ] || [ "$uninstall" -eq 1 ] || usage_error "--purge only goes with --uninstall"
if [ -n "$root" ]; then
  [ -d "$root" ] || fail "--root $root is not a folder; create it first"
  root="$(cd "$root" && pwd)"
  [ "$root" != "/" ] || root=""
fi
live=1                      # systemctl, users and groups: only on the running system
[ -z "$root" ] || live=0
if [ "$live" -eq 1 ] && [ "$dry_run" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then
  fail "must run as root: sudo $0 $given  (or --dry-run to see what it would do, --root DIR to write under DIR)"
fi

opt="$root/opt/moci-bridge"
wrapper="$root/usr/local/bin/moci-bridge"
etc="$root/etc/moci-bridge"
conf="$etc/moci-bridge.json"
unit="$root/etc/systemd/system/moci-bridge.service"
sysusers="$root/usr/lib/sysusers.d/moci-bridge.conf"
modules="$root/etc/modules-load.d/moci-bridge.conf"
data="$root/var/lib/moci-bridge"

# Every change goes through here: printed with --dry-run, done otherwise.
step() {
  if [ "$dry_run" -eq 1 ]; then
    echo "would: $*"
  else
    echo "+ $*"
    "$@"
  fi
}

# Writes stdin to a file with a mode (root-owned), or says it would.
write_file() {
  local mode="$1" file="$2"
  if [ "$dry_run" -eq 1 ]; then
    echo "would: write $file (mode $mode)"
    cat >/dev/null
  else
    echo "+ write $file (mode $mode)"
    mkdir -p "$(dirname "$file")"
    cat >"$file.new"
    chmod "$mode" "$file.new"
    mv -f "$file.new" "$file"
  fi
}

# ---------------------------------------------------------------- uninstall
if [ "$uninstall" -eq 1 ]; then
  if [ "$live" -eq 1 ] && command -v systemctl >/dev/null 2>&1; then
    step systemctl disable --now moci-bridge.service || true
  fi
  step rm -rf "$opt" "$wrapper" "$unit" "$sysusers" "$modules"
  [ "$live" -eq 0 ] || ! command -v systemctl >/dev/null 2>&1 || step systemctl daemon-reload
  if [ "$purge" -eq 1 ]; then
    step rm -rf "$etc" "$data"
  else
    echo "Kept $conf and $data (the outbox); --uninstall --purge deletes them."
  fi
  echo "The user moci stays (userdel moci removes it). I2C, UART and 1-Wire stay on in config.txt."
  exit 0
fi

# ---------------------------------------------------------------- what to install, checked before anything changes
[ -d "$from" ] || fail "--from $from is not a folder"
from="$(cd "$from" && pwd)"
[ -f "$from/moci-bridge" ] || fail "no moci-bridge program in $from: run firmware-bridge/publish.sh on a PC, copy the folder (or its .tar.gz) it made, and run install.sh from there"
[ -x "$from/moci-bridge" ] || fail "$from/moci-bridge is not executable (copied without its permissions?); chmod +x it or unpack the .tar.gz again"

find_beside() {        # the file in the published folder, else in the source tree beside this script
  local name="$1" fallback="$2"
  if [ -f "$from/$name" ]; then echo "$from/$name"; elif [ -f "$here/$fallback" ]; then echo "$here/$fallback"; else echo ""; fi
}
unit_source="$(find_beside moci-bridge.service systemd/moci-bridge.service)"
sysusers_source="$(find_beside moci-bridge.sysusers systemd/moci-bridge.sysusers)"
template="$(find_beside moci-bridge.example.json Moci.Bridge/moci-bridge.example.json)"
[ -n "$unit_source" ] || fail "moci-bridge.service is missing from $from; publish again with firmware-bridge/publish.sh"
[ -n "$sysusers_source" ] || fail "moci-bridge.sysusers is missing from $from; publish again with firmware-bridge/publish.sh"

if [ "$live" -eq 1 ]; then   # an x86 build on a Pi fails with "Exec format error": say so now
  case "$(od -An -tx1 -j18 -N2 "$from/moci-bridge" | tr -d ' \n')-$(uname -m)" in
    b700-aarch64|3e00-x86_64|2800-armv7l|2800-armv6l) ;;
    b700-*) fail "$from/moci-bridge is built for arm64 but this machine is $(uname -m); on a Pi use the 64-bit Raspberry Pi OS" ;;
    *) fail "$from/moci-bridge is not built for this machine ($(uname -m)); publish with firmware-bridge/publish.sh --rid linux-arm64 for a Pi" ;;
  esac
fi

# The configuration: the given file, else the installed one, else the template (then the service waits for it).
from_template=0
if [ -n "$config" ]; then
  [ -f "$config" ] || fail "--config $config: no such file"
  [ -r "$config" ] || fail "--config $config: cannot be read by $(id -un)"
  config_source="$config"
elif [ -f "$conf" ]; then
  config_source=""
else
  [ -n "$template" ] || fail "no configuration: give the station's file with --config FILE (the template moci-bridge.example.json is missing from $from)"
  config_source="$template"
  from_template=1
fi
needs_source="${config_source:-$conf}"

# Which interfaces the configured sensors use. A line that is a // comment, or that says "enabled": false (the
# template's sensors are one line each), does not count.
sensor_values() {      # sensor_values KEY: every "KEY": "value" in the configuration
  sed -E -e 's,^[[:space:]]*//.*$,,' -e '/"enabled"[[:space:]]*:[[:space:]]*false/d' "$needs_source" \
    | grep -oiE "\"$1\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" \
    | sed -E 's/.*"([^"]*)"$/\1/' || true
}
types="$(sensor_values type | tr '[:upper:]' '[:lower:]')"
ports="$(sensor_values port)"
need_i2c=0; need_uart=0; need_w1=0
echo "$types" | grep -qxE 'bme280|bmp280|sht4x|scd4x|ph|turbidity|conductivity|ads1115' && need_i2c=1
echo "$ports" | grep -qE '^/dev/(serial[01]|ttyAMA[0-9]+|ttyS0)$' && need_uart=1
echo "$types" | grep -qx 'ds18b20' && need_w1=1

# ---------------------------------------------------------------- install
[ "$dry_run" -eq 1 ] && echo "Dry run: nothing is changed."

# The user first, so that the configuration can be given to its group.
write_file 0644 "$sysusers" <"$sysusers_source"
if [ "$live" -eq 1 ]; then
  if command -v systemd-sysusers >/dev/null 2>&1; then
    step systemd-sysusers "$sysusers"
  else
    id moci >/dev/null 2>&1 || step useradd --system --user-group --no-create-home --home-dir /var/lib/moci-bridge --shell /usr/sbin/nologin moci
    for group in i2c gpio dialout; do
      getent group "$group" >/dev/null 2>&1 || step groupadd --system "$group"
      step usermod -a -G "$group" moci
    done
  fi
fi

# The program: copied next to the old one, then swapped in, so a failed copy leaves the old one working.
step rm -rf "$opt.new"
step mkdir -p "$(dirname "$opt")"
step cp -R "$from" "$opt.new"
step chmod -R u=rwX,go=rX "$opt.new"
step rm -rf "$opt.old"
[ ! -e "$opt" ] || step mv "$opt" "$opt.old"
step mv "$opt.new" "$opt"
step rm -rf "$opt.old"

write_file 0755 "$wrapper" <<'EOF'
#!/bin/sh
# Written by moci-bridge's install.sh: runs the station's program with its installed configuration, so that
# `sudo -u moci moci-bridge check` tests the same file the service reads.
MOCI_BRIDGE_CONFIG="${MOCI_BRIDGE_CONFIG:-/etc/moci-bridge/moci-bridge.json}"
export MOCI_BRIDGE_CONFIG
exec /opt/moci-bridge/moci-bridge "$@"
EOF

# The configuration holds the station's secret: root may change it, the group moci may only read it.
step mkdir -p "$etc"
step chmod 0750 "$etc"
if [ -n "$config_source" ]; then
  [ ! -f "$conf" ] || [ "$from_template" -eq 1 ] || step cp -p "$conf" "$conf.bak"
  write_file 0640 "$conf" <"$config_source"
else
  echo "Keeping $conf (give --config FILE to replace it)."
fi
if [ "$live" -eq 1 ]; then
  step chgrp moci "$etc" "$conf"
fi

step mkdir -p "$data"
step chmod 0750 "$data"
[ "$live" -eq 0 ] || step chown moci:moci "$data"

write_file 0644 "$unit" <"$unit_source"

# ---------------------------------------------------------------- I2C, UART, 1-Wire (what raspi-config's nonint do_i2c 0,
# do_serial_hw 0 / do_serial_cons 1 and do_onewire 0 change), only when a configured sensor needs it
boot=""
for candidate in "$root/boot/firmware" "$root/boot"; do
  if [ -f "$candidate/config.txt" ]; then boot="$candidate"; break; fi
done
reboot=0
set_boot_line() {      # set_boot_line KEY LINE: LINE in config.txt, instead of the first line (commented or not) of KEY
  local key="$1" line="$2" file="$boot/config.txt"
  if grep -qE "^$line(,.*)?\$" "$file"; then    # there already, maybe with parameters (dtoverlay=w1-gpio,gpiopin=17)
    return
  fi
  reboot=1
  if grep -qE "^#?[[:space:]]*$key(=.*)?\$" "$file"; then
    if [ "$dry_run" -eq 1 ]; then echo "would: replace the $key line of $file with '$line'"; return; fi
    echo "+ set '$line' in $file"
    sed -i -E "0,/^#?[[:space:]]*$key(=.*)?\$/s//$line/" "$file"
  else
    if [ "$dry_run" -eq 1 ]; then echo "would: add '$line' to $file"; return; fi
    echo "+ add '$line' to $file"
    printf '\n[all]\n# moci-bridge: a configured sensor needs this\n%s\n' "$line" >>"$file"
  fi
}
if [ $((need_i2c + need_uart + need_w1)) -gt 0 ]; then
  if [ -z "$boot" ]; then
    echo "No config.txt in $root/boot/firmware or $root/boot (not a Raspberry Pi?): switch on I2C/UART/1-Wire yourself." >&2
  else
    if [ "$need_i2c" -eq 1 ]; then
      set_boot_line "dtparam=i2c_arm" "dtparam=i2c_arm=on"
      write_file 0644 "$modules" <<<"i2c-dev"
    fi
    if [ "$need_uart" -eq 1 ]; then
      set_boot_line "enable_uart" "enable_uart=1"
      # The UART is the sensor's, not a login console's.
      if [ -f "$boot/cmdline.txt" ] && grep -qE 'console=(serial0|ttyAMA0|ttyS0),[0-9]+ ?' "$boot/cmdline.txt"; then
        reboot=1
        if [ "$dry_run" -eq 1 ]; then
          echo "would: remove the serial console from $boot/cmdline.txt"
        else
          echo "+ remove the serial console from $boot/cmdline.txt"
          sed -i -E 's/console=(serial0|ttyAMA0|ttyS0),[0-9]+ ?//' "$boot/cmdline.txt"
        fi
      fi
    fi
    if [ "$need_w1" -eq 1 ]; then
      set_boot_line "dtoverlay=w1-gpio" "dtoverlay=w1-gpio"
    fi
  fi
fi

# ---------------------------------------------------------------- start
if [ "$live" -eq 1 ]; then
  step systemctl daemon-reload
  step systemctl enable moci-bridge.service
fi
echo
if [ "$from_template" -eq 1 ]; then
  echo "Next: put the station's id, secret and broker into $conf (sudo nano $conf),"
  echo "check it with: sudo -u moci moci-bridge check"
  echo "then start it: sudo systemctl start moci-bridge"
elif [ "$reboot" -eq 1 ]; then
  echo "I2C/UART/1-Wire were switched on: reboot (sudo reboot); the service starts by itself afterwards."
elif [ "$live" -eq 1 ] && [ "$start" -eq 1 ]; then
  step systemctl restart moci-bridge.service
  [ "$dry_run" -eq 1 ] || echo "Started. Its log: journalctl -u moci-bridge -f"
else
  echo "Installed. Start it with: sudo systemctl start moci-bridge"
fi
[ "$dry_run" -eq 0 ] || echo "Dry run: nothing was changed."
