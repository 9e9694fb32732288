cd "$WORK/sample-app"
mvn -B -ntp package
