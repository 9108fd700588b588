import java.util.concurrent.atomic.AtomicLong;

import org.anteroom.access.PasswordHashing;

/**
 * How many password verifications per second this machine can do on all its cores with the
 * server's own hasher: the ceiling of login throughput. Run with target/classes and the WAR's libraries
 * (target/anteroom/WEB-INF/lib/*) on the class path.
 */
public class HashRate {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = Runtime.getRuntime().availableProcessors();
        PasswordHashing hashing = PasswordHashing.forConcurrentHashes(threads);
        String hash = hashing.hash("anteroom-demo");
        hashing.verify("anteroom-demo", hash); // warm-up
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    if (!hashing.verify("anteroom-demo", hash)) {
                        throw new IllegalStateException("verification failed");
                    }
                    done.incrementAndGet();
                }
            });
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("%.2f%n", done.get() / (double) seconds);
    }
}
