package dev.opsdemo.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes a run started, written down in its workspace as each one starts: pid, start time and name. A run
 * killed outright (SIGKILL, the OOM killer) cannot stop them, and they keep running, re-parented to init: the next
 * run in the workspace finds them here and stops them with everything they started, and {@code doctor} lists them.
 * A pid counts only together with its start time, so a pid the system has since given to another process is never
 * touched. (Containers need no entry: they carry the workspace as a label, see LeftoverContainers.)
 */
public final class ProcessLedger {

    public static final String FILE = ".harness.started";

    /** A recorded process that still runs, with the processes it has started since. */
    public record Survivor(long pid, String name, Instant started, List<ProcessHandle> descendants) {
        public String describe() {
            return name + ", started " + started + (descendants.isEmpty() ? ""
                    : ", with " + descendants.size() + " process(es) it started");
        }
    }

    private final Path file;

    public ProcessLedger(Path workspaceRoot) {
        this.file = workspaceRoot.resolve(FILE);
    }

    /** Writes a process down as it starts (appended at once, so a run killed a moment later has it on record). */
    public synchronized void record(ProcessHandle process, String name) {
        String line = process.pid() + " " + startMillis(process) + " " + name.replace('\n', ' ') + "\n";
        try {
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the started process in " + file, e);
        }
    }

    /** The recorded processes that still run: same pid, same start time. */
    public List<Survivor> survivors() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Survivor> survivors = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(" ", 3);
            if (fields.length < 3 || !fields[0].matches("\\d+") || !fields[1].matches("-?\\d+")) {
                continue;  // a line the killed run did not finish writing
            }
            long recordedStart = Long.parseLong(fields[1]);
            ProcessHandle.of(Long.parseLong(fields[0]))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> startMillis(handle) == recordedStart)
                    .ifPresent(handle -> survivors.add(new Survivor(handle.pid(), fields[2],
                            Instant.ofEpochMilli(recordedStart), handle.descendants().toList())));
        }
        return survivors;
    }

    /**
     * Stops every survivor and what it started (politely, then by force) and starts the ledger afresh; returns one
     * line per survivor stopped.
     */
    public synchronized List<String> reap() {
        List<String> notes = new ArrayList<>();
        for (Survivor survivor : survivors()) {
            List<ProcessHandle> tree = new ArrayList<>(survivor.descendants());
            ProcessHandle.of(survivor.pid()).ifPresent(handle -> tree.add(0, handle));
            RunningProcess.stopPolitelyThenByForce(tree);
            notes.add("stopped " + survivor.describe() + ", which an earlier run in this workspace left running "
                    + "when it was killed");
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + file, e);
        }
        return notes;
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }
}
