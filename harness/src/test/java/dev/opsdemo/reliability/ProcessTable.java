package dev.opsdemo.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The operating system's own view (Linux /proc): which processes exist, what they run, what is in their
 * environment, and which TCP sockets listen where and belong to whom. Nothing here asks the harness.
 */
final class ProcessTable {

    record Proc(long pid, String commandLine) {
        @Override
        public String toString() {
            return pid + " " + commandLine;
        }
    }

    record Listener(String address, int port, long pid) {
        @Override
        public String toString() {
            return address + ":" + port + " (pid " + pid + ")";
        }
    }

    private static final Path PROC = Path.of("/proc");

    private ProcessTable() {
    }

    /** Live processes whose environment carries {@code MARKER=marker}: everything one harness run started. */
    static List<Proc> withMarker(String marker) {
        byte[] needle = (HarnessProcess.MARKER + "=" + marker).getBytes(StandardCharsets.UTF_8);
        return processes().stream().filter(proc -> {
            byte[] environ = read(PROC.resolve(proc.pid() + "/environ"));
            for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
                if (entry.equals(new String(needle, StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    /** Live processes whose command line contains {@code text}, other than this test JVM. */
    static List<Proc> mentioning(String text) {
        long self = ProcessHandle.current().pid();
        return processes().stream().filter(proc -> proc.pid() != self && proc.commandLine().contains(text)).toList();
    }

    /** Every TCP socket in state LISTEN, IPv4 and IPv6, with the process that owns it (0 if not visible). */
    static List<Listener> listening() {
        return listening(processes().stream().map(Proc::pid).toList());
    }

    /** The listening sockets that these processes own. */
    static List<Listener> listeningOwnedBy(Set<Long> pids) {
        return listening(List.copyOf(pids)).stream().filter(listener -> pids.contains(listener.pid())).toList();
    }

    private static List<Listener> listening(List<Long> candidates) {
        Map<Long, Long> owners = socketOwners(candidates);
        List<Listener> result = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> rows;
            try {
                rows = Files.readAllLines(PROC.resolve("net").resolve(table));
            } catch (IOException e) {
                continue;
            }
            for (String row : rows.subList(1, rows.size())) {
                String[] cols = row.trim().split("\\s+");
                if (!cols[3].equals("0A")) {
                    continue;
                }
                String[] local = cols[1].split(":");
                long inode = Long.parseLong(cols[9]);
                result.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16),
                        owners.getOrDefault(inode, 0L)));
            }
        }
        return result;
    }

    /** Sockets listening on {@code port}, whoever owns them. */
    static List<Listener> listeningOn(int port) {
        return listening().stream().filter(listener -> listener.port() == port).toList();
    }

    private static String address(String hex) {
        if (hex.length() == 8) {
            // IPv4, one little-endian 32-bit word.
            return (Integer.parseInt(hex.substring(6, 8), 16)) + "." + Integer.parseInt(hex.substring(4, 6), 16)
                    + "." + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
        }
        // IPv6: four little-endian 32-bit words.
        byte[] bytes = new byte[16];
        for (int word = 0; word < 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return java.net.InetAddress.getByAddress(bytes).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Long, Long> socketOwners(List<Long> pids) {
        Map<Long, Long> owners = new HashMap<>();
        for (long pid : pids) {
            try (Stream<Path> fds = Files.list(PROC.resolve(pid + "/fd"))) {
                fds.forEach(fd -> {
                    try {
                        String link = Files.readSymbolicLink(fd).toString();
                        if (link.startsWith("socket:[")) {
                            owners.put(Long.parseLong(link.substring(8, link.length() - 1)), pid);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // Closed meanwhile.
                    }
                });
            } catch (IOException | RuntimeException gone) {
                // The process ended meanwhile.
            }
        }
        return owners;
    }

    private static List<Proc> processes() {
        List<Proc> result = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(PROC)) {
            dirs.filter(dir -> dir.getFileName().toString().matches("\\d+")).forEach(dir -> {
                byte[] cmdline = read(dir.resolve("cmdline"));
                if (cmdline.length == 0) {
                    return; // a kernel thread or a zombie: nothing runs there
                }
                String text = new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' ').strip();
                result.add(new Proc(Long.parseLong(dir.getFileName().toString()), text));
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return result;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | RuntimeException gone) {
            return new byte[0];
        }
    }

    /** Pids of processes with the marker, for socket ownership checks. */
    static Set<Long> pidsWithMarker(String marker) {
        Set<Long> pids = new HashSet<>();
        withMarker(marker).forEach(proc -> pids.add(proc.pid()));
        return pids;
    }

    static String describe(List<?> items) {
        return items.isEmpty() ? "(none)" : String.join("\n", items.stream().map(Object::toString).toList());
    }
}
