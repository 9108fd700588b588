package org.anteroom.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.anteroom.platform.ReadinessCheck;
import org.anteroom.platform.ReadinessCheck.Result;

/**
 * Runs the application's {@link ReadinessCheck}s (every CDI bean of that type: the seam where another package adds
 * its own, docs/decisions/0023) side by side, each bounded, and logs when one changes state. Liveness checks
 * nothing: a process that answers HTTP is alive, and restarting it would not bring a database back.
 */
@ApplicationScoped
public class Readiness {

    private static final Logger LOG = Logger.getLogger(Readiness.class.getName());
    static final long BOUND_SECONDS = 5;

    @Inject
    @Any
    Instance<ReadinessCheck> checks;

    @Resource
    ManagedExecutorService executor;

    private final Map<String, Boolean> lastUp = new ConcurrentHashMap<>();

    /** UP when every check is; the checks by name. */
    public record Report(boolean up, List<Result> checks) {}

    public Report ready() {
        List<ReadinessCheck> all = new ArrayList<>();
        checks.forEach(check -> {
            if (check.applies()) {
                all.add(check);
            }
        });
        all.sort(Comparator.comparing(ReadinessCheck::name));
        List<CompletableFuture<Result>> running = all.stream()
                .map(check -> CompletableFuture.supplyAsync(check::check, executor))
                .toList();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            results.add(settle(all.get(i).name(), running.get(i)));
        }
        return new Report(results.stream().allMatch(Result::up), List.copyOf(results));
    }

    /** One check by name, as the MicroProfile Health adapter asks for it. */
    public Result ready(String name) {
        for (ReadinessCheck check : checks) {
            if (check.name().equals(name) && check.applies()) {
                return settle(name, CompletableFuture.supplyAsync(check::check, executor));
            }
        }
        return Result.down(name, "No such check");
    }

    public Report live() {
        return new Report(true, List.of());
    }

    private Result settle(String name, CompletableFuture<Result> running) {
        Result result;
        try {
            result = running.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            result = Result.down(name, "No answer within " + BOUND_SECONDS + " s");
        } catch (ExecutionException e) {
            result = Result.down(name, "The check failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = Result.down(name, "Interrupted");
        }
        Boolean before = lastUp.put(name, result.up());
        if (before == null ? !result.up() : before != result.up()) {
            Result changed = result;
            LOG.warning(() -> "Readiness: " + name + " is " + (changed.up() ? "UP" : "DOWN " + changed.data()));
        }
        return result;
    }
}
