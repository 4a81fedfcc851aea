package org.fabrique.loadgen;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** Starts asynchronous work for every item at once and waits for all of it. */
final class Concurrently {

    private Concurrently() {
    }

    /** Returns once every action finished; the first failure is rethrown. */
    static <T> void forEach(Collection<T> items, Function<T, CompletableFuture<?>> action) {
        CompletableFuture<?>[] all = items.stream().map(action).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("load generator error: " + e.getCause(), e.getCause());
        }
    }
}
