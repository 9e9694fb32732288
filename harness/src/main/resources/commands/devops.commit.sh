rm -rf "$WORK/sample-app"
cp -R "$REPO/sample-app" "$WORK/sample-app"
rm -rf "$WORK/sample-app/target"
cd "$WORK/sample-app"
git init -b main
# Only when git has no identity configured at all; an existing one is left alone.
git config user.name >/dev/null || git config user.name "Demo Learner"
git config user.email >/dev/null || git config user.email "learner@opsdemo.invalid"
git add -A
git commit -m "Initial commit: sample-app release $(sed -n 's/^release=//p' src/main/resources/release.properties)"
