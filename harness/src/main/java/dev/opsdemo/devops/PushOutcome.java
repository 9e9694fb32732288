package dev.opsdemo.devops;

import java.util.List;

/** What a push did, in git's words, and whether the remote took it. */
public record PushOutcome(boolean accepted, boolean rejectedNonFastForward, List<String> lines) {
}
