#!/usr/bin/env bash
# Checks the installed ShopLens package on this Linux machine: the desktop entry validates, the
# .shoplens type is registered, the launcher starts, and the packaged runtime (jlinked modules +
# Spark's JVM flags from the .cfg) runs a local Spark job. Needs a JDK (javac, jar) on the PATH
# and desktop-file-utils. Prints the launcher's start time for docs/BENCHMARKS.md.
#   installers/linux/check-installed.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app=/opt/shoplens
cfg="$app/lib/app/ShopLens.cfg"
desktop=/usr/share/applications/shoplens-ShopLens.desktop
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

desktop-file-validate "$desktop"
echo "desktop entry valid: $desktop"

# The shared-mime-info database and the desktop database, as update-mime-database and
# update-desktop-database left them (xdg-mime query needs a desktop session to answer).
grep -x '[0-9]*:application/x-shoplens-workspace:\*\.shoplens' /usr/share/mime/globs2
grep '^application/x-shoplens-workspace=.*shoplens-ShopLens.desktop' /usr/share/applications/mimeinfo.cache
echo "*.shoplens registered as application/x-shoplens-workspace, opened by shoplens-ShopLens.desktop"

if grep -q '^app.mainclass=io.shoplens.engine.cli.ShopLensCli$' "$cfg"; then
  TIMEFORMAT='launcher --version: %R s'
  time "$app/bin/ShopLens" --version
fi

# A copy of the installed app whose launcher runs SparkRuntimeCheck instead of the app: same
# runtime, same jars, same JVM options, and nothing added under /opt.
cp -a "$app" "$tmp/app"
javac -d "$tmp/classes" -cp "$app/lib/app/*:$app/lib/app/lib/*" "$here/../check/SparkRuntimeCheck.java"
jar --create --file "$tmp/app/lib/app/runtime-check.jar" -C "$tmp/classes" .
sed -i -e 's/^app.mainclass=.*/app.mainclass=SparkRuntimeCheck/' "$tmp/app/lib/app/ShopLens.cfg"
sed -i -e '/^\[Application\]$/a app.classpath=$APPDIR/runtime-check.jar' \
       -e "/^\[JavaOptions\]$/a java-options=-Djava.io.tmpdir=$tmp" "$tmp/app/lib/app/ShopLens.cfg"
"$tmp/app/bin/ShopLens" 2> "$tmp/spark.log" || { cat "$tmp/spark.log" >&2; exit 1; }
