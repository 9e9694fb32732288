echo
echo "All steps done; what they made is in $WORK (server logs in $WORK/logs)."
