import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hub fan-out latency: a room with N members, each holding a real hub WebSocket; then, round after
 * round, a newcomer asks to join and the owner approves. Measured: from just before the approve call
 * to the arrival of its "member-joined" event on every one of the N sockets (p50/p99/max), and the
 * approve call itself. Logins use a bench auth service whose JWKS file the server trusts. JDK only.
 *
 *   java bench/FanOut.java <base-url> <jwks-file> [members=100] [rounds=30] [large=0] [hub-urls]
 *
 * With {@code hub-urls} (comma-separated base URLs of the nodes of one cluster), the members' sockets are opened
 * on those nodes in turn while every call goes to {@code base-url}: the fan-out across nodes (bench/cluster.sh).
 *
 * With {@code large} above 0, a second room of that many members is measured the same way afterwards
 * (bench/run.sh: 1000). Prints the figures, then OWNER_COOKIE=<cookie> (the owner of the first room)
 * for the rooms-list scenario of bench/run.sh.
 */
public class FanOut {

    static final String ISSUER = "https://bench.example";
    static final Pattern UUID_FIELD = Pattern.compile("\"uuid\":\"([0-9a-f-]{36})\"");
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    static String base;
    static List<String> hubBases;
    static KeyPair key;

    record Session(String cookie, String uuid) {}

    public static void main(String[] args) throws Exception {
        base = args[0].replaceAll("/$", "");
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int large = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        hubBases = args.length > 5 ? List.of(args[5].replaceAll("/$", "").split(",")) : List.of(base);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        key = generator.generateKeyPair();
        Files.writeString(Path.of(args[1]), jwks());

        Session owner = login("owner-" + UUID.randomUUID() + "@bench.mil", "Bench Owner", "cac");
        int missed = measure(owner, members, rounds, "fan-out");
        if (large > 0) {
            // A second owner and room: the first room (and its rooms-list answer) stays as it was.
            Session largeOwner = login("owner-" + UUID.randomUUID() + "@bench.mil", "Bench Owner", "cac");
            missed += measure(largeOwner, large, rounds, "large fan-out");
        }
        System.out.println("OWNER_COOKIE=" + owner.cookie());
        System.out.flush();
        Runtime.getRuntime().halt(missed == 0 ? 0 : 1);
    }

