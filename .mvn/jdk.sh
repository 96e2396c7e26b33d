# Sourced by mvnw, .ci/run and deploy/local/run: selects a JDK >= 21 and exports JAVA_HOME.
# Order: JAVA_HOME when it is a JDK >= 21, else the newest JDK >= 21 under /usr/lib/jvm (or $JDK_SEARCH_PATH).
# POSIX sh on purpose: mvnw is a /bin/sh script.

eshkola_jdk_major() {
  # prints the feature version of the JDK at $1, or nothing when $1 is no JDK
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  _v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  case "$_v" in 1.*) _v=${_v#1.}; _v=${_v%%.*} ;; esac
  printf '%s' "$_v"
}

eshkola_select_jdk() {
  _min=21
  if [ -n "${JAVA_HOME-}" ]; then
    _m=$(eshkola_jdk_major "$JAVA_HOME")
    if [ -n "$_m" ] && [ "$_m" -ge "$_min" ] 2>/dev/null; then
      return 0
    fi
  fi
  _best=""; _bestv=0
  # mvnw runs with `set -f`; the search needs globbing
  case $- in *f*) _noglob=1; set +f ;; *) _noglob="" ;; esac
  for _d in ${JDK_SEARCH_PATH:-/usr/lib/jvm}/*; do
    [ -d "$_d" ] || continue
    [ -L "$_d" ] && continue
    _m=$(eshkola_jdk_major "$_d")
    [ -n "$_m" ] || continue
    if [ "$_m" -ge "$_min" ] 2>/dev/null && [ "$_m" -gt "$_bestv" ]; then
      _best=$_d; _bestv=$_m
    fi
  done
  [ -z "$_noglob" ] || set -f
  if [ -z "$_best" ]; then
    echo "ERROR: this build needs a JDK $_min or newer." >&2
    echo "  JAVA_HOME=${JAVA_HOME:-<unset>} is not one, and none was found under ${JDK_SEARCH_PATH:-/usr/lib/jvm}." >&2
    echo "  Install one (e.g. Temurin 25) or point JAVA_HOME at it." >&2
    return 1
  fi
  JAVA_HOME=$_best
  export JAVA_HOME
}

eshkola_select_jdk || exit 1

# Maven's own libraries (Guice, Guava) use sun.misc.Unsafe; newer JDKs warn about it on every run.
if [ "$(eshkola_jdk_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  case "${MAVEN_OPTS-}" in
    *sun-misc-unsafe-memory-access*) ;;
    *) MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
  esac
fi
