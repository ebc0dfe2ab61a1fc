#!/usr/bin/env bash
# Before `npm test`: the Debian packages the tests drive must be there. Installs the missing ones
# when run as root (CI, a fresh container); otherwise names the one command to run, and fails.
set -euo pipefail

# command the tests run → Debian package that provides it
declare -A PACKAGES=(
  [chromium]=chromium            # browser tests (test/e2e), path overridable with CHROMIUM_PATH
  [xmllint]=libxml2-utils        # manifest schema (npm run validate)
  [soffice]=libreoffice-calc-nogui # files written by the CLI opened in a real spreadsheet
  [pdftotext]=poppler-utils      # text of the PDFs LibreOffice prints
  [pdftoppm]=poppler-utils
)

present() {
  if [ "$1" = chromium ] && [ -n "${CHROMIUM_PATH:-}" ]; then [ -x "$CHROMIUM_PATH" ]; else command -v "$1" >/dev/null 2>&1; fi
}

missing=()
for command in "${!PACKAGES[@]}"; do
  present "$command" || missing+=("${PACKAGES[$command]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installation des paquets Debian nécessaires aux tests : ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "Paquets Debian manquants pour les tests : ${missing[*]}. Installez-les puis relancez :" >&2
echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
exit 1
