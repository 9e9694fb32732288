package dev.opsdemo.exec;

/**
 * A free loopback port, chosen the first time it is asked for and the same ever after: a step's command names it
 * when the step starts, and the server the step then starts binds it.
 */
public final class ChosenPort {

    private int port;

    public synchronized int get() {
        if (port == 0) {
            port = Ports.freeLoopbackPort();
        }
        return port;
    }
}
