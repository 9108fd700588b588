import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat-bot bridge under load, on the JDK's WebSocket client. Makes the bot users (and an owner)
 * through the legacy API and gets their bridge tokens, then:
 *
 * - connections: opens N authenticated idle bot sockets (the bots' tokens in turn, each socket
 *   authenticated on its own) and checks that every one still answers a ping after the pause
 *   (at least IDLE_SECONDS);
 * - fan-out: the owner creates a group chat and adds the bots, each with its own socket; then, round
 *   after round, the owner sends a message, timed from just before sendMessage to its sendMessage
 *   event on every bot socket (p50/p99/max), with the sendMessage call itself.
 *
 *   java bench/Bots.java <base-url> [connections=2000] [rounds=30] [bots=100]
 *
 * bench/run.sh runs it twice: as above, and after the wrk scenarios with 1000 bots and no idle sockets.
 *
 * Prints READY before opening the idle sockets and OPEN n once they are open, and each time waits for
 * a line on stdin (end of input does not wait), so that bench/run.sh can measure the server's heap.
 * Ends with BOT_USERNAME=<a bot> for the token scenario. JDK only.
 */
public class Bots {

    /** Also in bench/token.lua. */
    static final String PASSWORD = "b0t-password";

    static final String DOMAIN = "anteroom.local";
    static final Duration WAIT = Duration.ofSeconds(30);
    /** The idle sockets stay open at least this long (the heap is measured meanwhile) before they are checked. */
    static final int IDLE_SECONDS = 10;
    /** Frames begin with type and id (the server writes them in that order), before any payload. */
    static final Pattern HEAD = Pattern.compile("\\{\"type\":(\\d+),\"id\":(\\d+)");

    static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\":\"(\\d+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0].replaceAll("/$", "");
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

        String admin = field(
                post(
                        "/PresentationServices/validateAccount",
                        "application/x-www-form-urlencoded",
                        form("username", "sigal", "password", "anteroom-demo", "deviceId", "bots-" + UUID.randomUUID()),
                        200),
                "\"token\":\"([^\"]+)\"");
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String[]> bots = make(count + 1, run, admin); // {username, token}
        String[] owner = bots.remove(count);

        System.out.println("READY");
        System.out.flush();
        stdin.readLine();
        idle(connections, bots, stdin);
        fanOut(owner, bots, rounds);
        System.out.println("BOT_USERNAME=" + bots.get(0)[0]);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** N bot users (bot0-run, bot1-run, ...) with a bridge token each: {username, token}. */
    static List<String[]> make(int n, String run, String admin) throws Exception {
        // Each creation and each grant costs a password hash: two at a time keep both cores busy.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String[]>> making = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String username = "bot" + i + "-" + run;
            making.add(pool.submit(() -> {
                user(username, admin);
                return new String[] {username, token(username)};
            }));
        }
        List<String[]> made = new ArrayList<>();
        for (Future<String[]> one : making) {
            made.add(one.get(600, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return made;
    }

    /** N idle authenticated sockets: how many open, whether all still answer after the heap was measured. */
    static void idle(int n, List<String[]> bots, BufferedReader stdin) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Bot>> opening = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            String token = bots.get(i % bots.size())[1];
            opening.add(pool.submit(() -> {
                try {
                    return Bot.open(token);
                } catch (Exception e) {
                    if (refused.incrementAndGet() <= 3) {
                        System.err.println("bot connection failed: " + e);
                    }
                    return null;
                }
            }));
        }
        List<Bot> open = new ArrayList<>();
        for (Future<Bot> bot : opening) {
            Bot opened = bot.get();
            if (opened != null) {
                open.add(opened);
            }
        }
        pool.shutdown();
        long since = System.nanoTime();
        System.out.println("OPEN " + open.size());
        System.out.flush();
        stdin.readLine();
        TimeUnit.NANOSECONDS.sleep(TimeUnit.SECONDS.toNanos(IDLE_SECONDS) - (System.nanoTime() - since));
        long idleSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);

