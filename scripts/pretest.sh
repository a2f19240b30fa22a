#!/usr/bin/env bash
# Runs before `npm test` (npm's pretest hook) and so before every CI run: what the tests need from
# Debian, and PostgreSQL on 127.0.0.1:5432. As root it installs what is missing (no recommends) and
# starts the local cluster; otherwise it prints the one command to run and stops the test run.
set -euo pipefail

# Package → a file it installs (dpkg -s is slow and says nothing about a removed binary).
declare -A PROBE=(
  [chromium]=/usr/bin/chromium
  [poppler-utils]=/usr/bin/pdftotext
  [libreoffice-writer]=/usr/lib/libreoffice/program/swriter
  [libreoffice-calc]=/usr/lib/libreoffice/program/scalc
  # Noto CJK for the web pages; TrueType faces for the PDFs (Chromium embeds TrueType faces as CID
  # fonts but draws CFF faces such as Noto as Type 3): 明体, 楷体, 黑体, and Times New Roman's twin.
  [fonts-noto-cjk]=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
  [fonts-arphic-uming]=/usr/share/fonts/truetype/arphic/uming.ttc
  [fonts-arphic-ukai]=/usr/share/fonts/truetype/arphic/ukai.ttc
  [fonts-wqy-zenhei]=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
  [fonts-liberation2]=/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf
)

need=()
for pkg in "${!PROBE[@]}"; do
  [ -e "${PROBE[$pkg]}" ] || need+=("$pkg")
done

if [ ${#need[@]} -gt 0 ]; then
  line="apt-get install -y --no-install-recommends ${need[*]}"
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "测试需要 Debian 软件包 / the tests need Debian packages: ${need[*]}" >&2
    echo "请以 root 运行 / run as root:  $line" >&2
    exit 1
  fi
  echo "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  if [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
fi
if ! (command -v pg_isready >/dev/null 2>&1 && pg_isready -h 127.0.0.1 -p 5432 -q); then
  echo "测试需要 127.0.0.1:5432 上的 PostgreSQL（用户 postgres，trust 认证）/ the tests need PostgreSQL on 127.0.0.1:5432 (user postgres, trust)" >&2
  exit 1
fi
