import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-initiated WebSocket closes beside plain requests (bench/close-race.sh). Four threads open the
 * hub with a token it refuses, so the server closes with 1008 right after the upgrade; four threads
 * GET /ops/ping meanwhile. The client answers each close frame at once ("answer", as browsers do) or
 * after HOLD ("held"). Prints one line: the mode, upgrades that ended in the 1008 close and those that
 * did not (a hung or refused upgrade, another close code), pings answered 200 and those that were not.
 *
 *   java bench/CloseRace.java BASE MODE SECONDS
 */
public final class CloseRace {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration HOLD = Duration.ofMillis(250);

    public static void main(String[] args) throws Exception {
        String base = args[0];
        boolean held = switch (args[1]) {
            case "answer" -> false;
            case "held" -> true;
            default -> throw new IllegalArgumentException("mode is answer or held: " + args[1]);
        };
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        URI hub = URI.create("ws" + base.substring("http".length()) + "/hubs/presence?access_token=refused");
        URI ping = URI.create(base + "/ops/ping");
        HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
        AtomicInteger closed = new AtomicInteger(), spoiledUpgrades = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger(), spoiledPings = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 4; i++) {
            threads.submit(() -> {
                while (System.nanoTime() < end) {
                    if (refusedUpgrade(hub, held)) {
                        closed.incrementAndGet();
                    } else {
                        spoiledUpgrades.incrementAndGet();
                    }
                }
            });
            threads.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<String> response = http.send(
                                HttpRequest.newBuilder(ping).timeout(WAIT).build(),
                                HttpResponse.BodyHandlers.ofString());
                        (response.statusCode() == 200 ? answered : spoiledPings).incrementAndGet();
                    } catch (Exception e) {
                        spoiledPings.incrementAndGet();
                    }
                }
            });
        }
        threads.shutdown();
        if (!threads.awaitTermination(TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime()) + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the load did not end");
        }
        System.out.printf(
                "%s %d %d %d %d%n", args[1], closed.get(), spoiledUpgrades.get(), answered.get(), spoiledPings.get());
    }

    /** One upgrade the hub refuses: true when it ended in the server's 1008 close. */
    private static boolean refusedUpgrade(URI hub, boolean held) {
        CompletableFuture<Integer> code = new CompletableFuture<>();
        // A client of its own: a fresh connection per upgrade, as a reconnecting app opens one.
        HttpClient client = HttpClient.newBuilder().connectTimeout(WAIT).build();
        try {
            client.newWebSocketBuilder()
                    .connectTimeout(WAIT)
                    .buildAsync(hub, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                            code.complete(status);
                            // The JDK answers the close when the returned stage completes.
                            return held
                                    ? CompletableFuture.runAsync(
                                            () -> {},
                                            CompletableFuture.delayedExecutor(HOLD.toMillis(), TimeUnit.MILLISECONDS))
                                    : null;
                        }

                        @Override
                        public void onError(WebSocket socket, Throwable error) {
                            code.completeExceptionally(error);
                        }
                    })
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return code.get(WAIT.toMillis(), TimeUnit.MILLISECONDS) == 1008;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
