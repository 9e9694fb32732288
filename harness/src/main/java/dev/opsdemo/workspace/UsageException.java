package dev.opsdemo.workspace;

/** The user asked for something that cannot work as given. Exit code 2, with what to do instead. */
public class UsageException extends RuntimeException {

    public UsageException(String what, String next) {
        super(what + "\n  next: " + next);
    }
}