    /** A room of {@code members} with a hub socket each, and the approvals timed to every socket; the misses. */
    static int measure(Session owner, int members, int rounds, String label) throws Exception {
        String room = field(call("POST", "/presence/rooms", "{\"name\":\"Fan Out Room\"}", owner), UUID_FIELD);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Hub>> opening = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            int n = i;
            opening.add(pool.submit(() -> {
                Session member =
                        login("member-" + n + "-" + UUID.randomUUID() + "@bench.example", "Member " + n, "google");
                call("POST", "/presence/rooms/" + room + "/join", "", member);
                call("POST", "/presence/rooms/approve/" + member.uuid(), "", owner);
                return Hub.open(member, hubBases.get(n % hubBases.size()));
            }));
        }
        List<Hub> hubs = new ArrayList<>();
        for (Future<Hub> hub : opening) {
            hubs.add(hub.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<Long> delivery = new ArrayList<>();
        List<Long> approveCalls = new ArrayList<>();
        int missed = 0;
        for (int round = 0; round < rounds + 3; round++) {
            Session newcomer =
                    login("newcomer-" + round + "-" + UUID.randomUUID() + "@bench.example", "Newcomer", "google");
            call("POST", "/presence/rooms/" + room + "/join", "", newcomer);
            Thread.sleep(50); // let the join-requested events settle, so only the approval is measured
            CountDownLatch arrived = new CountDownLatch(hubs.size());
            ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            hubs.forEach(hub -> hub.await(newcomer.uuid(), start, samples, arrived));
            call("POST", "/presence/rooms/approve/" + newcomer.uuid(), "", owner);
            long called = System.nanoTime() - start;
            boolean all = arrived.await(10, TimeUnit.SECONDS);
            if (round >= 3) { // the first rounds warm up the JIT
                delivery.addAll(samples);
                approveCalls.add(called);
                missed += all ? 0 : hubs.size() - samples.size();
            }
            call("POST", "/presence/rooms/" + room + "/leave", "", newcomer);
        }
        Collections.sort(delivery);
        Collections.sort(approveCalls);
        System.out.printf(
                "%s: %d sockets in one room on %d node(s), %d approvals, %d deliveries, %d missed%n",
                label, hubs.size(), hubBases.size(), approveCalls.size(), delivery.size(), missed);
        System.out.printf(
                "  approve -> event on every socket: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                ms(pct(delivery, 50)), ms(pct(delivery, 99)), ms(delivery.get(delivery.size() - 1)));
        System.out.printf(
                "  the approve call itself:          p50 %.2f ms, p99 %.2f ms%n",
                ms(pct(approveCalls, 50)), ms(pct(approveCalls, 99)));
        System.out.flush();
        return missed;
    }

    /** One member's hub socket, recording when the awaited member-joined event arrives. */
    static final class Hub implements WebSocket.Listener {
        final StringBuilder partial = new StringBuilder();
        final CountDownLatch connected = new CountDownLatch(1);
        volatile String awaited;
        volatile long start;
        volatile ConcurrentLinkedQueue<Long> samples;
        volatile CountDownLatch arrived;

        static Hub open(Session member, String hubBase) throws Exception {
            String negotiated = call("GET", "/presence/negotiate?uuid=" + member.uuid(), null, member);
            String token = field(negotiated, Pattern.compile("\"token\":\"([^\"]+)\""));
            Hub hub = new Hub();
            HTTP.newWebSocketBuilder()
                    .buildAsync(
                            URI.create(hubBase.replaceFirst("^http", "ws") + "/hubs/presence?access_token="
                                    + URLEncoder.encode(token, StandardCharsets.UTF_8)),
                            hub)
                    .get(10, TimeUnit.SECONDS);
            if (!hub.connected.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("hub did not say connected");
            }
            return hub;
        }

        void await(String uuid, long start, ConcurrentLinkedQueue<Long> samples, CountDownLatch arrived) {
            this.start = start;
            this.samples = samples;
            this.arrived = arrived;
            this.awaited = uuid;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                long now = System.nanoTime();
                String uuid = awaited;
                if (message.startsWith("{\"type\":\"connected\"")) {
                    connected.countDown();
                } else if (uuid != null
                        && message.startsWith("{\"type\":\"member-joined\"")
                        && message.contains(uuid)) {
                    awaited = null;
                    samples.add(now - start);
                    arrived.countDown();
                }
            }
            socket.request(1);
            return null;
        }
    }

    static Session login(String email, String name, String method) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/presence/login"))
                        .header("Authorization", "Bearer " + token(email, name, method))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login " + response.statusCode() + " " + response.body());
        }
        String cookie =
                response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return new Session(cookie, field(response.body(), UUID_FIELD));
    }

    static String call(String method, String path, String body, Session session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", session.cookie())
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String field(String json, Pattern pattern) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("not found in " + json);
        }
        return matcher.group(1);
    }

    static String token(String email, String name, String method) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = b64("{\"alg\":\"ES256\",\"kid\":\"bench\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + UUID.randomUUID() + "\",\"email\":\"" + email
                + "\",\"name\":\"" + name + "\",\"method\":\"" + method + "\",\"iat\":" + now + ",\"exp\":"
                + (now + 3600) + "}");
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(key.getPrivate());
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    static String jwks() {
        ECPublicKey pub = (ECPublicKey) key.getPublic();
        return "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"ES256\",\"x\":\""
                + coordinate(pub.getW().getAffineX()) + "\",\"y\":\""
                + coordinate(pub.getW().getAffineY()) + "\"}]}";
    }

    static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
