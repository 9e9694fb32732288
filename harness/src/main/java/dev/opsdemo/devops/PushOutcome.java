package dev.opsdemo.devops;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a push did, in git's words, and whether the remote took it. The lines are composed from JGit's real
 * {@link PushResult}s as JGit's own {@code pgm/Push.java} does (the porcelain returns data; this prints it); like
 * git writing to a pipe, no progress meter.
 */
public record PushOutcome(boolean accepted, boolean rejectedNonFastForward, List<String> lines) {

    static PushOutcome of(Iterable<PushResult> results, ObjectReader reader) throws IOException {
        List<String> out = new ArrayList<>();
        boolean accepted = true;
        boolean nonFastForward = false;
        for (PushResult result : results) {
            out.addAll(remoteMessages(result.getMessages()));
            out.add("To " + displayUri(result.getURI()));
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                out.add(updateLine(reader, result, update));
                accepted &= update.getStatus() == RemoteRefUpdate.Status.OK
                        || update.getStatus() == RemoteRefUpdate.Status.UP_TO_DATE;
                nonFastForward |= update.getStatus() == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD;
            }
            if (!accepted) {
                out.add("error: failed to push some refs to '" + displayUri(result.getURI()) + "'");
            }
        }
        return new PushOutcome(accepted, nonFastForward, out);
    }

    private static List<String> remoteMessages(String messages) {
        List<String> out = new ArrayList<>();
        if (messages != null) {
            messages.lines().filter(line -> !line.isBlank()).forEach(line -> out.add("remote: " + line));
        }
        return out;
    }

    private static String displayUri(URIish uri) {
        return uri.setUser(null).setPass(null).toString();
    }

    private static String updateLine(ObjectReader reader, PushResult result, RemoteRefUpdate update)
            throws IOException {
        String source = shortRef(update.getSrcRef());
        String destination = shortRef(update.getRemoteName());
        return switch (update.getStatus()) {
            case OK -> {
                Ref old = result.getAdvertisedRef(update.getRemoteName());
                if (old == null) {
                    yield line('*', "[new branch]", source, destination, null);
                }
                boolean fastForward = update.isFastForward();
                yield line(fastForward ? ' ' : '+', abbreviate(reader, old.getObjectId())
                                + (fastForward ? ".." : "...") + abbreviate(reader, update.getNewObjectId()),
                        source, destination, fastForward ? null : "forced update");
            }
            case UP_TO_DATE -> line('=', "[up to date]", source, destination, null);
            case REJECTED_NONFASTFORWARD -> line('!', "[rejected]", source, destination, "non-fast-forward");
            case REJECTED_REMOTE_CHANGED -> line('!', "[rejected]", source, destination, "remote ref changed");
            case REJECTED_NODELETE -> line('!', "[rejected]", null, destination, "remote does not support deletes");
            case REJECTED_OTHER_REASON -> line('!', "[remote rejected]", source, destination, update.getMessage());
            case NON_EXISTING -> line('X', "[no match]", null, destination, null);
            case NOT_ATTEMPTED, AWAITING_REPORT -> line('?', "[unexpected push-process behavior]", source,
                    destination, update.getMessage());
        };
    }

    private static String line(char flag, String summary, String source, String destination, String message) {
        StringBuilder out = new StringBuilder(String.format(" %c %-17s", flag, summary));
        if (source != null) {
            out.append(' ').append(source).append(" ->");
        }
        out.append(' ').append(destination);
        if (message != null) {
            out.append(" (").append(message).append(')');
        }
        return out.toString();
    }

    private static String abbreviate(ObjectReader reader, ObjectId id) {
        try {
            return reader.abbreviate(id).name();
        } catch (IOException e) {
            return id.name();
        }
    }

    private static String shortRef(String ref) {
        if (ref == null) {
            return null;
        }
        return ref.startsWith(Constants.R_HEADS) ? ref.substring(Constants.R_HEADS.length()) : ref;
    }
}
