package dev.opsdemo.mlflow;

import com.sun.security.auth.module.UnixSystem;

/** The user running the harness, so a container can write its bind mount as that user instead of root. */
final class HostUser {

    private HostUser() {
    }

    static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    static String uidAndGid() {
        UnixSystem user = new UnixSystem();
        return user.getUid() + ":" + user.getGid();
    }
}
