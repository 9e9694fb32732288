package dev.opsdemo.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per workspace: two runs would overwrite each other's records and push from one working copy.
 * The operating system releases the lock when the process ends, however it ends (even SIGKILL), so holding it also
 * proves that whatever an earlier run left behind is stale and safe to repair. The file holds the running run's
 * pid and is emptied when the run ends normally: a pid found in it means the previous run was killed.
 */
public final class WorkspaceLock implements AutoCloseable {

    public static final String FILE = ".harness.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final String killedRun;
    private boolean untouched;

    private WorkspaceLock(FileChannel channel, FileLock lock, String killedRun) {
        this.channel = channel;
        this.lock = lock;
        this.killedRun = killedRun;
    }

    public static WorkspaceLock acquire(Workspace workspace) {
        Path file = workspace.root().resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UsageException("cannot open " + file + ": " + Workspace.reason(e),
                    "fix the workspace's permissions, or pass another --workspace");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = holder(file);
            close(channel);
            throw new UsageException("another harness run is using the workspace " + workspace.root()
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")"),
                    "wait for it to finish, or pass another --workspace");
        }
        // Through the locked channel: closing any other descriptor of the file would drop this process's lock
        // (POSIX record locks belong to the process and the file, not to the descriptor).
        String previous = "";
        try {
            ByteBuffer content = ByteBuffer.allocate(64);
            channel.read(content, 0);
            previous = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).strip();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // The pid is only for messages; the lock itself holds.
        }
        return new WorkspaceLock(channel, lock, previous);
    }

    /** Whether the previous run in this workspace ended without reaching its cleanup (killed, crashed). */
    public boolean previousRunWasKilled() {
        return !killedRun.isEmpty();
    }

    /**
     * Nothing ran under the lock (a command refused the workspace after taking it): closing then leaves the file as
     * it was found, so that the next run still knows when the one before it was killed.
     */
    public void untouched() {
        untouched = true;
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was written through it.
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            if (untouched && !killedRun.isEmpty()) {
                channel.write(ByteBuffer.wrap((killedRun + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            }
        } catch (IOException e) {
            // The next run then checks for leftovers it need not have; nothing worse.
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it as well.
        }
        close(channel);
    }
}