        // Still open: not closed by the server, and a ping is answered.
        List<CompletableFuture<Void>> pongs = new ArrayList<>();
        for (Bot bot : open) {
            pongs.add(bot.ping());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int alive = 0;
        for (int i = 0; i < open.size(); i++) {
            try {
                pongs.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                alive += open.get(i).closed.isDone() ? 0 : 1;
            } catch (Exception e) {
                // no pong in time: not alive
            }
        }
        System.out.printf(
                "bot connections: %d of %d opened and authenticated (userId and connectionId in the answer);"
                        + " %d still open and answering after %d s idle%n",
                open.size(), n, alive, idleSeconds);
        System.out.flush();
        for (Bot bot : open) {
            bot.close();
        }
        for (Bot bot : open) {
            try {
                bot.closed.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                bot.socket.abort();
            }
        }
    }

    /** One group chat, its owner and the bots on a socket each; messages from the owner, timed to every bot. */
    static void fanOut(String[] owner, List<String[]> bots, int rounds) throws Exception {
        Bot sender = Bot.open(owner[1]);
        String chat = field(sender.call("createGroupChat", "{\"title\":\"Bench Fan Out\"}"), "\"chatId\":\"([^\"]+)\"");
        for (String[] bot : bots) {
            sender.call(
                    "addChatParticipant",
                    "{\"chatId\":\"" + chat + "\",\"userId\":\"" + bot[0] + "@" + DOMAIN
                            + "\",\"displayHistory\":true}");
        }
        // The sockets open once everyone is in: n additions told to everyone already in and connected
        // would be n^2 / 2 events before the first round.
        List<Bot> members = new ArrayList<>();
        for (String[] bot : bots) {
            members.add(Bot.open(bot[1]));
        }
        Thread.sleep(500);

        List<Long> delivery = new ArrayList<>();
        List<Long> sendCalls = new ArrayList<>();
        int missed = 0;
        int wrong = 0;
        for (int round = 0; round < rounds + 3; round++) {
            String text = "round " + round + " " + UUID.randomUUID();
            CountDownLatch arrived = new CountDownLatch(members.size());
            ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            members.forEach(bot -> bot.await(text, start, samples, ids, arrived));
            String sent = sender.call(
                    "sendMessage",
                    "{\"chatId\":\"" + chat + "\",\"replyMessageId\":null," + "\"content\":{\"text\":\"" + text
                            + "\",\"parseMode\":\"text\"}}");
            long called = System.nanoTime() - start;
            boolean all = arrived.await(10, TimeUnit.SECONDS);
            String messageId = field(sent, MESSAGE_ID.pattern());
            if (round >= 3) { // the first rounds warm up the JIT
                delivery.addAll(samples);
                sendCalls.add(called);
                missed += all ? 0 : members.size() - samples.size();
                wrong += (int) ids.stream().filter(id -> !id.equals(messageId)).count();
            }
            // The bots' acknowledgements (each marks the message read: one update each) settle, so that a
            // round times the message alone; closer together, the next message queues behind them.
            Thread.sleep(500);
        }
        Collections.sort(delivery);
        Collections.sort(sendCalls);
        System.out.printf(
                "bot fan-out: %d bot sockets in one group chat, %d messages, %d deliveries, %d missed%s%n",
                members.size(),
                sendCalls.size(),
                delivery.size(),
                missed,
                wrong == 0 ? "" : ", " + wrong + " with another messageId");
        if (!delivery.isEmpty()) {
            System.out.printf(
                    "  sendMessage -> event on every bot socket: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    ms(pct(delivery, 50)), ms(pct(delivery, 99)), ms(delivery.get(delivery.size() - 1)));
        }
        System.out.printf(
                "  the sendMessage call itself:              p50 %.2f ms, p99 %.2f ms%n",
                ms(pct(sendCalls, 50)), ms(pct(sendCalls, 99)));
        System.out.flush();
        members.add(sender);
        for (Bot bot : members) {
            bot.close();
        }
        for (Bot bot : members) {
            try {
                bot.closed.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                bot.socket.abort();
            }
        }
    }

    /**
     * One bot socket: requests answered by id, every server event acknowledged at once, and the
     * awaited message's event timed. Text may come in fragments; sends are chained, as the client
     * allows only one outstanding text send.
     */
    static final class Bot implements WebSocket.Listener {
        final StringBuilder partial = new StringBuilder();
        final Map<Long, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
        final AtomicLong ids = new AtomicLong();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        volatile CompletableFuture<Void> pong;
        CompletableFuture<WebSocket> sending;
        WebSocket socket;
        volatile String awaited;
        volatile long start;
        volatile ConcurrentLinkedQueue<Long> samples;
        volatile ConcurrentLinkedQueue<String> messageIds;
        volatile CountDownLatch arrived;

        static Bot open(String token) throws Exception {
            Bot bot = new Bot();
            bot.socket = HTTP.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/websocket/chat_bot"), bot)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            String answer =
                    bot.call("auth", "{\"token\":\"" + token + "\",\"tokenType\":\"JWT\",\"receiveUnread\":false}");
            if (!answer.contains("\"userId\":\"") || !answer.contains("\"connectionId\":\"")) {
                throw new IllegalStateException("auth answered " + answer);
            }
            return bot;
        }

        /** A request; its answer frame, or an exception for an error answer. */
        String call(String method, String payload) throws Exception {
            long id = ids.incrementAndGet();
            CompletableFuture<String> answer = new CompletableFuture<>();
            answers.put(id, answer);
            send("{\"type\":1,\"id\":" + id + ",\"method\":\"" + method + "\",\"payload\":" + payload + "}");
            String frame = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (frame.contains("\"errorCode\"")) {
                throw new IllegalStateException(method + " answered " + frame);
            }
            return frame;
        }

        synchronized void send(String text) {
            sending = sending.thenCompose(ws -> ws.sendText(text, true));
        }

        synchronized CompletableFuture<Void> ping() {
            pong = new CompletableFuture<>();
            sending = sending.thenCompose(ws -> ws.sendPing(ByteBuffer.allocate(0)));
            return pong;
        }

        synchronized void close() {
            sending = sending.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
        }

        void await(
                String text,
                long start,
                ConcurrentLinkedQueue<Long> samples,
                ConcurrentLinkedQueue<String> ids,
                CountDownLatch arrived) {
            this.start = start;
            this.samples = samples;
            this.messageIds = ids;
            this.arrived = arrived;
            this.awaited = text;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            synchronized (this) {
                sending = CompletableFuture.completedFuture(webSocket);
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                String frame = partial.toString();
                partial.setLength(0);
                frame(frame, now);
            }
            webSocket.request(1);
            return null;
        }

        private void frame(String frame, long now) {
            Matcher head = HEAD.matcher(frame);
            if (!head.lookingAt()) {
                System.err.println("unexpected frame: " + frame);
                return;
            }
            long id = Long.parseLong(head.group(2));
            if (head.group(1).equals("2")) {
                CompletableFuture<String> answer = answers.remove(id);
                if (answer != null) {
                    answer.complete(frame);
                }
                return;
            }
            String text = awaited;
            if (text != null && frame.contains("\"method\":\"sendMessage\"") && frame.contains(text)) {
                awaited = null;
                samples.add(now - start);
                Matcher messageId = MESSAGE_ID.matcher(frame);
                messageIds.add(messageId.find() ? messageId.group(1) : "");
                arrived.countDown();
            }
            send("{\"type\":2,\"id\":" + id + "}");
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            CompletableFuture<Void> waiting = pong;
            if (waiting != null) {
                waiting.complete(null);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
        }
    }

    static void user(String username, String admin) throws Exception {
        String answer = post(
                "/PresentationServices/users",
                "application/x-www-form-urlencoded",
                form(
                        "firstName",
                        "Bench",
                        "lastName",
                        "Bot",
                        "username",
                        username,
                        "email",
                        username + "@bots.example",
                        "password",
                        PASSWORD,
                        "passwordConfirm",
                        PASSWORD,
                        "organization",
                        "UNC",
                        "facility",
                        "UNC",
                        "role",
                        "2",
                        "status",
                        "ACTIVE",
                        "userId",
                        "sigal",
                        "token",
                        admin),
                200);
        if (!answer.contains("\"success\":true")) {
            throw new IllegalStateException("creating " + username + ": " + answer);
        }
    }

    static String token(String username) throws Exception {
        return field(
                post(
                        "/bridge/api/client/v1/oauth/token",
                        "application/json",
                        "{\"client_id\":\"chat_bot\"," + "\"grant_type\":\"password\",\"username\":\"" + username
                                + "\",\"password\":\"" + PASSWORD + "\"}",
                        201),
                "\"access_token\":\"([^\"]+)\"");
    }

    static String post(String path, String type, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    static String field(String json, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("not found in " + json);
        }
        return matcher.group(1);
    }

    static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
