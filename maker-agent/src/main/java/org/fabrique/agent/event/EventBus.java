package org.fabrique.agent.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Typed, synchronous publish/subscribe between the agent's components: listeners run on the publishing
 * thread, in subscription order. A listener that throws does not stop the others.
 */
public final class EventBus {

    private record Subscription<E extends AgentEvent>(Class<E> type, Consumer<? super E> listener) {
        void deliver(AgentEvent event) {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    public <E extends AgentEvent> void subscribe(Class<E> type, Consumer<? super E> listener) {
        subscriptions.add(new Subscription<>(type, listener));
    }

    public void publish(AgentEvent event) {
        for (Subscription<?> subscription : subscriptions) {
            try {
                subscription.deliver(event);
            } catch (RuntimeException e) {
                System.err.println("internal error while handling " + event + ": " + e);
            }
        }
    }
}
