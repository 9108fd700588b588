import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import org.anteroom.access.PasswordHashing;

/**
 * What one password hash costs on this machine, on one thread: the server's Argon2id at its default
 * cost, and for comparison the PBKDF2 hash it replaced. Wall time and this thread's CPU time are both
 * printed; on a shared machine the CPU time is the steadier figure. A measurement, not a test:
 *
 * <pre>
 * mvn -o -q -DskipTests package
 * java -cp "target/classes:target/anteroom/WEB-INF/lib/*" bench/HashCost.java [rounds]
 * </pre>
 */
public class HashCost {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        PasswordHashing hashing = new PasswordHashing();
        String hash = hashing.hash("anteroom-demo");
        System.out.println("Argon2id " + hash.substring(0, hash.indexOf("$", 15)) + ", " + rounds + " rounds");
        for (int i = 0; i < rounds; i++) {
            hashing.verify("anteroom-demo", hash); // warm-up: let the JIT compile the hot loops
        }
        report("Argon2id verify", rounds, () -> hashing.verify("anteroom-demo", hash));

        String pbkdf2 = "pbkdf2-sha256$600000$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        hashing.verify("anteroom-demo", pbkdf2);
        report(
                "PBKDF2-SHA256 600,000 (former hash)",
                Math.max(3, rounds / 8),
                () -> hashing.verify("anteroom-demo", pbkdf2));
    }

    private static void report(String what, int rounds, Runnable hash) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] wall = new long[rounds];
        long[] used = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            hash.run();
            wall[i] = System.nanoTime() - start;
            used[i] = cpu.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(wall);
        Arrays.sort(used);
        System.out.printf(
                "%s: median %.1f ms wall (min %.1f, max %.1f), median %.1f ms CPU (min %.1f)%n",
                what,
                wall[rounds / 2] / 1e6,
                wall[0] / 1e6,
                wall[rounds - 1] / 1e6,
                used[rounds / 2] / 1e6,
                used[0] / 1e6);
    }
}
