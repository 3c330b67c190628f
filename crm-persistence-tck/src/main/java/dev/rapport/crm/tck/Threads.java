package dev.rapport.crm.tck;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Threads for the concurrency contracts. The waits have a generous safety limit only so that an
 * adapter that deadlocks fails the test instead of hanging the build; no result depends on timing.
 */
final class Threads {
  private static final long SAFETY_LIMIT_SECONDS = 60;

  private Threads() {}

  /** Runs the body on a new thread; the future completes with its result or exception. */
  static <T> CompletableFuture<T> start(String name, Supplier<T> body) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(body.get());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return f;
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(SAFETY_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("a thread never reached its meeting point: does the adapter "
            + "serialise whole units of work or hold a lock while reading?");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The outcome of a finished future: its value, or the exception it ended with. */
  static Object outcome(CompletableFuture<?> f) {
    try {
      return f.get(SAFETY_LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("a thread never finished: deadlock in the adapter?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
