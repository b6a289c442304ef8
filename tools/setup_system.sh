#!/usr/bin/env bash
# Installs the Debian packages that outputs and tests need, only those missing.
#  - libharfbuzz-subset0: WeasyPrint subsets fonts with HarfBuzz (3x faster PDFs; silent slow path without it)
#  - libreoffice-writer-nogui: the real DOCX consumer the tests convert every DOCX with
#  - poppler-utils: pdftotext / pdftoppm (text of PDFs in tests, previews in the README)
#  - nodejs, npm (only where the machine has no Node.js of its own): yaml-language-server, the
#    server of VS Code's YAML extension, that tests the JSON Schemas on the data files
#  - chromium: the browser the HTML preview is opened in by tests/test_html_browser.py (headless)
#  - chromium-driver: chromedriver, through which Selenium drives that chromium in the browser
#    test of `ctgdocs serve` (tests/test_serve_navigateur.py)
#  - qpdf: `qpdf --check`, the structural check the tests run on every PDF
#  - default-jre-headless, libpdfbox2-java, libactivation-java, libjaxb-api-java: Apache PDFBox
#    Preflight, the PDF/A validator the tests run on every PDF (veraPDF is in no registry here);
#    Preflight needs javax.activation and JAXB, which left the JDK after Java 8
set -euo pipefail
packages=(libharfbuzz-subset0 libreoffice-writer-nogui poppler-utils chromium chromium-driver qpdf
    default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
    # installed, not merely known (a removed package keeps a "deinstall" status)
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installation des paquets système : ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
