# Sourced by run.sh, test.sh and .ci/run: installs what a fresh Debian 12 machine lacks, and nothing it already has.
# Debian's PostgreSQL, RabbitMQ and Dovecot (native mode needs no container engine), aiosmtpd, kubectl, the smtp4dev
# dotnet tool, and buf.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_debian_packages() {
  local missing=()
  # python3-aiosmtpd: the lean SMTP server writing a maildir that the drills, the acknowledgment benchmark and the
  # maildir delivery check tests use (smtp4dev serves the rest). dovecot-imapd: the program mailbox (IMAP).
  for package in postgresql rabbitmq-server python3-aiosmtpd dovecot-imapd; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    if [[ " ${missing[*]} " == *" dovecot-imapd "* ]]; then
      disable_system_dovecot
    fi
  fi
}

# The package starts a system-wide Dovecot (IMAP on every interface's ports 143 and 993, system users' passwords) where
# the machine runs services. The mailbox never uses it: NativeDovecot runs its own from a generated config, ports and
# folders. So, only right after installing the package (a Dovecot someone set up and uses is left alone), it is
# stopped and kept from starting at boot.
disable_system_dovecot() {
  if [ -d /run/systemd/system ]; then
    as_root systemctl disable --now dovecot.socket dovecot.service >/dev/null 2>&1 || true
  else
    as_root /etc/init.d/dovecot stop >/dev/null 2>&1 || true
    as_root update-rc.d dovecot disable >/dev/null 2>&1 || true
  fi
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET SDK is missing: install .NET SDK 10 (see global.json) and run this again." >&2
    exit 1
  fi
}

# kubectl renders deploy/'s kustomize overlays for the unit tests (tests/Program287g.UnitTests/Deployment), which fail
# without it. A kubectl already on the machine is used as it is (this project's machines come with one); else Debian's
# kubernetes-client (kubectl 1.20, whose kustomize v2.0.3 deploy/ is written for as well as for current ones).
ensure_kubectl() {
  if ! command -v kubectl >/dev/null 2>&1; then
    echo "Installing Debian packages: kubernetes-client"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >/dev/null
  fi
}

# Debian's chromium is the real browser the staff console's end-to-end tests drive through Microsoft.Playwright (no
# browser download: the tests launch /usr/bin/chromium). Only the tests need it.
ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    echo "Installing Debian packages: chromium"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
}

# smtp4dev runs from the repository's git-ignored .tools folder, pinned here and nowhere else.
ensure_smtp4dev() {
  if [ ! -x "$repo_root/.tools/smtp4dev" ]; then
    echo "Installing smtp4dev 3.15.0 into .tools"
    dotnet tool install Rnwood.Smtp4dev --version 3.15.0 --tool-path "$repo_root/.tools" >/dev/null
  fi
}

# buf is how the README calls the services by hand (buf curl over server reflection).
ensure_buf() {
  if [ ! -x "$repo_root/.tools/node_modules/.bin/buf" ] && command -v npm >/dev/null 2>&1; then
    echo "Installing buf 1.75.0 into .tools"
    npm install --prefix "$repo_root/.tools" --no-audit --no-fund --silent @bufbuild/buf@1.75.0 >/dev/null
  fi
}

ensure_prerequisites() {
  ensure_dotnet
  if [ "${PROGRAM287G_INFRASTRUCTURE:-auto}" != "external" ]; then
    ensure_debian_packages
  fi
  ensure_kubectl
  ensure_smtp4dev
}

# A port of 127.0.0.1 nobody listens on: the wanted one when free, else one the kernel hands out.
free_port() {
  local wanted="$1"
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$wanted") 2>/dev/null; then
    echo "$wanted"
  else
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
  fi
}
