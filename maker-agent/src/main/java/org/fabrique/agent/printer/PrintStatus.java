package org.fabrique.agent.printer;

/**
 * A snapshot of the current job: {@code percent} from 0 to 100; {@code printed} and {@code failed}
 * count the items finished so far (all of them once the state is FINISHED); {@code message} explains an ERROR.
 */
public record PrintStatus(PrintState state, double percent, int printed, int failed, String message) {

    public static PrintStatus idle() {
        return new PrintStatus(PrintState.IDLE, 0, 0, 0, null);
    }
}
