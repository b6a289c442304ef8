#!/usr/bin/env bash
# Installs the Debian packages that outputs and tests need, only those missing.
#  - libharfbuzz-subset0: WeasyPrint subsets fonts with HarfBuzz (3x faster PDFs; silent slow path without it)
#  - libreoffice-writer-nogui: the real DOCX consumer the tests convert every DOCX with
#  - poppler-utils: pdftotext / pdftoppm (text of PDFs in tests, previews in the README)
#  - chromium: the browser the HTML preview is opened in by tests/test_html_browser.py (headless)
set -euo pipefail
packages=(libharfbuzz-subset0 libreoffice-writer-nogui poppler-utils chromium)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installation des paquets système : ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
