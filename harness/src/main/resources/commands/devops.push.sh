cd "$WORK/sample-app"
git remote add origin "$GIT_URL"
git push origin main
git --git-dir "$WORK/remote/sample-app.git" log --oneline -1 main
