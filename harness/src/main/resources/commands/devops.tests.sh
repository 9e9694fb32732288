cd "$WORK/sample-app"
cat target/surefire-reports/*.txt
# mvn package already stops at a failing test; a build in which no test ran at all must not pass either.
if ! grep -q 'Tests run: [1-9]' target/surefire-reports/*.txt; then
  echo "no unit tests ran: a gate that checks nothing passes broken code" >&2
  exit 1
fi
if grep -Eq '(Failures|Errors): [1-9]' target/surefire-reports/*.txt; then
  echo "unit tests failed: nothing is pushed" >&2
  exit 1
fi
